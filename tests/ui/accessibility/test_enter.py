"""Enter presses the main button of every dialog (README, "Menus and keys"): the
button Qt presses on Enter (the dialog's default push button) is one the person can
see. A default button that is hidden, or none at all, makes Enter do nothing; and
Enter never prints (printing talks to the print service: only a click asks for it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton

from tests.ui.accessibility.screens import each_screen


def test_every_dialogs_enter_presses_a_button_that_shows(qtbot, window, store):  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for title, root in each_screen(qtbot, window, store):
        dialog = root.window()
        if not isinstance(dialog, QDialog):
            continue
        defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
        shown = [b.text() for b in defaults if b.isVisible()]
        if len(shown) != 1 or len(defaults) != 1 or "Print" in shown[0]:
            hidden = [b.text() for b in defaults if not b.isVisible()]
            problems.append(f"{title}: Enter presses {shown or 'nothing'} (hidden: {hidden})")
    assert problems == []


def test_enter_in_the_text_size_field_saves_settings_at_the_first_press(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Break test 15 of session 7, finding 4: Enter in "Text size in percent" was said
    to do nothing the first time. Not reproduced, offscreen nor under Xvfb with real
    key events (xdotool: Return and the keypad's Enter, the field reached by Tab, with
    and without Ctrl+A); kept as a guard: focused as Tab does, typed into, one Enter saves."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.activateWindow()
    window.show_settings()
    dialog = window.settings_dialog
    field = dialog.font_scale
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab brings it: its text chosen
    assert QApplication.focusWidget() in (field, field.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "120")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.settings.get(FONT_SCALE) == 120

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

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


def test_enter_in_together_names_presses_the_cards_main_button_and_is_heard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 11, finding 9: Enter in "Your name" (no partner chosen)
    did nothing and said nothing; the same in a writer's name."""
    from PySide6.QtCore import Qt

    from tests.ui.accessibility.screens import area

    window = unlocked_window
    together = area(window, "together")
    window.show_area(together)
    start = together.start  # type: ignore[attr-defined]
    start.partner.clear()  # no other journal on this computer: nothing chosen
    start.my_name.setFocus()
    qtbot.keyClicks(start.my_name, "Sam")
    a11y_events.clear()
    qtbot.keyClick(start.my_name, Qt.Key.Key_Return)
    said = "Please choose your partner's journal, or the folder it is in."
    assert a11y_events.announcements(assertive=True) == [said]
    # Said under the partner's choice and read with it (issue 15 break test of
    # session 24: under the passphrase, and not in the focused control's description).
    assert start.partner_problem == said and start.partner_notes[start.partner].isVisible()
    assert start.partner.accessibleDescription() == said and not start.problem.isVisible()
    a11y_events.clear()
    qtbot.keyClick(start.my_name, Qt.Key.Key_Return)  # again: heard again, once
    assert a11y_events.announcements(assertive=True) == [said]
    start.first_writer.setFocus()
    a11y_events.clear()
    qtbot.keyClick(start.first_writer, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert a11y_events.announcements(assertive=True) == [start.writers_problem.text()]
    assert start.writers_problem.isVisible()


def _searches(field) -> bool:  # type: ignore[no-untyped-def]
    """A search or filter field: its words act as they are typed."""
    name = field.accessibleName() or field.parentWidget().accessibleName()
    return "Search" in name or "filter" in name


def _errors_shown(root) -> list[str]:  # type: ignore[no-untyped-def]
    from journal.ui.common.accessibility import Message

    return [
        m.text()
        for m in root.findChildren(Message)
        if m.isVisible() and m.text() and m.kind == "error"
    ]


def test_enter_in_every_field_of_every_page_and_dialog_does_something_heard(  # type: ignore[no-untyped-def]
    qtbot, window, store, a11y_events
):
    """README: Enter presses the main button of every page and dialog. In each one-line
    field (search fields aside: they search as typed) Enter is heard: a message, the
    focus moving on, or the dialog done."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

    from tests.ui.accessibility.screens import settle

    silent, seen = [], 0
    for title, root in each_screen(qtbot, window, store):
        root.window().activateWindow()
        settle()
        fields = [
            f
            for f in root.findChildren(QLineEdit)
            if f.isVisible()
            and f.isEnabled()
            and not f.isReadOnly()
            and f.window() is root.window()
            and not isinstance(f.parentWidget(), QAbstractSpinBox)
            and not _searches(f)
        ]
        for field in fields:
            field.setFocus(Qt.FocusReason.TabFocusReason)
            if not field.hasFocus():
                continue
            seen += 1
            shown = _errors_shown(root)
            a11y_events.clear()
            qtbot.keyClick(field, Qt.Key.Key_Return)
            settle()
            if not root.isVisible():
                break  # the dialog did its work and closed
            told = _errors_shown(root)
            if (
                not a11y_events.announcements()
                and QApplication.focusWidget() is field
                and not (told and shown)  # an error already up, told before
            ):
                silent.append(f"{title}: {field.accessibleName()!r}")
    assert seen >= 20
    assert silent == [], "\n".join(silent)


def test_enter_in_an_empty_own_prompt_says_so_and_writes_with_no_prompt(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Enter in "Your own prompt" left empty fell through to the dialog's default button:
    the dialog closed and a new entry began with the prompt offered, unasked. Enter
    there adds the prompt typed, or says beside the field that there is none."""
    from PySide6.QtCore import Qt

    from journal.ui.entries.prompts import NO_OWN_PROMPT
    from tests.ui.accessibility.screens import area

    journal = area(unlocked_window, "journal")
    unlocked_window.show_area(journal)
    picker = journal.write_with_prompt()  # type: ignore[attr-defined]
    assert picker is not None
    qtbot.waitUntil(picker.isVisible, timeout=2000)
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow, timeout=2000)
    picker.own.setFocus()
    a11y_events.clear()
    qtbot.keyClick(picker.own, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.chosen is None
    assert a11y_events.announcements(assertive=True) == [NO_OWN_PROMPT]
    assert picker.own_problem.isVisible()
    qtbot.keyClicks(picker.own, "What would I tell a friend?")
    assert not picker.own_problem.isVisible()
    with qtbot.waitSignal(picker.finished, timeout=5000):
        qtbot.keyClick(picker.own, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.text == "What would I tell a friend?"


def test_a_writers_name_typed_takes_the_message_about_names_away(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Break test 15 of session 12, finding 11k: "Please give both of you a name…"
    stayed beside two names filled in."""
    from PySide6.QtCore import Qt

    from tests.ui.accessibility.screens import area

    together = area(unlocked_window, "together")
    unlocked_window.show_area(together)
    start = together.start  # type: ignore[attr-defined]
    start.second_writer.setFocus()
    qtbot.keyClick(start.second_writer, Qt.Key.Key_Return)
    assert start.writers_problem.isVisible()
    qtbot.keyClicks(start.second_writer, "Alex")
    assert not start.writers_problem.isVisible()

"""After a refusal on the Together page the focus goes to what needs her (issue 15,
break test of session 23, finding 2): Alt+O with no partner's journal and Alt+W with
no names said what was missing, and the focus stayed on the sidebar, a whole page of
Tabs away. The writers' names are labelled beside their fields, not by placeholders
that go as a name is typed (finding 3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.together.support import together


def opened_from_the_sidebar(qtbot, window):  # type: ignore[no-untyped-def]
    area = together(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.navigation.setFocus()  # as after a click on "Together" in the sidebar
    return area.start


def test_open_together_with_no_partner_chosen_goes_to_the_choice(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    start = opened_from_the_sidebar(qtbot, unlocked_window)
    qtbot.mouseClick(start.open_button, Qt.MouseButton.LeftButton)
    assert "choose your partner" in start.partner_problem
    focus = QApplication.focusWidget()
    assert focus in (start.partner, start.folder_button)
    note = start.partner_notes[focus]
    assert note.isVisible() and focus.accessibleDescription() == note.text()
    # Right under the choice, above the passphrase (it was under the passphrase).
    assert (
        note.mapTo(start, note.rect().topLeft()).y()
        < start.passphrase.mapTo(start, start.passphrase.rect().topLeft()).y()
    )


def test_naming_no_writers_goes_to_the_first_name(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    start = opened_from_the_sidebar(qtbot, unlocked_window)
    qtbot.mouseClick(start.name_button, Qt.MouseButton.LeftButton)
    assert start.writers_problem.isVisible()
    assert QApplication.focusWidget() is start.first_writer
    qtbot.keyClicks(start.first_writer, "Sam")
    qtbot.mouseClick(start.name_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is start.second_writer  # the one still empty


def test_each_writers_name_has_a_label_of_its_own(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    start = opened_from_the_sidebar(qtbot, unlocked_window)
    buddies = {
        label.buddy(): label.text()
        for label in start.findChildren(QLabel)
        if label.buddy() is not None and label.isVisible()
    }
    assert buddies[start.first_writer] == "First wr&iter"
    assert buddies[start.second_writer] == "Se&cond writer"

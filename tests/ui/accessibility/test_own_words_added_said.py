"""What a person adds in their own words is said (break test 15 of session 18, finding 1):
a feeling typed "in your own words" and Enter comes into view and is said (the field
emptied, nothing was heard, and the new chip was the list's 23rd, out of sight below
the others), and so is an idea of their own added in the Library. Real window, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.accessibility.screens import area, settle
from tests.ui.entries.test_editor import journal_area


def test_a_feeling_in_your_own_words_is_said_and_shown(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    window.show_area(area)
    area.new_entry()
    editor = area.editor
    if not editor.details.isVisible():
        qtbot.keyClick(editor.details_button, Qt.Key.Key_Space)  # Mood, feelings, tags
    settle()
    picker = editor.feelings
    own = picker.own
    own.setFocus()
    qtbot.waitUntil(own.hasFocus)
    a11y_events.listen()

    qtbot.keyClicks(own, "hollow")
    qtbot.keyClick(own, Qt.Key.Key_Return)
    settle()
    assert a11y_events.announcements(assertive=False) == ["Added the feeling hollow."]
    assert QApplication.focusWidget() is own and own.text() == ""
    item = picker.list.findItems("hollow", Qt.MatchFlag.MatchExactly)[0]
    assert item.checkState() == Qt.CheckState.Checked
    shown = picker.list.viewport().rect()
    assert shown.contains(picker.list.visualItemRect(item)), "the new feeling is in view"

    a11y_events.listen()  # the same words again: chosen already, and said so
    qtbot.keyClicks(own, "Hollow")
    qtbot.keyClick(own, Qt.Key.Key_Return)
    assert a11y_events.announcements(assertive=False) == ["The feeling hollow is chosen already."]
    assert len(picker.list.findItems("hollow", Qt.MatchFlag.MatchExactly)) == 1


def ideas_page(window):  # type: ignore[no-untyped-def]
    """The closeness ideas shown in ``window`` (active), the page settled."""
    window.activateWindow()
    library = area(window, "library")
    window.show_area(library)
    library.show_ideas()
    settle()
    return library.ideas


def test_an_idea_of_your_own_added_is_said(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    ideas = ideas_page(unlocked_window)
    ideas.new_title.setFocus()
    qtbot.waitUntil(ideas.new_title.hasFocus)
    qtbot.keyClicks(ideas.new_title, "Reading aloud")
    a11y_events.listen()
    qtbot.keyClick(ideas.new_title, Qt.Key.Key_Return)
    settle()
    assert a11y_events.announcements(assertive=False) == ["Added your idea: Reading aloud."]
    assert [c.title for c in ideas.cards][-1] == "Reading aloud"
    assert QApplication.focusWidget() is ideas.new_title and ideas.new_title.text() == ""


def test_add_this_idea_hands_the_focus_to_the_name_alone(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F4: pressed on the button, the emptied name
    disabled it under the focus, which Qt handed on through the cards being rebuilt:
    "Hugging: Yes", "Cuddling: Yes"… heard, hidden and unavailable, before the name."""
    ideas = ideas_page(unlocked_window)
    ideas.new_title.setFocus()
    qtbot.waitUntil(ideas.new_title.hasFocus)
    qtbot.keyClicks(ideas.new_title, "Reading aloud")
    ideas.add_button.setFocus()
    qtbot.waitUntil(ideas.add_button.hasFocus)
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(ideas.add_button, Qt.Key.Key_Space)
    settle()
    assert a11y_events.names(QAccessible.Event.Focus) == ["Name of your idea"]
    assert a11y_events.announcements(assertive=False) == ["Added your idea: Reading aloud."]


def test_an_idea_of_your_own_removed_is_said(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F8: the card went in silence, and its button's
    name did not hold its shown words ("Remove your idea Reading aloud")."""
    ideas = ideas_page(unlocked_window)
    ideas.new_title.setText("Reading aloud")
    ideas.add_button.click()
    settle()
    card = ideas.cards[-1]
    (remove,) = [b for b in card.findChildren(QPushButton) if b.text() == "Remove this idea"]
    assert remove.accessibleName() == "Remove this idea: Reading aloud"
    remove.click()
    question = next(
        w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "yes_button")
    )
    a11y_events.clear()
    question.yes_button.click()
    settle()
    assert a11y_events.announcements(assertive=False) == ["Removed your idea: Reading aloud."]
    assert "Reading aloud" not in [c.title for c in ideas.cards]


def test_enter_with_no_name_says_so_and_goes_to_the_name(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F14: Enter in the description with no name said to
    press "Add this idea", a button off and out of the Tab order, and the focus stayed
    in the description."""
    from journal.ui.library.ideas import NO_IDEA_NAME

    ideas = ideas_page(unlocked_window)
    ideas.new_description.setFocus()
    qtbot.waitUntil(ideas.new_description.hasFocus)
    qtbot.keyClicks(ideas.new_description, "Turns, a page each")
    a11y_events.clear()
    qtbot.keyClick(ideas.new_description, Qt.Key.Key_Return)
    assert a11y_events.announcements(assertive=True) == [NO_IDEA_NAME]
    assert QApplication.focusWidget() is ideas.new_title
    assert ideas.new_description.text() == "Turns, a page each"  # nothing lost

"""Bold and italics on the word at the cursor keep the caret where it was, with no
selection, and are heard in words (break test 15 of session 11, finding 1): Ctrl+B
left the word selected, so the next character typed replaced it without a sound
("one two" + Ctrl+B + " three" gave "one ** three**"), and the undo of a bold was
said with the Markdown stars."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.entries.editing import CTRL, SHIFT, focused_editor


def test_typing_after_bold_on_the_word_at_the_cursor_loses_nothing(qtbot):  # type: ignore[no-untyped-def]
    for key, marker in ((Qt.Key.Key_B, "**"), (Qt.Key.Key_I, "*")):
        editor = focused_editor(qtbot)
        qtbot.keyClicks(editor, "one two")
        qtbot.keyClick(editor, key, CTRL)
        assert not editor.textCursor().hasSelection()
        qtbot.keyClicks(editor, " three")
        # At the word's end nothing written changes (session 20, N1): bold is on for
        # what comes, the space goes before its pair; an italic glued to a word would
        # read as no italic, so none is made there.
        assert editor.markdown() == ("one two **three**" if marker == "**" else "one two three")


def test_the_caret_keeps_its_place_in_the_word_on_and_off(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "one two")
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # "tw|o"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, "X")
    assert editor.markdown() == "one **twXo**"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)  # off again
    assert not editor.textCursor().hasSelection()
    qtbot.keyClicks(editor, "Y")
    assert editor.markdown() == "one twXYo"


def test_a_selection_made_by_the_person_stays_selected(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "one two")
    qtbot.keyClick(editor, Qt.Key.Key_Left, CTRL | SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.textCursor().selectedText() == "two"


def test_formatting_and_its_undo_are_heard_in_words(qtbot, a11y_events):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "one two")
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # in the word (at its edge: for what comes)
    a11y_events.clear()
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # still in the word: the bold comes off
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Q, CTRL | SHIFT)
    assert editor.markdown() == "> one **two**"
    assert a11y_events.announcements(assertive=False) == [
        "Bold: “two”",
        "Undone: bold on “two”",
        "Redone: bold on “two”",
        "Bold off: “two”",
        "Undone: bold off “two”",
        "Quote: “one **two**”",
    ]

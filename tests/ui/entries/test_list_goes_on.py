"""Enter in a list item or a quote goes on with it, as Markdown editors do (break test 9
of session 19, finding 2): the toolbar's list buttons made one item only, and the next
line, with no marker, was read as part of the first item in the exported Markdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.entries.editing import CTRL, SHIFT, editor_with_toolbar, focused_editor

ENTER = Qt.Key.Key_Return


@pytest.mark.parametrize(
    ("button", "first", "second", "third"),
    [("bullets", "- ", "- ", "- "), ("numbers", "1. ", "2. ", "3. "), ("quote", "> ", "> ", "> ")],
)
def test_enter_goes_on_with_the_list_and_twice_ends_it(qtbot, button, first, second, third):  # type: ignore[no-untyped-def]
    _window, editor = editor_with_toolbar(qtbot)
    qtbot.keyClicks(editor, "Before")
    qtbot.keyClick(editor, ENTER)
    qtbot.mouseClick(editor.button(button), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "item one")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "item two")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClick(editor, ENTER)  # on the empty item: the list ends, its marker goes
    assert editor.toPlainText() == f"Before\n{first}item one\n{second}item two\n"
    # One Ctrl+Z takes back one Enter: the list's end, then the item it made.
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == f"Before\n{first}item one\n{second}item two\n{third}"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == f"Before\n{first}item one\n{second}item two"
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "after")
    shown = f"Before\n{first}item one\n{second}item two\nafter"
    assert editor.toPlainText() == shown
    assert editor.markdown() == shown  # stored exactly as shown


def test_numbers_are_counted_on_from_the_ones_typed_and_other_lines_are_left_alone(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "9) nine")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "ten")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "> - quoted item")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClick(editor, ENTER)  # the item ends; the quote goes on to the next Enter
    qtbot.keyClicks(editor, "still quoted")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "## heading")
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "prose")
    qtbot.keyClick(editor, ENTER, SHIFT)  # Shift+Enter: a plain line break
    qtbot.keyClicks(editor, "- typed")
    qtbot.keyClick(editor, ENTER, SHIFT)
    qtbot.keyClicks(editor, "end")
    assert editor.markdown() == (
        "9) nine\n10) ten\n> - quoted item\n> still quoted\n## heading\nprose\n- typed\nend"
    )


def test_a_new_item_in_the_middle_counts_on_the_items_after_it_in_one_undo_step(qtbot):  # type: ignore[no-untyped-def]
    """Break test of session 20, N6: Enter on item 2 of four made "3." and left the
    rest as they were, a list numbered 1, 2, 3, 3, 4."""
    editor = focused_editor(qtbot)
    before = "1. one\n2. two\n   - under two\n3. three\n4. four\n\n1. another list"
    editor.setPlainText(before)
    cursor = editor.textCursor()
    cursor.setPosition(len("1. one\n2. two"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, ENTER)
    qtbot.keyClicks(editor, "new")
    assert editor.markdown() == (
        "1. one\n2. two\n3. new\n   - under two\n4. three\n5. four\n\n1. another list"
    )
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the word typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the item and the counting on, together
    assert editor.markdown() == before

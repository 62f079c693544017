""" "Delete entry…" stays where it is when the save status appears beside it (issue 10,
break test of session 24): the autosave's "Saved at 07:21" was put after the button at
the row's right end and pushed it ~105 px left, so a click aimed at it a moment later
hit empty space. Real window, real typing, the real autosave."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from journal.ui.entries.area import JournalArea
from tests.ui.entries.test_editor import journal_area
from tests.ui.shell.test_fits_any_screen import settle_layouts


def new_entry_typed(qtbot, window, width: int, height: int) -> JournalArea:  # type: ignore[no-untyped-def]
    """``window`` at ``width`` x ``height`` pixels, Ctrl+N, and words typed (not saved
    yet); its journal area."""
    window.resize(width, height)
    area = journal_area(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(area.editor.body.hasFocus)
    qtbot.keyClicks(area.editor.body, "A walk by the river")
    return area


def test_delete_entry_does_not_move_when_saved_at_appears(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = new_entry_typed(qtbot, window, 1366, 740)
    editor = area.editor
    button = editor.delete_button
    qtbot.waitUntil(button.isVisible)
    before = button.mapTo(window, QPoint(0, 0))
    assert editor.status.text() == ""  # not saved yet: the status is empty
    qtbot.waitUntil(lambda: editor.status.text().startswith("Saved at"), timeout=10_000)
    qtbot.wait(50)  # the row laid out again with the status in it
    assert editor.status.isVisible()
    assert button.mapTo(window, QPoint(0, 0)) == before
    # A status too long for the row wraps under it; the button keeps its place.
    editor.status.show_message(
        "Not saved yet: the disk is full. Your words stay in the window; Solace will try "
        "again once there is space.",
        quietly=True,
    )
    qtbot.wait(50)
    assert editor.status.y() > button.y()  # on a line of its own, under the button
    # Still at the row's right end; the row, a line taller, stands that much higher.
    assert button.mapTo(window, QPoint(0, 0)).x() == before.x()
    # And the click lands on it: it asks first.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert area.question is not None and area.question.isVisible()
    qtbot.keyClick(area.question, Qt.Key.Key_Escape)  # Keep it


def test_at_200_percent_on_a_small_screen_saved_at_takes_a_line_of_its_own(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    """At 1024x600 and 200 % text "Share with my partner", "Saved at 10:07" and "Delete
    entry…" do not fit one line: the button went to a second line as the status came.
    The status takes that line instead; the button keeps its place."""
    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    editor = new_entry_typed(qtbot, window, 1016, 560).editor
    button = editor.delete_button
    qtbot.waitUntil(button.isVisible)
    settle_layouts(window)  # 50 ms was too short on a loaded machine: the page's scroll
    before = button.mapTo(window, QPoint(0, 0))  # bar still to go moved it by 14 px
    assert button.y() == editor.shared.y() or button.y() < editor.shared.y() + 5
    qtbot.waitUntil(lambda: editor.status.text().startswith("Saved at"), timeout=10_000)
    settle_layouts(window)
    assert editor.status.y() > button.y()  # under the row, on a line of its own
    assert button.mapTo(window, QPoint(0, 0)).x() == before.x()

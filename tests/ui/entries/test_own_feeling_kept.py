"""A feeling typed in its own words and not chosen with Enter is chosen as the field
is left and before a lock saves: it was lost at Ctrl+L, the lock screen saying that
everything written was saved (break test 40, finding 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.entries.repository import EntryRepository
from tests.ui.library.support import unlock_again


def test_a_feeling_typed_without_enter_is_kept_at_a_lock(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    entries = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    editor = entries.editor
    qtbot.keyClicks(editor.body, "A slow day")
    editor.feelings.own.setFocus()
    qtbot.keyClicks(editor.feelings.own, "Hollow")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked

    unlock_again(qtbot, window)
    repository = EntryRepository(window.journal.db)
    (summary,) = repository.summaries_page(0, 10)
    entry = repository.get(summary.id)
    assert entry is not None
    assert entry.body == "A slow day"
    assert entry.feelings == ("hollow",)


def test_leaving_the_field_chooses_the_feeling(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    entries = next(a for a in unlocked_window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    feelings = entries.editor.feelings
    feelings.own.setFocus()
    qtbot.waitUntil(feelings.own.hasFocus)
    qtbot.keyClicks(feelings.own, "Tender")
    qtbot.keyClick(feelings.own, Qt.Key.Key_Tab)
    assert feelings.own.text() == ""
    assert "tender" in feelings.feelings()

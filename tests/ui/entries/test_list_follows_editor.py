"""The list's chosen row is always the entry shown beside it, whatever opened it:
a draft sealed at a lock on a full disk and put back at unlock, an entry brought back
by Undo. Edit > Delete… and the Delete key then ask about the entry on screen.

Break test 16 of session 11, finding 4: after a full disk, the unlock showed the kept
words in the editor while the list still highlighted the entry open at the lock before,
and Edit > Delete… offered to delete that other, older entry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.common.confirm import Question
from tests.ui.shell.test_full_disk import disk_full, unlock_and_read

OLDER = "Zephyr, the entry open at the lock before"
KEPT = "Fullcanary, words written as the disk filled"


def entries_of(window):  # type: ignore[no-untyped-def]
    return next(a for a in window.areas if a.area_id == "journal")


def chosen_id(entries) -> str:  # type: ignore[no-untyped-def]
    """The entry of the row the list shows chosen (current and highlighted), or ""."""
    index = entries.timeline.currentIndex()
    if not index.isValid() or not entries.timeline.selectionModel().isSelected(index):
        return ""
    return str(entries.model.row_view(index.row())[0].summary.id)


def asked(window) -> Question:  # type: ignore[no-untyped-def]
    (question,) = [w for w in window.findChildren(Question) if w.isVisible()]
    return question


def two_entries_written(qtbot, entries) -> None:  # type: ignore[no-untyped-def]
    """Two entries written with New entry and saved, the second one shown."""
    for words in (OLDER, KEPT):
        qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(entries.editor.body, words)
        assert entries.editor.save_now()


def test_the_draft_put_back_at_unlock_is_the_entry_chosen_in_the_list(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    entries = entries_of(window)
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entries.editor.body, OLDER)
    assert entries.editor.save_now()
    window.lock()  # the older entry is the one reopened at the next unlock
    assert OLDER in unlock_and_read(qtbot, window)

    entries = entries_of(window)
    older = entries.editor.entry_id
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entries.editor.body, KEPT)  # no pause: the autosave has not run
    with disk_full(4096):  # the database cannot grow; the sealed file still fits
        window.lock()
    assert "kept encrypted" in window.lock_screen.unlock_page.error.text()

    assert KEPT in unlock_and_read(qtbot, window)
    entries = entries_of(window)
    shown = entries.editor.entry_id
    assert entries.editor.body.toPlainText() == KEPT and shown != older
    assert chosen_id(entries) == shown  # not the older entry's row

    window.delete_chosen()  # Edit > Delete…, answered yes: the entry on screen goes
    qtbot.mouseClick(asked(window).yes_button, Qt.MouseButton.LeftButton)
    assert entries.repo.get(shown) is None and entries.repo.get(older) is not None
    entries.undo_delete()
    assert entries.editor.entry_id == shown and chosen_id(entries) == shown

    entries.timeline.setFocus()  # the Delete key in the list, answered yes
    qtbot.keyClick(entries.timeline, Qt.Key.Key_Delete)
    qtbot.mouseClick(asked(window).yes_button, Qt.MouseButton.LeftButton)
    assert entries.repo.get(shown) is None and entries.repo.get(older) is not None


def test_an_entry_brought_back_by_undo_is_the_entry_chosen_in_the_list(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    entries = entries_of(window)
    two_entries_written(qtbot, entries)
    shown = entries.editor.entry_id
    window.delete_chosen()
    qtbot.mouseClick(asked(window).yes_button, Qt.MouseButton.LeftButton)
    other = entries.model.row_view(0)[0].summary.id
    entries.timeline.setCurrentIndex(entries.model.index(0))  # the older one chosen
    assert chosen_id(entries) == other
    entries.undo_delete()
    assert entries.editor.entry_id == shown
    assert chosen_id(entries) == shown


def test_after_a_delete_no_row_is_chosen_beside_the_empty_page(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Issue 15, break test of session 25, F6: the next entry's row showed chosen (and
    was heard selected) while the editor said "Choose an entry on the left"."""
    window = unlocked_window
    entries = entries_of(window)
    two_entries_written(qtbot, entries)
    entries.timeline.setFocus()
    qtbot.keyClick(entries.timeline, Qt.Key.Key_Delete)
    qtbot.mouseClick(asked(window).yes_button, Qt.MouseButton.LeftButton)
    assert entries.pages.currentWidget() is entries.empty
    assert chosen_id(entries) == ""
    assert not entries.timeline.selectionModel().hasSelection()

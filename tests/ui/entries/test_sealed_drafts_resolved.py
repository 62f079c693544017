"""A draft sealed at a lock because it could not be saved, and saved since, never comes
back over the words written after it (break test 9 of session 12, finding 8: the
sealed file outlived the save that resolved it, came back at every unlock, and fixing
it again overwrote a day's words). The real window, journal and lock."""

from __future__ import annotations

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.drafts import DRAFTS_NAME
from tests.ui.entries.test_editor import journal_area, unlock


def test_a_draft_saved_since_its_lock_is_not_given_back_again(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "day one")
    assert area.editor.save_now()
    entry_id = area.editor.entry_id
    folder = unlocked_window.journal.folder
    # Text the journal cannot hold (an older app let it through): no save can take it,
    # so the lock seals it beside the journal, and the unlock gives it back.
    too_long = "x" * (MAX_BODY_CHARS + 10)
    area.editor.body.set_markdown(too_long)
    assert unlocked_window.lock()
    assert (folder / DRAFTS_NAME).exists()
    unlock(qtbot, unlocked_window)
    area = journal_area(unlocked_window)
    assert area.editor.entry_id == entry_id
    assert area.editor.body.markdown() == too_long
    # Day two: she shortens it, it is saved, and she writes on.
    area.editor.body.set_markdown("day one, and day two")
    assert area.editor.save_now()
    assert unlocked_window.lock()
    assert not (folder / DRAFTS_NAME).exists()  # done with: it was saved
    unlock(qtbot, unlocked_window)
    area = journal_area(unlocked_window)
    assert area.editor.body.markdown() != too_long
    stored = EntryRepository(unlocked_window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "day one, and day two"

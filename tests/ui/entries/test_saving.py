"""Saving happens off the GUI thread, in order, and lock waits for it (issue 9).

A save is held in progress for real: another connection takes SQLite's write lock
(BEGIN IMMEDIATE), so the editor's own save connection waits on the busy timeout
until it is let go.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from journal.storage.entries.repository import EntryRepository
from tests.conftest import PASSPHRASE
from tests.ui.entries.test_editor import journal_area, unlock


@contextmanager
def write_lock_held(journal: Any) -> Iterator[Any]:
    """Hold the journal's write lock on a connection of its own; yields the connection."""
    holder = journal.own_database()
    connection = holder.engine.connect()
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        yield connection
    finally:
        connection.close()  # rolls back if still open
        holder.close()


def test_typing_lands_while_a_save_is_in_progress_and_lock_waits_for_it(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    editor = area.editor
    qtbot.keyClicks(editor.body, "Written first. ")
    entry_id = editor.entry_id
    with write_lock_held(unlocked_window.journal) as holder:
        editor.save_soon()
        assert editor.saver.busy  # the write waits for the lock
        qtbot.keyClicks(editor.body, "Typed while it saved.")
        assert editor.body.markdown() == "Written first. Typed while it saved."
        assert editor.saver.busy and editor.is_dirty  # the keys were handled meanwhile
        editor.save_soon()  # waits behind the running save
        # Let go once the lock below is waiting for the saves.
        threading.Timer(0.2, holder.rollback).start()
        assert unlocked_window.lock()
    unlock(qtbot, unlocked_window)
    stored = EntryRepository(unlocked_window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "Written first. Typed while it saved."


def test_saves_land_in_order_and_a_later_edit_is_never_counted_as_saved_early(
    qtbot, unlocked_window
):
    area = journal_area(unlocked_window)
    area.new_entry()
    editor = area.editor
    repo = EntryRepository(unlocked_window.journal.db)
    saved: list[str] = []
    editor.saved.connect(lambda summary: saved.append(summary.headline))
    qtbot.keyClicks(editor.body, "one")
    with write_lock_held(unlocked_window.journal) as holder:
        editor.save_soon()  # "one": running, held
        qtbot.keyClicks(editor.body, " two")
        editor.save_soon()  # "one two": waits
        qtbot.keyClicks(editor.body, " three")
        editor.save_soon()  # "one two three": replaces the waiting one
        qtbot.keyClicks(editor.body, " four")  # not asked to save yet
        holder.rollback()
        qtbot.waitUntil(lambda: len(saved) == 2, timeout=10_000)
    assert saved == ["one", "one two three"]
    assert repo.get(editor.entry_id).body == "one two three"
    assert editor.is_dirty  # " four" is not written yet, whatever finished last
    assert editor.status.text().startswith("Saved at")
    assert editor.save_now()
    assert repo.get(editor.entry_id).body == "one two three four"
    assert not editor.is_dirty


def test_after_the_key_is_rotated_the_journal_area_still_reads_and_saves(qtbot, unlocked_window):
    """Rotating the key used to leave every open view with a closed database: the
    timeline, search and saves failed with "the journal is locked" until a lock."""
    area = journal_area(unlocked_window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "before the new key")
    assert area.editor.save_now()
    unlocked_window.journal.rotate_data_key(PASSPHRASE)
    qtbot.keyClicks(area.editor.body, " and after")
    assert area.editor.save_now()
    area.show_timeline()
    assert area.model.rowCount() == 1
    stored = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert stored is not None and stored.body == "before the new key and after"


def test_a_new_entry_waits_while_the_words_shown_cannot_be_saved(qtbot, unlocked_window):
    """Starting another entry used to drop the words shown when their save failed."""
    area = journal_area(unlocked_window)
    area.new_entry()
    editor = area.editor
    qtbot.keyClicks(editor.body, "kept, ")
    assert editor.save_now()  # the saves' own connection is open now
    qtbot.keyClicks(editor.body, "whatever happens")
    entry_id = editor.entry_id
    assert editor.saver.database is not None
    with editor.saver.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA query_only = ON")  # every save now fails
        area.new_entry()
        assert editor.entry_id == entry_id
        assert editor.body.markdown() == "kept, whatever happens"
        assert editor.status.text()  # says why
        # The saves' connection that refused as read-only is closed, and the next save
        # opens another (break test 46, F3): one opened read-only stayed so for good.
        assert editor.saver.database is None
        connection.invalidate()
    area.new_entry()
    assert editor.entry_id != entry_id
    stored = EntryRepository(unlocked_window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "kept, whatever happens"

"""The bulk path (an import) stores each entry exactly as saving it by hand does.

`insert_entries` writes through the driver's cursor with each column's own type
processing (issue 12: 100k entries imported within 30 s); what it writes must be
the same rows, feelings, tags, pairs index and search hits as `EntryRepository.save`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import text

from journal.domain.entries.entry import Entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.repository import EntryRepository, insert_entries
from journal.storage.entries.search import EntrySearch
from journal.storage.lock.keys import LIGHT_KDF
from tests.conftest import PASSPHRASE

AUCKLAND = timezone(timedelta(hours=13))


def _entries() -> list[Entry]:
    written = datetime(2025, 3, 9, 22, 15, 30, 123456, tzinfo=AUCKLAND)
    return [
        Entry(
            id="00000000-0000-4000-8000-000000000001",
            created_at=written,
            updated_at=written + timedelta(minutes=5),
            title="A *hard* day",
            body="I walked to the river.\n\n我今天很难过。 #grief\n",
            mood=Mood(2),
            feelings=("  Sad ", "sad", "numb", ""),
            tags=("grief", "walks", "grief"),
            shared=True,
            prompt_id="evening-1",
            zone="Pacific/Auckland",
        ),
        Entry(
            id="00000000-0000-4000-8000-000000000002",
            created_at=datetime(1, 1, 1, 0, 0, tzinfo=UTC),
            updated_at=datetime(1, 1, 1, 0, 0, tzinfo=UTC),
            title="",
            body="5*3 = 15 and snake_case\n",
            mood=None,
        ),
    ]


def _stored(journal) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    with journal.db.session() as session:

        def rows(sql: str) -> list[tuple[object, ...]]:
            return [tuple(row) for row in session.execute(text(sql)).all()]

        return {
            "entries": rows(
                "SELECT id, created_at, updated_at, title, body, headline, mood, shared,"
                " prompt_id, tags, feelings, zone FROM entries ORDER BY id"
            ),
            "feelings": rows(
                "SELECT e.id, f.feeling FROM entry_feelings f JOIN entries e"
                " ON e.seq = f.entry_seq ORDER BY e.id, f.feeling"
            ),
            "tags": rows(
                "SELECT e.id, t.tag FROM entry_tags t JOIN entries e"
                " ON e.seq = t.entry_seq ORDER BY e.id, t.tag"
            ),
            "grams": rows(
                "SELECT e.id, g.grams FROM entries_grams g JOIN entries e"
                " ON e.seq = g.rowid ORDER BY e.id"
            ),
        }


def test_an_imported_entry_is_stored_as_one_saved_by_hand(store):
    by_hand, _ = store.create("By hand", PASSPHRASE, LIGHT_KDF)
    imported, _ = store.create("Imported", PASSPHRASE, LIGHT_KDF)
    try:
        for entry in _entries():
            EntryRepository(by_hand.db).save(entry)
        with imported.db.session() as session:
            added = insert_entries(session, _entries())
        assert added == [e.id for e in _entries()]
        assert _stored(imported) == _stored(by_hand)
        repository = EntryRepository(imported.db)
        assert repository.get(_entries()[0].id) == EntryRepository(by_hand.db).get(
            _entries()[0].id
        )
        for words in ("river", "难过", "snake_case", "grief", "walks"):
            found = [hit.summary.id for hit in EntrySearch(imported.db).search(words)]
            assert found, words
            assert found == [hit.summary.id for hit in EntrySearch(by_hand.db).search(words)]
    finally:
        by_hand.lock()
        imported.lock()


def test_an_import_adds_nothing_twice(journal):
    with journal.db.session() as session:
        insert_entries(session, _entries())
    with journal.db.session() as session:
        assert insert_entries(session, [*_entries(), *_entries()]) == []
    assert len(_stored(journal)["entries"]) == 2


def test_the_larger_page_cache_of_an_import_is_given_back(journal):
    def cache_size() -> int:
        with journal.db.session() as session:
            return int(session.execute(text("PRAGMA cache_size")).scalar_one())

    before = cache_size()
    with journal.db.session() as session:
        insert_entries(session, _entries())
    assert cache_size() == before

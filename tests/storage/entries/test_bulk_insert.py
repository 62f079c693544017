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
                "SELECT id, created_at, updated_at, title, body, mood, shared,"
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


def _many(count: int) -> list[Entry]:
    """``count`` entries, each with a word of its own ("willow0007") and one shared."""
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    return [
        Entry(
            id=f"00000000-0000-4000-8000-{n:012d}",
            created_at=start + timedelta(hours=n),
            updated_at=start + timedelta(hours=n),
            title=f"Day {n}",
            body=f"The rain again, and willow{n:04d} by the window.",
            tags=(f"tag{n:04d}",),
        )
        for n in range(count)
    ]


def _index_checks(journal) -> None:  # type: ignore[no-untyped-def]
    """The word index's FTS5 integrity-check against its content (raises if it fails)."""
    with journal.db.session() as session:
        session.execute(
            text("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)")
        )


def test_an_import_of_many_chunks_finds_every_word_and_its_index_checks(journal):
    """Issue 12: the word index of an import is filled once per chunk of 500, not by
    its trigger row by row; every imported word is found, by its entry alone."""
    entries = _many(1_234)  # three chunks, the last one short
    with journal.db.session() as session:
        insert_entries(session, entries)
    _index_checks(journal)
    search = EntrySearch(journal.db)
    for n, entry in enumerate(entries):
        assert [hit.summary.id for hit in search.search(f"willow{n:04d}")] == [entry.id]
    assert [hit.summary.id for hit in search.search("tag0042")] == [entries[42].id]
    assert len(search.search("rain")) > 0


def test_an_import_runs_no_trigger_program_per_entry_for_the_word_index(journal):
    """The work of an import, counted: SQLite's trace gives an entry's INSERT once for
    the row and once more for each trigger program it runs (three times an entry
    before: the word index's trigger and the index's own statements under it)."""
    ran: list[str] = []
    with journal.db.session() as session:
        raw = session.connection().connection.dbapi_connection
        raw.set_trace_callback(ran.append)
        try:
            insert_entries(session, _many(1_234))
        finally:
            raw.set_trace_callback(None)
    assert sum(line.startswith("INSERT INTO entries (") for line in ran) == 1_234


def test_the_word_index_trigger_is_back_after_an_import_and_after_one_that_failed(journal):
    """An entry saved by hand after an import, or after an import that stopped half-way
    (its transaction rolled back), is found as any saved entry is."""
    with journal.db.session() as session:
        insert_entries(session, _many(3))
    try:
        with journal.db.session() as session:
            insert_entries(session, _many(700)[3:])
            raise RuntimeError("the import stops half-way")
    except RuntimeError:
        pass
    repository = EntryRepository(journal.db)
    saved = repository.save(
        Entry(
            id="00000000-0000-4000-8000-999999999999",
            created_at=datetime(2025, 6, 1, 9, 0, tzinfo=UTC),
            updated_at=datetime(2025, 6, 1, 9, 0, tzinfo=UTC),
            title="",
            body="Written by hand: lanterns on the water.",
        )
    )
    found = EntrySearch(journal.db).search("lanterns")
    assert [hit.summary.id for hit in found] == ["00000000-0000-4000-8000-999999999999"]
    assert EntrySearch(journal.db).search("willow0500") == []  # rolled back
    assert saved is not None
    _index_checks(journal)

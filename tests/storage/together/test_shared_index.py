"""Together's index of shared entries holds the shared entries only (migration 0027,
issue 12): a smaller file, and the shared reads and the "Shared only" filter still
never read a private row. Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.lock.journal import OpenJournal
from journal.storage.together.sharing import Sharing
from tests.storage.downgraded import downgrade

START = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
SENTENCES = (
    "Walked by the river with Sam and neither of us said much",
    "The hospital called about the follow-up appointment next week",
    "Some moments today felt almost ordinary, and then they did not",
    "Coffee at the café on the corner, the one with the blue chairs",
    "我今天很难过",
)


def _write(journal: OpenJournal, count: int) -> list[str]:
    """``count`` entries, one in ten shared, each saved on its own (a segment of the
    word index each, as a person's saves make them); returns the shared ones' ids."""
    repo = EntryRepository(journal.db)
    shared = []
    for i in range(count):
        words = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
        words += f" note{i} together"
        entry = dataclasses.replace(
            new_entry(START + timedelta(hours=i)), body=words, shared=i % 10 == 0
        )
        repo.save(entry)
        if entry.shared:
            shared.append(entry.id)
    return shared


def _plans(journal: OpenJournal, run) -> list[str]:  # type: ignore[no-untyped-def]
    """The query plan of every statement ``run()`` sends to SQLite, as it sent it."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(journal.db.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(journal.db.engine, "before_cursor_execute", record)
    plans = []
    with journal.db.engine.connect() as connection:
        for statement, parameters in sent:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plans.append(" | ".join(str(row[-1]) for row in rows))
    return plans


def test_shared_only_is_answered_from_the_shared_index(journal: OpenJournal) -> None:
    """The filter alone ("Shared only", no words) and "What I share" search the
    partial index; before, the filter's bound value kept SQLite off it."""
    shared = _write(journal, 30)
    found: list[str] = []
    search = EntrySearch(journal.db)

    def run() -> None:
        found.extend(hit.summary.id for hit in search.search("", SearchFilters(shared=True)))
        Sharing(journal.db).shared_entries()

    plans = _plans(journal, run)
    assert found == list(reversed(shared))
    entry_plans = [plan for plan in plans if "entries" in plan]
    assert entry_plans, plans
    for plan in entry_plans:
        assert "ix_entries_shared_created" in plan, plan
        assert "SCAN" not in plan, plan


def test_an_upgraded_journal_keeps_every_entry_and_shrinks(journal: OpenJournal) -> None:
    shared = _write(journal, 300)
    downgrade(journal.db.engine, "0025_answer_and_sign_zones")
    path = journal.folder / DATABASE_NAME

    def settled() -> tuple[int, int, int]:
        """The file's bytes, and the segments of the word index and of the pairs index."""
        with journal.db.engine.connect() as connection:
            run = connection.exec_driver_sql
            run("PRAGMA wal_checkpoint(TRUNCATE)")
            words, pairs = (
                run(f"SELECT count(DISTINCT segid) FROM {name}_idx").scalar_one()
                for name in ("entries_fts", "entries_grams")
            )
        return path.stat().st_size, words, pairs

    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM")  # the old form, as compact as VACUUM makes it
    before, words_before, _ = settled()
    assert words_before > 1  # one segment per save, merged only now and then
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    after, words_after, pairs_after = settled()
    assert (words_after, pairs_after) == (1, 1)
    assert after < 0.95 * before
    with journal.db.engine.connect() as connection:
        (sql,) = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_entries_shared_created'"
        ).one()
    assert sql.endswith("WHERE shared = 1")
    assert [e.id for e in Sharing(journal.db).shared_entries()] == list(reversed(shared))
    search = EntrySearch(journal.db)
    assert len(search.search("together", limit=500)) == 300
    assert [h.summary.id for h in search.search("note12")] != []
    assert [h.summary.id for h in search.search("caf")] != []
    assert [h.summary.id for h in search.search("难过")] != []
    assert EntryRepository(journal.db).count() == 300

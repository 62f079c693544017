"""A large import leaves the journal compact (issue 12): its word indexes merged into
one segment each and no page left free, as after an upgrade. After an import of 100k
entries a save took 40 ms (FTS5's secure-delete looks for the old words in every
segment) and 6 % of the file was free; compacted, a save takes 4.6 ms. Real SQLCipher
journals; a jrnl file made here in the format of /work/shared/import-samples/."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.importer import COMPACTS_FROM, apply

WORDS = ("river", "morning", "quiet", "letter", "garden", "rain", "window", "tired")


def _jrnl(path: Path, count: int) -> Path:
    """A jrnl file of ``count`` entries, a few sentences each."""
    start = datetime(2024, 1, 1, 8, 0)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            at = (start + timedelta(hours=7 * n)).strftime("%Y-%m-%d %H:%M")
            words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(12))
            out.write(f"[{at}] Day {n}. {words}.\n{words} again, note{n}.\n\n")
    return path


def _segments_and_free(journal: OpenJournal) -> tuple[int, int, int]:
    with journal.db.engine.connect() as connection:
        run = connection.exec_driver_sql
        words, pairs = (
            run(f"SELECT count(DISTINCT segid) FROM {index}_idx").scalar_one()
            for index in ("entries_fts", "entries_grams")
        )
        return words, pairs, run("PRAGMA freelist_count").scalar_one()


def test_a_large_import_leaves_one_segment_and_no_free_page(journal: OpenJournal, tmp_path):  # type: ignore[no-untyped-def]
    count = COMPACTS_FROM + 200
    plan = plan_for(_jrnl(tmp_path / "old.journal", count))
    assert len(plan.entries) == count
    assert apply(journal, plan, backup=False).entries == count
    words, _pairs, free = _segments_and_free(journal)
    assert (words, free) == (1, 0)
    search = EntrySearch(journal.db)
    assert len(search.search(f"note{count - 1}", limit=99)) == 1  # every word still found
    assert len(search.search("riv", limit=2 * count)) == count
    assert EntryRepository(journal.db).count() == count


def test_a_small_import_is_not_followed_by_a_compaction(journal: OpenJournal, tmp_path):  # type: ignore[no-untyped-def]
    """Merging a large journal's whole index again for a few entries would cost seconds."""
    repository = EntryRepository(journal.db)
    written = new_entry(datetime(2025, 1, 1, 9, 0).astimezone())
    repository.save(dataclasses.replace(written, body="Written here first."))
    plan = plan_for(_jrnl(tmp_path / "few.journal", 3))
    apply(journal, plan, backup=False)
    assert _segments_and_free(journal)[0] == 2  # the save's, the import's

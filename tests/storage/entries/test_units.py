"""A measurement written against its unit ("38.5°C", "101°F", "38ºC") is found by its
unit and as written (break test 9 of session 14, finding 8: "°C" did not find an
entry with "38.5°C")."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
BODIES = {
    "fever": "Woke at 3 with 38.5°C and chills, took paracetamol",
    "ordinal": "Still 38ºC this morning",
    "plain": "A quiet walk by the river",
}


def _found(journal, words: str) -> set[str]:  # type: ignore[no-untyped-def]
    hits = EntrySearch(journal.db).search(words)
    return {next(k for k, v in BODIES.items() if hit.summary.headline == v) for hit in hits}


def test_a_unit_finds_the_entries_that_measure_with_it(journal) -> None:  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    for index, body in enumerate(BODIES.values()):
        entry = new_entry(DAY + timedelta(hours=index))
        repo.save(dataclasses.replace(entry, body=body))
    assert _found(journal, "°C") == {"fever", "ordinal"}
    assert _found(journal, "°c") == {"fever", "ordinal"}
    assert _found(journal, "38.5°C") == {"fever"}
    assert _found(journal, "38°C") == {"fever", "ordinal"}
    assert _found(journal, "38℃") == {"fever", "ordinal"}
    assert _found(journal, "°F") == set()
    hit = EntrySearch(journal.db).search("°C")[-1]
    assert "°C" in "".join(text for text, marked in hit.snippet if marked)

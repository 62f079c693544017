"""The Journal reads a measurement by one rule in its index and its queries (break test
9 of session 15, finding 9: "38.5°C" and "38.5" also listed an entry with only
"38 °C"; "102°F" and "°F" did not find "102F"; "ºC" alone found nothing though "38ºC"
did). Real SQLCipher journals (the ``journal`` fixture)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, has_words
from tests.storage.downgraded import downgraded
from tests.storage.entries.written import found_keys, write

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
BODIES = {
    "a": "my temperature was 38.5°C this morning",
    "b": "fever 39C tonight",
    "c": "it was 38 °C",
    "d": "102F and shaking",
    "e": "39℃ again",
    "f": "38ºC otra vez",
    "g": "fever of 38,5°C",
    "h": "a quiet walk, 12 km",
}


@pytest.fixture
def ids(journal):  # type: ignore[no-untyped-def]
    return write(journal, BODIES)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("38.5°C", {"a", "g"}),
        ("38,5 °C", {"a", "g"}),
        ("38.5C", {"a", "g"}),
        ("38.5", {"a", "g"}),
        ("38°C", {"a", "c", "f", "g"}),
        ("39°C", {"b", "e"}),
        ("39C", {"b", "e"}),
        ("102°F", {"d"}),
        ("102F", {"d"}),
        ("°F", {"d"}),
        ("°C", {"a", "b", "c", "e", "f", "g"}),
        ("ºC", {"a", "b", "c", "e", "f", "g"}),
        ("℃", {"a", "b", "c", "e", "f", "g"}),
        ("fever 39C", {"b"}),
        ("12", {"h"}),
    ],
)
def test_a_measurement_is_read_one_way_in_the_index_and_the_query(
    journal,
    ids,
    words: str,
    expected: set[str],  # type: ignore[no-untyped-def]
) -> None:
    assert found_keys(journal, ids, words) == expected, words
    assert has_words(words)


def test_the_snippet_marks_the_measurement_as_written(journal, ids) -> None:  # type: ignore[no-untyped-def]
    hits = EntrySearch(journal.db).search("°F")
    assert [text for text, marked in hits[0].snippet if marked] == ["102F"]
    hits = EntrySearch(journal.db).search("38.5")
    assert {"38.5°C", "38,5°C"} == {
        text for hit in hits for text, marked in hit.snippet if marked
    }


def test_entries_written_before_are_found_once_the_journal_is_upgraded(journal, ids) -> None:  # type: ignore[no-untyped-def]
    """Migration 0022 writes the pairs index again: an entry whose index was written by
    the earlier rule (no measurement tokens for "102F") is found by "°F" after it."""
    with downgraded(journal.db.engine, "0017_visible_headlines") as connection:
        # As the earlier code wrote it: "102F", "39C" and "38 °C" gave no such tokens.
        connection.execute(text("INSERT INTO entries_grams(entries_grams) VALUES ('delete-all')"))
    repo = EntryRepository(journal.db)
    before = [repo.get(entry_id) for entry_id in ids.values()]
    assert found_keys(journal, ids, "°F") == set()

    assert migrate.upgrade(journal.db.engine)

    assert found_keys(journal, ids, "°F") == {"d"}
    assert found_keys(journal, ids, "38.5°C") == {"a", "g"}
    assert [repo.get(entry_id) for entry_id in ids.values()] == before  # no text, no time changed

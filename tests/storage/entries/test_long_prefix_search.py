"""A word typed past the word index's longest prefix index (5 letters) is searched as
the whole words it starts (issue 12, search at the speed of thought): FTS5 reads a
prefix with no index of its length by gathering every row of every word it starts
before handing back the first (6 ms at 100k entries for "lighte"*), whole words
newest first up to the page. What is found must not change: the same entries as the
prefix itself finds, with any case and accents, after a delete, and with a prefix
that starts more words than are looked up one by one."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, text

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import MOST_WHOLE_TERMS, EntrySearch

DAY = datetime(2024, 4, 2, 10, 0).astimezone(UTC)
BODIES = (
    "The bleeding is lighter now.",
    "A lighthouse on the card Mum sent.",
    "Lightening the load a little, said the nurse.",
    "The appointment is on Tuesday.",
    "Two appointments this week, both at the hospital.",
    "Écrire un peu chaque soir, lentement.",
    "Nothing like the others.",
)


@pytest.fixture
def repo(journal):  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    for index, body in enumerate(BODIES):
        repo.save(dataclasses.replace(new_entry(DAY + timedelta(hours=index)), body=body))
    return repo


@pytest.fixture
def matches(journal) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Every MATCH expression a search asks the word index, as SQLite receives it."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "entries_fts MATCH ?" in statement and "LIMIT" in statement:  # a search's
            values = parameters.values() if isinstance(parameters, dict) else parameters
            seen.append(next(str(v) for v in values if isinstance(v, str) and '"' in v))

    event.listen(journal.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(journal.db.engine, "before_cursor_execute", record)


def found(journal, words: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {hit.summary.id for hit in EntrySearch(journal.db).search(words, limit=100)}


def by_prefix(journal, prefix: str) -> set[str]:  # type: ignore[no-untyped-def]
    """What the word index itself gives for ``prefix`` as a prefix ("x"*)."""
    with journal.db.session() as session:
        rows = session.execute(
            text(
                "SELECT e.id FROM entries_fts JOIN entries AS e ON e.seq = entries_fts.rowid "
                "WHERE entries_fts MATCH :match"
            ),
            {"match": f'"{prefix}"*'},
        ).all()
    return {row[0] for row in rows}


LONG_PREFIX = re.compile(r'"[^"]{6,}"\*')


@pytest.mark.parametrize(
    ("typed", "prefix", "count"),
    [
        ("lighte", "lighte", 2),
        ("LIGHTER", "lighter", 1),
        ("lightho", "lightho", 1),
        ("appoin", "appoin", 2),
        ("Appointments", "appointments", 1),
        ("ecrire", "ecrire", 1),
        ("hospital appoint", "hospital", 1),
        ("lentemen", "lentemen", 1),
    ],
)
def test_a_long_prefix_finds_what_the_prefix_finds_as_whole_words(
    journal, repo, matches, typed, prefix, count
):
    assert found(journal, typed) == (by_prefix(journal, prefix) & found(journal, typed))
    assert len(found(journal, typed)) == count
    # Asked as the whole words ("lightening" OR "lighter"), never as "lighte"*.
    assert matches and not any(LONG_PREFIX.search(match) for match in matches), matches


def test_the_long_prefix_and_its_whole_words_find_the_same_entries(journal, repo, matches):
    for body in BODIES:
        for word in re.findall(r"\w+", body):
            for end in range(6, len(word) + 1):
                typed = word[:end]
                assert found(journal, typed) == by_prefix(journal, typed.lower()), typed
    assert not any(LONG_PREFIX.search(match) for match in matches)


def test_a_word_deleted_with_its_entry_is_not_looked_up(journal, repo, matches):
    lighthouse = next(iter(found(journal, "lighthouse")))
    assert repo.delete(lighthouse)
    assert found(journal, "lightho") == set()
    assert found(journal, "lighte") == by_prefix(journal, "lighte")
    assert len(found(journal, "lighte")) == 2
    assert matches[-1] == '("lightening" OR "lighter")'
    assert found(journal, "xylophon") == set()  # no word starts so: found at once


def test_a_prefix_starting_more_words_than_are_looked_up_is_searched_as_a_prefix(
    journal, matches
):
    repo = EntryRepository(journal.db)
    words = [f"remembering{chr(ord('a') + n % 26)}{n}" for n in range(MOST_WHOLE_TERMS + 4)]
    for index, word in enumerate(words):
        repo.save(dataclasses.replace(new_entry(DAY + timedelta(hours=index)), body=word))
    assert len(found(journal, "rememberin")) == len(words)
    assert matches[-1] == '"rememberin"*'
    assert found(journal, "rememberingb") == by_prefix(journal, "rememberingb")
    assert matches[-1] == '("rememberingb1" OR "rememberingb27")'


def test_a_keystroke_creates_no_table(journal, repo):  # type: ignore[no-untyped-def]
    """Issue 12: the table of the index's terms is made once, as the connection opens;
    each keystroke's search only reads it (it ran CREATE VIRTUAL TABLE IF NOT EXISTS
    every time)."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(journal.db.engine, "before_cursor_execute", record)
    try:
        for typed in ("l", "li", "lig", "ligh", "light", "lighte", "lighter"):
            assert found(journal, typed) or typed == "l"
    finally:
        event.remove(journal.db.engine, "before_cursor_execute", record)
    assert [s for s in statements if "entries_fts_terms" in s]  # the terms were read
    assert not [s for s in statements if s.lstrip().upper().startswith("CREATE")]

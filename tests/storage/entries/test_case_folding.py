"""Search folds case as Unicode does, not only as the index's tokenizer does (issue 9,
break test finding 10e): "strasse" finds "Straße", and Greek capitals, written
without accents, find the accented word."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch

WRITTEN = {
    "sharp": "Wir gingen die Straße entlang",
    "capital": "DIE STRASSE WAR LEER",
    "greek": "Η Σοφία έλειπε",
    "greek capitals": "ΣΟΦΙΑ ΞΑΝΑ",
    "final sigma": "τα λόγια της",
    "turkish": "İstanbul was grey",
}


def _save(journal, body: str) -> str:
    entry = dataclasses.replace(new_entry(datetime.now(UTC)), body=body)
    EntryRepository(journal.db).save(entry)
    return entry.id


@pytest.fixture
def written(journal):
    return {key: _save(journal, body) for key, body in WRITTEN.items()}


def found(journal, written, words: str) -> set[str]:
    ids = {hit.summary.id for hit in EntrySearch(journal.db).search(words)}
    return {key for key, entry_id in written.items() if entry_id in ids}


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("strasse", {"sharp", "capital"}),
        ("Straße", {"sharp", "capital"}),
        ("STRASSE ", {"sharp", "capital"}),
        ("stras", {"sharp", "capital"}),  # typing: the prefix already finds it
        ("ΣΟΦΙΑ", {"greek", "greek capitals"}),
        ("σοφια", {"greek", "greek capitals"}),
        ("Σοφία ", {"greek", "greek capitals"}),
        ("ΛΟΓΙΑ ΤΗΣ", {"final sigma"}),
        ("istanbul", {"turkish"}),
        ("İSTANBUL", {"turkish"}),
        ("stress", set()),
    ],
)
def test_case_is_folded_as_unicode_folds_it(journal, written, words, keys):
    assert found(journal, written, words) == keys


def test_the_hit_is_marked_in_the_snippet_as_written(journal, written):
    hits = EntrySearch(journal.db).search("strasse")
    marked = {text for hit in hits for text, matched in hit.snippet if matched}
    assert marked == {"Straße", "STRASSE"}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    word=st.text(
        st.sampled_from("abdeilnorstuß" "αβγδεικλμνοπρστυφω" "άέίόύώ"), min_size=2, max_size=8
    ),
    case=st.sampled_from([str.upper, str.lower, str.casefold, str.title]),
)
@example(word="sß", case=str.upper)  # "SSS": the "ß" may stand after an "s" too
@example(word="sßß", case=str.upper)  # "SSSSS": an "ß" past the third "ss" place
def test_a_word_is_found_in_any_case(journal, word, case):
    entry_id = _save(journal, f"before {word} after")
    try:
        ids = {hit.summary.id for hit in EntrySearch(journal.db).search(case(word) + " ")}
        assert entry_id in ids, (word, case(word))
    finally:
        EntryRepository(journal.db).delete(entry_id)

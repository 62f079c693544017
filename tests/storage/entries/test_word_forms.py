"""Journal search finds Hebrew and Arabic words inside their written form (an attached
article or preposition), words written with compatibility characters (ligatures,
full-width letters), and emoji and symbols (issue 9, break test findings 6 and 7).
Real SQLCipher journals; each entry's snippet shows the words as written."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, has_words
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import found, write

WRITTEN = {
    "he": "חזרנו הביתה מבית החולים",  # we came home from the hospital
    "ar": "ذهبنا إلى المستشفى وبالمستشفى",  # we went to the hospital, and in the hospital
    "world": "مرحبا بالعالم",  # hello to the world
    "pointed": "וְהַבַּיִת שָׁקֵט",  # and the house is quiet (with vowel points)
    "candle": "🕯️ for you, little one",
    "ligature": "ﬁnally ﬂowers",  # as a copy from a PDF gives
    "wide": "ＡＢＣ hospital",  # full-width, as a Japanese input method types
    "code": "C++ and F#",
    "latin": "The house by the hospital",
}


@pytest.fixture
def written(journal):
    return write(journal, WRITTEN)


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("בית", {"he", "pointed"}),  # in הביתה and מבית; in וְהַבַּיִת without its points
        ("חולים", {"he"}),  # in החולים
        ("הביתה", {"he"}),  # the written form still
        ("מבי", {"he"}),  # and its start
        ("مستشفى", {"ar"}),  # in المستشفى and وبالمستشفى
        ("المستشفى", {"ar"}),
        ("عالم", {"world"}),  # in بالعالم
        ("بالعالم", {"world"}),
        ("ית", {"he", "pointed"}),  # a stem keeps two letters: בית without its ב
        ("🕯️", {"candle"}),
        ("🕯", {"candle"}),  # without the emoji's variation selector
        ("🕯️ little", {"candle"}),  # with words
        ("🙂", set()),
        ("finally", {"ligature"}),
        ("flowers", {"ligature"}),
        ("ﬂowers", {"ligature"}),
        ("abc", {"wide"}),
        ("ABC", {"wide"}),
        ("ＡＢＣ", {"wide"}),
        ("C++", {"code"}),
        ("c++", {"code"}),
        ("F#", {"code"}),
        ("house", {"latin"}),  # Latin as before
        ("hospital", {"wide", "latin"}),
    ],
)
def test_a_word_is_found_as_written_inside_or_folded(journal, written, words, keys):
    assert has_words(words)
    assert found(journal, words) == {written[key] for key in keys}


@pytest.mark.parametrize(
    ("words", "shown", "marked"),
    [
        ("בית", WRITTEN["he"], "הביתה"),
        ("عالم", WRITTEN["world"], "بالعالم"),
        ("finally", WRITTEN["ligature"], "ﬁnally"),
        ("🕯️", WRITTEN["candle"], "🕯"),
        ("c++", WRITTEN["code"], "C++"),
    ],
)
def test_the_snippet_shows_the_words_as_written(journal, written, words, shown, marked):
    hits = EntrySearch(journal.db).search(words)
    snippets = ["".join(part for part, _ in hit.snippet) for hit in hits]
    assert shown in snippets
    hit = hits[snippets.index(shown)]
    assert any(matched and marked in part for part, matched in hit.snippet)


def test_a_changed_or_deleted_entry_leaves_no_forms_behind(journal, written):
    repo = EntryRepository(journal.db)
    entry = repo.get(written["he"])
    repo.save(dataclasses.replace(entry, body="היום שקט 💔"))
    assert found(journal, "בית") == {written["pointed"]}
    assert found(journal, "💔") == {written["he"]}
    repo.delete(written["he"])
    assert found(journal, "💔") == set()
    with journal.db.session() as session:
        check = "INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"
        session.execute(text(check))  # the index holds exactly what the entries say


def test_an_existing_journal_is_indexed_when_it_is_upgraded(journal, written):
    downgrade(journal.db.engine, "0011_index_after_nul")
    assert found(journal, "house") == {written["latin"]}
    assert migrate.upgrade(journal.db.engine)
    assert found(journal, "عالم") == {written["world"]}
    assert found(journal, "🕯️") == {written["candle"]}
    assert found(journal, "finally") == {written["ligature"]}

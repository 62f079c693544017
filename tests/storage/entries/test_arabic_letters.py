"""Journal search reads Arabic letters written in more than one way as one (issue 9):
أ إ آ ٱ are found by ا and find it, ى and ي each other, ة and ه each other, and
harakat and the tatweel are no part of a word. Real SQLCipher journals; each snippet
shows the word as written."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from tests.storage.downgraded import downgraded
from tests.storage.entries.written import found, write

WRITTEN = {
    "mother": "اشتقت إلى أمي اليوم",  # I missed my mother today
    "koran": "قرأت ٱلقرآن",  # I read the Quran (alef wasla, alef madda)
    "on": "جلست على الأرض",  # I sat on the ground (alef maksura)
    "school": "ذهبت إلى المدرسة",  # I went to the school (teh marbuta)
    "vowelled": "كَتَبْتُ رِسَالَةً",  # I wrote a letter (with harakat)
    "stretched": "صـبـر جميل",  # beautiful patience (with tatweel)
    "plain": "امي في البيت علي",  # my mother is at home, Ali
}


@pytest.fixture
def written(journal):
    return write(journal, WRITTEN)


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("امي", {"mother", "plain"}),  # the bare alef finds the hamza-seated one
        ("أمي", {"mother", "plain"}),  # and the other way round
        ("إمي", {"mother", "plain"}),
        ("آمي", {"mother", "plain"}),
        ("ٱمي", {"mother", "plain"}),
        ("القران", {"koran"}),  # ٱلقرآن: wasla and madda
        ("قرآن", {"koran"}),  # without its article
        ("على", {"on", "plain"}),  # alef maksura and yeh, each finds the other
        ("علي", {"on", "plain"}),
        ("المدرسه", {"school"}),  # heh finds teh marbuta
        ("مدرسة", {"school"}),
        ("كتبت", {"vowelled"}),  # harakat are no part of the word
        ("كَتَبْتُ", {"vowelled"}),
        ("رساله", {"vowelled"}),
        ("صبر", {"stretched"}),  # nor is the tatweel
        ("صـبـر", {"stretched"}),
        ("صب", {"stretched"}),  # a prefix still
        ("البيت", {"plain"}),  # an ordinary word as before
    ],
)
def test_each_way_of_writing_a_letter_finds_the_others(journal, written, words, keys):
    assert found(journal, words) == {written[key] for key in keys}


@pytest.mark.parametrize(
    ("words", "key", "marked"),
    [
        ("امي", "mother", "أمي"),
        ("كتبت", "vowelled", "كَتَبْتُ"),
        ("صبر", "stretched", "صـبـر"),
        ("صبر جميل", "stretched", "صـبـر"),  # one word as written, one folded
        ("مدرسه", "school", "المدرسة"),
    ],
)
def test_the_snippet_shows_the_word_as_written(journal, written, words, key, marked):
    hits = [h for h in EntrySearch(journal.db).search(words) if h.summary.id == written[key]]
    assert hits
    shown = "".join(part for part, _ in hits[0].snippet)
    assert shown == WRITTEN[key]
    assert any(matched and marked in part for part, matched in hits[0].snippet)


def test_a_changed_entry_leaves_no_folded_forms_behind(journal, written):
    repo = EntryRepository(journal.db)
    entry = repo.get(written["mother"])
    repo.save(dataclasses.replace(entry, body="يوم هادئ"))
    assert found(journal, "امي") == {written["plain"]}
    repo.delete(written["school"])
    assert found(journal, "مدرسه") == set()
    with journal.db.session() as session:
        check = "INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"
        session.execute(text(check))  # the index holds exactly what the entries say


def test_an_existing_journal_is_indexed_again_when_it_is_upgraded(journal, written):
    with downgraded(journal.db.engine, "0013_word_forms") as connection:
        connection.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('delete-all')"))
        connection.execute(text("INSERT INTO entries_grams(entries_grams) VALUES ('delete-all')"))
    assert found(journal, "البيت") == set()  # an index as an older app left it: gone
    assert migrate.upgrade(journal.db.engine)
    assert found(journal, "امي") == {written["mother"], written["plain"]}
    assert found(journal, "البيت") == {written["plain"]}


PERSIAN = {
    "persian": "دلم برای بچه\u200cام تنگ شده یک روز کتاب",  # Farsi yeh, keheh
    "arabic": "يوم حزين كتاب",  # Arabic yeh, kaf
}


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("یوم", {"arabic"}),  # a Farsi yeh finds the Arabic yeh
        ("يك", {"persian"}),  # and the other way round
        ("کتاب", {"persian", "arabic"}),  # keheh and kaf, each finds the other
        ("كتاب", {"persian", "arabic"}),
        ("برای", {"persian"}),
    ],
)
def test_persian_and_urdu_letters_find_their_arabic_twins(journal, words, keys):
    """Break test 9 of session 14, finding 5: ی/ي and ک/ك look alike and differ only by
    the keyboard they were typed on; each found only itself."""
    written = write(journal, PERSIAN)
    assert found(journal, words) == {written[key] for key in keys}


def test_a_journal_indexed_before_the_persian_letters_finds_them_once_upgraded(journal):
    written = write(journal, {**PERSIAN, "fever": "38.5°C tonight"})
    with downgraded(journal.db.engine, "0014_arabic_letters") as connection:
        connection.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('delete-all')"))
        connection.execute(text("INSERT INTO entries_grams(entries_grams) VALUES ('delete-all')"))
    assert found(journal, "یوم") == set()  # an index as an older app left it: gone
    assert migrate.upgrade(journal.db.engine)
    assert found(journal, "یوم") == {written["arabic"]}
    assert found(journal, "°C") == {written["fever"]}  # the unit alone, indexed anew


# Every way of writing each letter the folding reads as one (the first is its own).
VARIANTS = {"ا": "اأإآٱ", "ي": "يىیے", "ه": "هةۀہ", "ك": "كک"}
LETTERS = "بتجدرسعفقلمنو"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@st.composite
def arabic_words(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A word of 2-6 letters with at least one letter of `VARIANTS`, and every way of
    writing it with another variant at one of those places (with a mark or two)."""
    letters = draw(st.lists(st.sampled_from(LETTERS + "".join(VARIANTS)), min_size=1, max_size=5))
    at = draw(st.integers(0, len(letters)))
    letters.insert(at, draw(st.sampled_from(sorted(VARIANTS))))
    word = "".join(letter + draw(st.sampled_from(["", "", *MARKS])) for letter in letters)
    ways = [word]
    for base, variants in VARIANTS.items():
        if base in letters:
            ways.extend(
                "".join(variant if letter == base else letter for letter in letters)
                for variant in variants
            )
    return word, ways


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(arabic_words())
@example(("أمي", ["امي", "إمي", "آمي", "ٱمي", "أمى"]))
def test_a_word_is_found_by_every_way_of_writing_its_letters(journal, case):
    word, ways = case
    repo = EntryRepository(journal.db)
    entry = dataclasses.replace(new_entry(datetime.now(UTC)), body=f"قبل {word} بعد")
    repo.save(entry)
    try:
        for way in ways:
            hits = EntrySearch(journal.db).search(way)
            assert entry.id in {hit.summary.id for hit in hits}, (word, way)
    finally:
        repo.delete(entry.id)


FOLDED = "".join(VARIANTS.values()) + MARKS + "\u0653\u0654\u0655\u0670Aeو\u0301\ufe71\ufef7"


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(FOLDED) | st.characters()))
@example("A\u0640\u0301")  # a tatweel taken off leaves "A" and an accent: "Á"
@example("\ufe71")  # tatweel with fathatan above, a presentation form
def test_folding_twice_is_folding_once(text):
    from journal.storage.word_forms import search_fold

    assert search_fold(search_fold(text)) == search_fold(text)


POINTED = {
    "he": "חזרנו הביתה מבית החולים",  # we came home from the hospital
    "pointed": "וְהַבַּיִת שָׁקֵט",  # and the house is quiet (with vowel points)
    "vowelled": "كَتَبْتُ رِسَالَةً",  # I wrote a letter (with harakat)
}


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("בַּיִת", {"he", "pointed"}),  # points are no part of the word, as harakat
        ("בית", {"he", "pointed"}),
        ("שָׁקֵט", {"pointed"}),
        ("שָׁקֵ", {"pointed"}),  # the start of a word, typed with its points
        ("كَتَ", {"vowelled"}),  # a word still being typed ends in a vowel mark
        ("رِسَا", {"vowelled"}),
    ],
)
def test_a_query_typed_with_vowel_marks_finds_the_word(journal, words, keys):
    written = write(journal, POINTED)
    assert found(journal, words) == {written[key] for key in keys}


# Break test 9 of session 12, finding 1: the entries and the queries it tried.
BROKEN = {
    "ahmad": "ذهبت مع أحمد إلى الطبيب",
    "islam": "قالت إن الإسلام يعزينا",
    "koran": "قرأت القرآن الليلة",
    "hospital": "وصلنا إلى المستشفى",
    "school": "ابنتي في المدرسة",
    "sad": "كان يوماً حزيـــــنا جدا",
    "heart": "قَلْبِي مَكْسُورٌ",
    "heart-plain": "قلبي 💔 مكسور",
}


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("أحمد", {"ahmad"}),
        ("احمد", {"ahmad"}),
        ("إحمد", {"ahmad"}),
        ("آحمد", {"ahmad"}),
        ("الاسلام", {"islam"}),
        ("اسلام", {"islam"}),
        ("القران", {"koran"}),
        ("قران", {"koran"}),
        ("المستشفي", {"hospital"}),
        ("مستشفي", {"hospital"}),
        ("المدرسه", {"school"}),
        ("مدرسه", {"school"}),
        ("حزيـنا", {"sad"}),
        ("قَلْبِي", {"heart", "heart-plain"}),
        ("مَكْسُورٌ", {"heart", "heart-plain"}),
        ("قلبي 💔", {"heart-plain"}),
    ],
)
def test_the_spellings_of_break_test_9_find_each_other(journal, words, keys):
    written = write(journal, BROKEN)
    assert found(journal, words) == {written[key] for key in keys}


# Break test 9 of session 12, finding 10: pointed words were found, with an empty snippet.
POINTED_SNIPPETS = {
    "shalom": "אמרתי לה שָׁלוֹם בפעם האחרונה",
    "heart": "قَلْبِي مَكْسُورٌ اليوم",
    "long": "filler words here " * 50 + "قَلْبِي مَكْسُورٌ " + "more words " * 50,
}


@pytest.mark.parametrize(
    ("words", "key", "marked"),
    [
        ("שלום", "shalom", "שָׁלוֹם"),
        ("قلبي", "heart", "قَلْبِي"),
        ("مكسور", "heart", "مَكْسُورٌ"),
        ("قلبي", "long", "قَلْبِي"),
    ],
)
def test_a_pointed_word_found_bare_is_marked_in_its_snippet(journal, words, key, marked):
    written = write(journal, POINTED_SNIPPETS)
    hits = [h for h in EntrySearch(journal.db).search(words) if h.summary.id == written[key]]
    assert hits
    assert any(matched and marked in part for part, matched in hits[0].snippet), hits[0].snippet

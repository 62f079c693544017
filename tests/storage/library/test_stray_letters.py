"""A search with an apostrophe or an ampersand in a word (re-test 46b, P4): "doctor's"
searched "s" from its start and marked every word starting with s; "D&C" searched
"d" and "c" from their starts and listed every article, the one that explains a D&C
not among the first three. The real shipped articles, the real index."""

from __future__ import annotations

import re

from journal.storage.library.index import LibraryIndex
from journal.storage.library.query import LibraryQuery, library_query

MARKED = re.compile(r"<b>(.*?)</b>")


def marked(index: LibraryIndex, text: str) -> set[str]:
    """Every word marked in the passages of what ``text`` finds, case folded."""
    return {word.casefold() for hit in index.search(text) for word in MARKED.findall(hit.snippet)}


def test_a_possessive_is_searched_and_marked_as_its_word(index: LibraryIndex) -> None:
    assert {hit.slug for hit in index.search("doctor's")} == {
        hit.slug for hit in index.search("doctor")
    }
    assert marked(index, "doctor's") <= {"doctor", "doctors"}
    assert marked(index, "fever's") == {"fever"}


def test_d_and_c_finds_the_articles_that_say_it_and_marks_it(index: LibraryIndex) -> None:
    hits = index.search("D&C")
    assert "kinds-of-miscarriage" in [hit.slug for hit in hits]
    for hit in hits:
        assert "D&amp;C" in hit.snippet or "D&C" in hit.title + hit.summary, hit.slug
    assert marked(index, "d&c") == {"d&amp;c"}
    assert len(hits) < len(index)


def test_a_letter_typed_first_is_still_searched_and_beside_words_left_out() -> None:
    assert library_query("d") == LibraryQuery(("d",))
    assert library_query("I'm bleeding") == LibraryQuery(("bleeding",))
    assert library_query("D&C") == LibraryQuery(phrases=(("D", "C"),))
    assert library_query("f g") == LibraryQuery(("f", "g"))


def test_a_search_with_words_beside_a_contraction_finds_what_the_words_find(
    index: LibraryIndex,
) -> None:
    assert {hit.slug for hit in index.search("I'm still bleeding")} == {
        hit.slug for hit in index.search("still bleeding")
    } != set()


def test_d_and_c_beside_other_words_still_finds_the_article_that_explains_it(
    index: LibraryIndex,
) -> None:
    """Re-test 47, N1: "what is a D&C" listed all 14 articles, "D&C recovery" missed the
    one that explains it; N2: "D & C", spaced, listed all 14 too."""
    saying_it = {hit.slug for hit in index.search("D&C")}
    for typed in ("what is a D&C", "D&C recovery", "D & C", "D&C's"):
        found = {hit.slug for hit in index.search(typed)}
        assert "kinds-of-miscarriage" in found, typed
        assert found <= saying_it, typed
    assert {hit.slug for hit in index.search("my D&C")} <= saying_it
    assert library_query("D & C") == library_query("D&C")


def test_an_emoji_beside_words_is_left_out_when_it_finds_nothing(index: LibraryIndex) -> None:
    """Re-test 47, N3: "bleeding 😢" found nothing, and the message spoke of spelling."""
    bleeding = {hit.slug for hit in index.search("bleeding")}
    for typed in ("bleeding 😢", "😢 bleeding 🩸", "bleeding😢"):
        assert {hit.slug for hit in index.search(typed)} == bleeding != set(), typed
    assert index.search("😢😢😢") == []  # emoji alone: their own message, as before
    assert index.searches_symbols_only("😢😢😢")

"""A Library search typed as she would ask it (re-test 47, N5): every word had to be
found, so "how do I tell my family" found nothing, "how long does bleeding last" not
the article on bleeding, and the common words were marked in every passage ("what is
a D&C" marked "what" and "is"; "fever OR chills" marked "or"). The real shipped
articles, the real index."""

from __future__ import annotations

import pytest

from journal.storage.library.index import LibraryIndex
from journal.storage.library.query import LibraryQuery, library_query
from tests.storage.library.test_stray_letters import marked


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("how do I tell my family", "finding-support"),
        ("how long does bleeding last", "bleeding-and-cramping"),
        ("when can I try again", "fertility-and-contraception"),
        ("is it normal to feel numb", "grief-for-both-partners"),
    ],
)
def test_a_question_finds_the_article_that_answers_it(
    index: LibraryIndex, question: str, article: str
) -> None:
    assert article in [hit.slug for hit in index.search(question)[:3]], question


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("what is a D&C", {"d&amp;c"}),
        ("it's normal", {"normal"}),
        ("fever OR chills", {"fever", "chills"}),
        ("bleeding AND NOT fever", {"bleeding", "fever"}),
    ],
)
def test_only_the_words_that_name_a_subject_are_marked(
    index: LibraryIndex, typed: str, words: set[str]
) -> None:
    assert marked(index, typed) == words, typed


def test_common_words_alone_are_searched_as_typed(index: LibraryIndex) -> None:
    assert library_query("how to") == LibraryQuery(("how", "to"))
    assert library_query("It") == LibraryQuery(("It",))
    assert "it" in marked(index, "it")
    assert library_query("the fe") == LibraryQuery(("fe",))  # a word begun beside one

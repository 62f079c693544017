"""The Library finds a word by another ending of it ("fevers" for "fever"): break test
45b, F4. The real shipped articles, the real index."""

from __future__ import annotations

import pytest

from journal.storage.library.index import LibraryIndex

# (as a frightened person may type it, a form the articles hold): each found nothing.
OTHER_ENDINGS = [
    ("fevers", "fever"),
    ("bleeds", "bleeding"),
    ("clotting", "clots"),
    ("babies", "baby"),
    ("periods", "period"),
    ("infections", "infection"),
    ("miscarriages", "miscarriage"),
    ("temperatures", "temperature"),
    ("discharges", "discharge"),
    ("miscarried", "miscarriage"),  # re-test 46b, P1: the stems differ ("miscarri")
    ("miscarrying", "miscarriage"),
    # A stem of three letters (seen in session 48: "soaking pads", the words of heavy
    # bleeding, found nothing).
    ("pads", "pad"),
    ("hugs", "hug"),
    ("hours", "hour"),
]


@pytest.mark.parametrize(("typed", "held"), OTHER_ENDINGS)
def test_another_ending_of_a_word_finds_the_articles_that_hold_it(
    index: LibraryIndex, typed: str, held: str
) -> None:
    found = {hit.slug for hit in index.search(typed)}
    assert found >= {hit.slug for hit in index.search(held)} != set()


def test_the_word_an_ending_found_is_marked_in_the_passage(index: LibraryIndex) -> None:
    """ "babies" finds the article that says "baby", and its passage marks "baby"."""
    hits = index.search("babies")
    assert hits
    assert "<b>baby</b>" in hits[0].snippet


def test_every_letter_typed_of_a_plural_finds_the_article_on_fever(index: LibraryIndex) -> None:
    """As she types "fevers", the warning signs stay found at each key, the last too."""
    for end in range(2, len("fevers") + 1):
        assert "warning-signs" in {hit.slug for hit in index.search("fevers"[:end])}, end


def test_each_word_of_a_search_may_match_by_its_ending(index: LibraryIndex) -> None:
    assert {hit.slug for hit in index.search("heavy clotting")} >= {"warning-signs"}
    assert [hit.slug for hit in index.search("soaking pads")] == ["warning-signs"]
    assert index.search("fevers chills")


@pytest.mark.parametrize(("typed", "held"), [("infections", "infection"), ("bleeds", "bleed")])
def test_a_word_found_by_its_ending_ranks_the_articles_as_the_word_itself(
    index: LibraryIndex, typed: str, held: str
) -> None:
    """Re-test 46b, P3: the articles found by a stem came in order of their length, the
    warning signs last of 7 for "infections" and first for "infection"."""
    assert index.search(typed)[0].slug == index.search(held)[0].slug


def test_a_short_stem_brings_in_no_article_of_its_own(index: LibraryIndex) -> None:
    """"being" is "be" by its stem, the stem of every article: searched as written only."""
    assert {hit.slug for hit in index.search("being")} == {
        hit.slug for hit in index.search("being") if "being" in hit.snippet.lower()
    }

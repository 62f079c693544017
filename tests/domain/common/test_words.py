"""Counts said with the noun that fits them (break test 16 of the eighth session,
finding 16: "1 entries … were rescued")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.common import words
from journal.domain.common.words import count, shorten, size


def test_one_is_singular_and_every_other_number_plural_with_separators() -> None:
    assert count(1, "entry", "entries") == "1 entry"
    assert count(0, "entry", "entries") == "0 entries"
    assert count(20_000, "entry", "entries") == "20,000 entries"


def test_sizes_are_said_in_the_unit_that_fits_them() -> None:
    """Break test 16 of the eighth session, finding 17: 250 KB needed was "about 1 MB"."""
    assert size(245_760) == "246 KB"
    assert size(12) == "1 KB"
    assert size(48_200_000) == "48.2 MB"
    assert size(1_300_000_000) == "1.3 GB"


FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # one character a person sees, seven code points
CUT_WHOLE = {  # text: what an 80-character headline keeps before its "…"
    "a family emoji": ("a" * 75 + FAMILY, "a" * 75),
    "two flags": ("b" * 78 + "🇩🇪🇫🇷", "b" * 78),
    "an accent written apart": ("c" * 78 + "e\u0301x", "c" * 78),
    "Thai with its marks": ("ก" * 78 + "ที่", "ก" * 78),
    "Chinese, no spaces": ("我今天很难过" * 20, ("我今天很难过" * 20)[:79]),
}


@pytest.mark.parametrize(("text", "kept"), CUT_WHOLE.values(), ids=CUT_WHOLE.keys())
def test_shorten_never_cuts_inside_a_character_a_person_sees(text: str, kept: str) -> None:
    """Break test 9 of session 10, finding 10: a headline cut the child off a family
    emoji, split a pair of flags and dropped an accent's mark."""
    assert shorten(text, 80) == kept + "…"


@given(st.text(max_size=200), st.integers(min_value=2, max_value=120))
def test_shorten_keeps_short_text_and_never_grows(text: str, limit: int) -> None:
    cut = shorten(text, limit)
    assert cut == text if len(text) <= limit else len(cut) <= limit


def _cut_by_clusters(text: str, limit: int) -> str:
    """`shorten`'s cut found by walking the grapheme clusters, for any text."""
    end = 0
    for cluster in words._grapheme().finditer(text, 0, min(len(text), limit + 64)):
        if cluster.end() > limit - 1:
            break
        end = cluster.end()
    cut = text[:end]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


@given(
    st.text(alphabet=st.characters(max_codepoint=127), min_size=1, max_size=300),
    st.text(alphabet="\u0301\u200d\r\n😀e", max_size=3),
    st.integers(min_value=0, max_value=120),
)
def test_an_ascii_headline_is_cut_where_the_clusters_say_without_looking_for_them(
    text: str, after: str, limit: int
) -> None:
    """Issue 12: an import of 100k entries makes 100k headlines; each walked ~150
    grapheme clusters with the regex library. ASCII before the cut (no carriage
    return: CR LF is one cluster) needs no walk, and the cut is the same, whatever
    follows it (a combining accent, a joiner, an emoji)."""
    text = text.replace("\r", "") + after
    if len(text) <= limit:
        return
    words._grapheme.cache_clear()
    cut = shorten(text, limit)
    looked = words._grapheme.cache_info().currsize
    assert cut == _cut_by_clusters(text, limit)
    head = text[:limit]
    assert looked == (0 if head.isascii() and "\r" not in head else 1)

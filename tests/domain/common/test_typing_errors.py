"""Slips of the fingers read as the words meant (`as_meant`): only those that leave no
word of the list behind, and never a letter typed for another."""

from __future__ import annotations

import pytest

from journal.domain.common.typing_errors import as_meant

WORDS = frozenset({"want", "miscarriage", "kill", "died", "on", "no", "of", "off", "from", "form"})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wnat", "want"),  # two letters swapped
        ("miscarrage", "miscarriage"),  # one left out
        ("misscarriage", "miscarriage"),  # one typed twice
        ("wantt", "want"),
        ("kll", "kill"),  # three letters with no vowel
    ],
)
def test_a_slip_is_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert as_meant(typed, WORDS) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "wait",  # a letter typed for another: a word of its own
        "did",  # three letters left of "died", a word of its own
        "on",  # a word of the list is never another ("no")
        "off",  # nor read as one with a letter less ("of")
        "form",  # nor as the word its letters swapped make ("from")
        "kil",  # three letters with a vowel
        "want",
        "wants",  # a letter more that is not a letter typed twice
    ],
)
def test_a_word_that_may_be_meant_is_read_as_typed(typed: str) -> None:
    assert as_meant(typed, WORDS) == typed


def test_a_slip_two_words_could_have_made_is_read_as_typed() -> None:
    words = frozenset({"dairy", "diary"})
    assert as_meant("dary", words) == "dary"  # either, its "i" left out
    assert as_meant("daiyr", words) == "dairy"  # its last two swapped


def test_a_first_letter_left_out_is_read_only_for_short_words() -> None:
    """Re-test 50b, P3: "hanging" was read as "changing", "arming" as "harming"."""
    words = frozenset({"changing", "want"})
    assert as_meant("hanging", words) == "hanging"
    assert as_meant("ant", words, short=True) == "want"

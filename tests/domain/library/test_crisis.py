"""Words of crisis in a Library search (`reads_as_crisis`): a wish to die or to harm
oneself is read in any case, spacing or spelling of its apostrophe; a grieving search
that names a death, or a word alone, is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.library.crisis import reads_as_crisis


@pytest.mark.parametrize(
    "typed",
    [
        "I want to die",
        "i WANT to   die",
        "suicidal",
        "Suicidal thoughts after miscarriage",
        "self-harm",
        "self harm",
        "thinking of hurting myself",
        "I don't want to live anymore",
        "I don\u2019t want to be alive",
        "how do I end my life",
        "kill myself",
        # Break test 49, F1: wordings that were missed.
        "i dont want to live anymore",
        "I dont want to be alive",
        "i want to sleep and never wake up",
        "nobody would miss me",
        "I wish I had died too",
        "want to kill my self",
        "kms",
        "unalive",
        "suicde",
        "i cant go on",
        "I want to end it",
        "I want to join my baby in heaven",
        "cutting myself",
        "overdose",
        # F4: as search reads it, full width and a zero-width space inside.
        "\uff53\uff55\uff49\uff43\uff49\uff44\uff41\uff4c",
        "sui\u200bcidal",
    ],
)
def test_a_wish_to_die_or_to_harm_oneself_is_read(typed: str) -> None:
    assert reads_as_crisis(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "my baby died",
        "die",
        "harm",
        "self",
        "when will I feel alive again",
        "pain after the D&C",
        "live",
        "",
        "selfharmony",
        # Break test 49, F2: worries about the body.
        "I don't want to die from bleeding",
        "did I hurt myself lifting",
        "can I harm myself by having sex too soon",
        "I am going to die",
    ],
)
def test_a_grieving_search_is_not_read_as_a_crisis(typed: str) -> None:
    assert not reads_as_crisis(typed)


@given(st.text(max_size=200))
def test_any_text_is_read_without_an_error(text: str) -> None:
    assert reads_as_crisis(text) in (True, False)

from __future__ import annotations

import pytest

from journal.domain.body.emergency import EMERGENCY_CHOICES, default_emergency_number


def test_choices() -> None:
    assert EMERGENCY_CHOICES == ("911", "112", "999")


@pytest.mark.parametrize(
    "code", ["US", "CA", "PR", "GU", "BS", "DO", "us", " ca ", "en_US", "fr-CA"]
)
def test_nanp_is_911(code: str) -> None:
    assert default_emergency_number(code) == "911"


@pytest.mark.parametrize("code", ["GB", "gb", "UK", "en_GB", "JE", "GG", "IM"])
def test_uk_is_999(code: str) -> None:
    assert default_emergency_number(code) == "999"


@pytest.mark.parametrize("code", ["IE", "DE", "FR", "NL", "ES", "IT", "PL", "SE", "NO", "IS", "LI"])
def test_ireland_and_eu_eea_are_112(code: str) -> None:
    assert default_emergency_number(code) == "112"


@pytest.mark.parametrize("code", ["CH", "AT", "GR", "MC", "de_CH"])
def test_switzerland_and_the_microstates_are_112(code: str) -> None:
    assert default_emergency_number(code) == "112"


@pytest.mark.parametrize("code", ["", "ZZ", "JP", "AU", "NZ", "BR", "C", "nonsense"])
def test_no_number_is_named_where_none_is_known(code: str) -> None:
    """Break test 38, finding 6: a computer with no territory (the C locale) was told
    112, as Japan (119) and Australia (000) were; the note then names no number."""
    assert default_emergency_number(code) == ""


def test_every_default_named_is_a_choice() -> None:
    for code in ["US", "GB", "DE", "CH"]:
        assert default_emergency_number(code) in EMERGENCY_CHOICES

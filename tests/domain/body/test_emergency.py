from __future__ import annotations

import pytest

from journal.domain.body.emergency import (
    EMERGENCY_CHOICES,
    default_emergency_number,
    typed_emergency_number,
)


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


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("000", "000"),  # Australia
        ("111", "111"),  # New Zealand
        (" 13  11 14 ", "13 11 14"),  # a line of one's own, grouped as typed
        ("+44 20 7946 0000", "+44 20 7946 0000"),
        ("0800-111-222", "0800-111-222"),
        ("٠٠٠", "000"),  # Arabic-Indic digits, as a keypad dials them
        ("９１１", "911"),  # full-width digits
    ],
)
def test_a_number_typed_is_kept_as_a_keypad_dials_it(typed: str, kept: str) -> None:
    """Break test 49, F8: only 911, 112 and 999 could be chosen, so Australia's 000 and New
    Zealand's 111 could not be named in the safety notes."""
    assert typed_emergency_number(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "1",  # one digit
        "1234567890123456",  # 16 digits, beyond E.164
        "000 now",
        "call 111",
        "0\u202e00",  # a direction control would turn the note's words around
        "1--2",
        "+",
        "12+3",
        "²³",  # superscripts are no keypad digits
    ],
)
def test_what_is_no_number_to_call_is_refused(typed: str) -> None:
    assert typed_emergency_number(typed) is None

from __future__ import annotations

import pytest

from journal.domain.body.emergency import (
    EMERGENCY_CHOICES,
    NOT_DIGITS,
    NOTHING_TYPED,
    TOO_FEW_DIGITS,
    TOO_MANY_DIGITS,
    TWO_NUMBERS,
    default_emergency_number,
    number_problem,
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
        # Break test 50, F7: the marks that show nothing, which a number copied from a
        # phone or a web page brings, are taken out ("000" was refused, looking right).
        ("000\u200e", "000"),
        ("\u202a111\u202c", "111"),
        ("0\u202e00", "000"),
        # Break test 50, F9: brackets and dots group digits as people write them.
        ("(02) 9999 9999", "(02) 9999 9999"),
        ("02.9999.9999", "02.9999.9999"),
        ("+ 000", "+ 000"),  # re-test 50, N7: refused as "not digits"
        ("13\u00a011\u00a014", "13 11 14"),  # re-test 50b, P4: no-break spaces copied
        ("+44 (0) 20 7946 0000", "+44 (0) 20 7946 0000"),
    ],
)
def test_a_number_typed_is_kept_as_a_keypad_dials_it(typed: str, kept: str) -> None:
    """Break test 49, F8: only 911, 112 and 999 could be chosen, so Australia's 000 and New
    Zealand's 111 could not be named in the safety notes."""
    assert typed_emergency_number(typed) == kept


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", NOTHING_TYPED),
        ("   \u200b", NOTHING_TYPED),
        ("1", TOO_FEW_DIGITS),
        ("1234567890123456", TOO_MANY_DIGITS),  # 16 digits, beyond E.164
        ("000 now", NOT_DIGITS),
        ("call 111", NOT_DIGITS),
        ("+", NOT_DIGITS),
        ("12+3", NOT_DIGITS),
        ("²³", NOT_DIGITS),  # superscripts are no keypad digits
        # Break test 50, F8: two numbers, one on each line, were kept as one.
        ("000\n111", TWO_NUMBERS),
        ("000\t111", TWO_NUMBERS),
        # Re-test 50, N7: brackets and separators that group nothing were kept.
        ("0)(0", NOT_DIGITS),
        ("00)", NOT_DIGITS),
        ("0-.-.0", NOT_DIGITS),
        ("((00))", NOT_DIGITS),
        ("(0)(0)", NOT_DIGITS),  # re-test 50b, P6
        ("0(0)0", NOT_DIGITS),
        ("(00)", NOT_DIGITS),
    ],
)
def test_what_is_no_number_to_call_is_refused_saying_why(typed: str, problem: str) -> None:
    """Break test 50, F9: every refusal said "Type the number to call in digits"."""
    assert typed_emergency_number(typed) is None
    assert number_problem(typed) == problem

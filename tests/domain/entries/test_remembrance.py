from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from journal.domain.entries.remembrance import (
    RemembranceDate,
    RemembranceKind,
    RemembrancePrefs,
    acknowledgements,
    anniversary_in,
    on_this_day_years,
)

LOSS = RemembranceDate(
    id="r1", kind=RemembranceKind.LOSS_DATE, label="", day=date(2023, 3, 14), acknowledge=True
)
PREFS = RemembrancePrefs()


def test_defaults_are_quiet() -> None:
    assert RemembrancePrefs().on_this_day is False
    assert RemembrancePrefs().skip_on_this_day == frozenset()
    plain = RemembranceDate(id="x", kind=RemembranceKind.OTHER, label="", day=date(2020, 1, 1))
    assert plain.acknowledge is False


def test_acknowledged_on_the_anniversary_only() -> None:
    lines = acknowledgements([LOSS], PREFS, date(2024, 3, 14))
    assert lines == ["Today may be a tender day. You don't need to do anything with it."]
    assert acknowledgements([LOSS], PREFS, date(2024, 3, 13)) == []
    assert acknowledgements([LOSS], PREFS, date(2024, 3, 15)) == []
    assert acknowledgements([LOSS], PREFS, date(2025, 3, 14)) != []


def test_not_before_the_date_has_happened() -> None:
    due = RemembranceDate(
        id="d", kind=RemembranceKind.DUE_DATE, label="", day=date(2024, 10, 2), acknowledge=True
    )
    assert acknowledgements([due], PREFS, date(2023, 10, 2)) == []
    assert len(acknowledgements([due], PREFS, date(2024, 10, 2))) == 1


def test_only_dates_the_person_chose() -> None:
    quiet = RemembranceDate(id="q", kind=RemembranceKind.LOSS_DATE, label="", day=date(2023, 3, 14))
    assert acknowledgements([quiet], PREFS, date(2024, 3, 14)) == []


def test_nothing_when_switched_off() -> None:
    off = RemembrancePrefs(acknowledge_days=False)
    assert acknowledgements([LOSS], off, date(2024, 3, 14)) == []


def test_label_is_included_and_tone_is_gentle() -> None:
    dates = [
        RemembranceDate(
            id=kind.value, kind=kind, label="  Our  day ", day=date(2022, 6, 1), acknowledge=True
        )
        for kind in RemembranceKind
    ]
    lines = acknowledgements(dates, PREFS, date(2024, 6, 1))
    assert len(lines) == len(RemembranceKind)
    for line in lines:
        assert line.startswith("Our day: ")
        assert "!" not in line
        assert "anniversary" not in line.lower()


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2023, date(2023, 2, 28)), (2024, date(2024, 2, 29)), (2100, date(2100, 2, 28))],
)
def test_feb_29_anniversary(year: int, expected: date) -> None:
    assert anniversary_in(date(2020, 2, 29), year) == expected


def test_feb_29_acknowledged_on_feb_28_in_common_years() -> None:
    leap = RemembranceDate(
        id="l", kind=RemembranceKind.LOSS_DATE, label="", day=date(2020, 2, 29), acknowledge=True
    )
    assert acknowledgements([leap], PREFS, date(2023, 2, 28)) != []
    assert acknowledgements([leap], PREFS, date(2023, 3, 1)) == []
    assert acknowledgements([leap], PREFS, date(2024, 2, 29)) != []
    assert acknowledgements([leap], PREFS, date(2024, 2, 28)) == []


ENTRY_DATES = [
    date(2021, 5, 3),
    date(2022, 5, 3),
    date(2022, 5, 3),
    date(2023, 5, 4),
    date(2024, 5, 3),
    date(2025, 5, 3),
]
ON = RemembrancePrefs(on_this_day=True)


def test_on_this_day_is_off_by_default() -> None:
    assert on_this_day_years(date(2024, 5, 3), ENTRY_DATES, RemembrancePrefs()) == []


def test_on_this_day_lists_earlier_years_newest_first() -> None:
    assert on_this_day_years(date(2024, 5, 3), ENTRY_DATES, ON) == [
        date(2022, 5, 3),
        date(2021, 5, 3),
    ]


def test_on_this_day_accepts_datetimes() -> None:
    moments = [datetime(2022, 5, 3, 23, 0, tzinfo=UTC)]
    assert on_this_day_years(date(2024, 5, 3), moments, ON) == [date(2022, 5, 3)]


def test_on_this_day_skipped_days() -> None:
    skip = RemembrancePrefs(on_this_day=True, skip_on_this_day=frozenset({(5, 3)}))
    assert on_this_day_years(date(2024, 5, 3), ENTRY_DATES, skip) == []
    assert on_this_day_years(date(2024, 5, 4), ENTRY_DATES, skip) == [date(2023, 5, 4)]


def test_on_this_day_feb_29() -> None:
    dates = [date(2020, 2, 29), date(2021, 2, 28)]
    assert on_this_day_years(date(2023, 2, 28), dates, ON) == [date(2021, 2, 28), date(2020, 2, 29)]
    assert on_this_day_years(date(2024, 2, 29), dates, ON) == [date(2020, 2, 29)]
    skip_29 = RemembrancePrefs(on_this_day=True, skip_on_this_day=frozenset({(2, 29)}))
    assert on_this_day_years(date(2023, 2, 28), dates, skip_29) == [date(2021, 2, 28)]


def test_skip_days_must_be_real_days() -> None:
    with pytest.raises(ValueError, match="not a day of the year"):
        RemembrancePrefs(skip_on_this_day=frozenset({(2, 30)}))
    assert (2, 29) in RemembrancePrefs(skip_on_this_day=frozenset({(2, 29)})).skip_on_this_day

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from journal.domain.body.log import (
    Appointment,
    BleedingLevel,
    BodyLog,
    ClotSize,
    Discharge,
    FieldProblem,
    LossKind,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
    Temperature,
    TemperatureUnit,
    Treatment,
    validate_body_log,
    validate_recovery,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
FUTURE = "That time is still ahead of now. Please choose the time you noticed this, or now."


def test_bleeding_levels_are_ordered_0_to_5() -> None:
    assert [int(level) for level in BleedingLevel] == [0, 1, 2, 3, 4, 5]
    assert BleedingLevel.SPOTTING < BleedingLevel.HEAVY < BleedingLevel.VERY_HEAVY
    assert [level.label for level in BleedingLevel] == [
        "No bleeding",
        "Spotting",
        "Light",
        "Medium",
        "Heavy",
        "Very heavy",
    ]


@pytest.mark.parametrize(
    "enum", [PadKind, Soaking, ClotSize, Discharge, LossKind, Treatment, BleedingLevel]
)
def test_every_member_has_a_plain_label(enum: type[PadKind]) -> None:
    labels = [member.label for member in enum]
    assert all(label and label[0].isupper() and "!" not in label for label in labels)
    assert len(set(labels)) == len(labels)


def test_enum_members() -> None:
    assert [k.name for k in PadKind] == ["LINER", "REGULAR", "THICK", "OVERNIGHT"]
    assert [k.name for k in LossKind] == [
        "NOT_NOTED",
        "COMPLETE",
        "INCOMPLETE",
        "MISSED",
        "VERY_EARLY",
        "ECTOPIC",
        "MOLAR",
        "NOT_SURE",
    ]
    assert [k.name for k in Discharge] == ["NONE", "USUAL", "UNUSUAL_COLOUR", "FOUL_SMELLING"]
    assert [k.name for k in Treatment] == ["NOT_NOTED", "NONE", "MEDICATION", "PROCEDURE"]
    assert [k.name for k in ClotSize] == ["NONE", "SMALL", "LARGE"]
    assert [k.name for k in Soaking] == ["PARTLY", "FULLY"]


def test_body_log_defaults_and_is_frozen() -> None:
    log = BodyLog("a", NOW)
    # Every answer not given is not noted (None), never "none" or "no" (finding 6, s15).
    assert log.bleeding is None and log.clots is None and log.discharge is None
    assert log.tissue_passed is None and log.chills is None and log.pain_with_sex is None
    assert log.temperature is None
    assert log.cramping is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        log.cramping = 3  # type: ignore[misc]
    assert not hasattr(log, "__dict__")


def test_naive_or_local_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="UTC"):
        BodyLog("a", datetime(2026, 3, 10, 12, 0))
    with pytest.raises(ValueError, match="UTC"):
        BodyLog("a", NOW, pain_relief_at=datetime(2026, 3, 10, 12, 0))
    with pytest.raises(ValueError, match="UTC"):
        PadChange("p", NOW.astimezone(timezone(timedelta(hours=2))), PadKind.THICK, Soaking.FULLY)
    with pytest.raises(ValueError, match="UTC"):
        Appointment("x", datetime(2026, 3, 10))
    with pytest.raises(ValueError, match="UTC"):
        validate_body_log(BodyLog("a", NOW), datetime(2026, 3, 10))


def test_other_dataclasses() -> None:
    details = RecoveryDetails(loss_date=date(2026, 3, 1), treatment=Treatment.PROCEDURE)
    assert details.loss_kind is LossKind.NOT_NOTED  # no answer given is never "Not sure"
    assert details.bleeding_stopped_on is None
    visit = Appointment("v", NOW, place="Clinic", questions="Is the cervix closed?")
    assert visit.place == "Clinic"


def test_valid_log_has_no_problems() -> None:
    log = BodyLog(
        "a",
        NOW,
        bleeding=BleedingLevel.LIGHT,
        cramping=10,
        pain_relief="ibuprofen",
        pain_relief_at=NOW,
        temperature=Temperature(37.0, TemperatureUnit.CELSIUS),
    )
    assert validate_body_log(log, NOW) == []
    assert validate_body_log(dataclasses.replace(log, cramping=0), NOW) == []


def test_future_time_is_refused_kindly() -> None:
    log = BodyLog("a", NOW + timedelta(seconds=1))
    assert validate_body_log(log, NOW) == [FieldProblem("logged_at", FUTURE)]
    assert validate_body_log(BodyLog("a", NOW), NOW) == []


def test_future_pain_relief_time() -> None:
    log = BodyLog("a", NOW, pain_relief="paracetamol", pain_relief_at=NOW + timedelta(hours=1))
    [problem] = validate_body_log(log, NOW)
    assert problem.field == "pain_relief_at"
    assert "still ahead of now" in problem.message


@pytest.mark.parametrize("cramping", [-1, 11, 100])
def test_cramping_outside_0_to_10(cramping: int) -> None:
    [problem] = validate_body_log(BodyLog("a", NOW, cramping=cramping), NOW)
    assert problem.field == "cramping"
    assert "from 0 to 10" in problem.message


@pytest.mark.parametrize(
    "reading",
    [
        Temperature(33.9, TemperatureUnit.CELSIUS),
        Temperature(43.1, TemperatureUnit.CELSIUS),
        Temperature(93.1, TemperatureUnit.FAHRENHEIT),
        Temperature(109.5, TemperatureUnit.FAHRENHEIT),
    ],
)
def test_temperature_outside_body_range(reading: Temperature) -> None:
    [problem] = validate_body_log(BodyLog("a", NOW, temperature=reading), NOW)
    assert problem.field == "temperature"
    assert "outside what a body thermometer reads" in problem.message


@pytest.mark.parametrize(
    "reading",
    [
        Temperature(34.0, TemperatureUnit.CELSIUS),
        Temperature(43.0, TemperatureUnit.CELSIUS),
        Temperature(93.2, TemperatureUnit.FAHRENHEIT),
        Temperature(109.4, TemperatureUnit.FAHRENHEIT),
    ],
)
def test_temperature_at_the_bounds_is_fine(reading: Temperature) -> None:
    assert validate_body_log(BodyLog("a", NOW, temperature=reading), NOW) == []


def test_several_problems_at_once_and_tone() -> None:
    log = BodyLog(
        "a",
        NOW + timedelta(days=1),
        cramping=12,
        temperature=Temperature(55.0, TemperatureUnit.CELSIUS),
    )
    problems = validate_body_log(log, NOW)
    assert [p.field for p in problems] == ["logged_at", "cramping", "temperature"]
    assert problems[2].message.startswith("55 °C is outside what a body thermometer reads")
    for problem in problems:
        assert "!" not in problem.message
        assert problem.message.endswith(".")


def test_validate_recovery() -> None:
    today = date(2026, 3, 10)
    fine = RecoveryDetails(
        loss_date=date(2026, 2, 1),
        bleeding_stopped_on=date(2026, 2, 12),
        first_period_on=date(2026, 3, 8),
    )
    assert validate_recovery(fine, today) == []
    future = dataclasses.replace(fine, loss_date=date(2026, 3, 11))
    assert [p.field for p in validate_recovery(future, today)] == [
        "loss_date",
        "bleeding_stopped_on",
        "first_period_on",
    ]
    early = dataclasses.replace(fine, bleeding_stopped_on=date(2026, 1, 31))
    [problem] = validate_recovery(early, today)
    assert problem.field == "bleeding_stopped_on"
    assert "before the day of the loss" in problem.message
    assert validate_recovery(RecoveryDetails(), today) == []


def test_pain_relief_is_asked_about_after_the_log_or_long_before_it() -> None:
    from datetime import UTC, datetime, timedelta

    from journal.domain.body.log import BodyLog, pain_relief_question

    at = datetime(2026, 11, 20, 9, 5, tzinfo=UTC)

    def asked(offset: timedelta, relief: str = "ibuprofen") -> str | None:
        log = BodyLog("x", at, pain_relief=relief, pain_relief_at=at + offset)
        return pain_relief_question(log)

    assert asked(timedelta(0)) is None
    assert asked(timedelta(hours=-12)) is None
    assert asked(timedelta(days=11, hours=2, minutes=18)).startswith("This is 11 days after")  # type: ignore[union-attr]
    assert asked(timedelta(minutes=40)).startswith("This is 40 minutes after")  # type: ignore[union-attr]
    assert asked(timedelta(hours=-13)).startswith("This is 13 hours before")  # type: ignore[union-attr]
    assert asked(timedelta(days=11), relief="") is None


def test_every_refused_recovery_day_is_named_once() -> None:
    """Break test 10 of session 12, finding 10: "Please check the day of the day the
    bleeding stopped". Each day is named by a whole name, in both refusals."""
    from journal.domain.body.log import validate_recovery

    today = date(2026, 12, 1)
    ahead = today + timedelta(days=2)
    early = today - timedelta(days=9)
    said = {
        p.field: p.message
        for details in (
            RecoveryDetails(loss_date=ahead, bleeding_stopped_on=ahead),
            RecoveryDetails(loss_date=today - timedelta(days=3), first_period_on=early),
        )
        for p in validate_recovery(details, today)
    }
    assert said == {
        "loss_date": "That day is still ahead. Please choose the day of the loss.",
        "bleeding_stopped_on": "That day is still ahead. Please choose the day the bleeding "
        "stopped.",
        "first_period_on": "That day is before the day of the loss. Please check the day of "
        "the first period, or the day of the loss.",
    }


def test_a_log_long_ago_is_asked_about_after_90_days() -> None:
    from datetime import UTC, datetime, timedelta

    from journal.domain.body.log import long_ago_question

    now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

    def asked(back: timedelta) -> str | None:
        return long_ago_question(now - back, now)

    assert asked(timedelta(0)) is None
    assert asked(timedelta(days=90)) is None
    assert asked(timedelta(days=91)).startswith("The time of this log is about 3 months ago.")  # type: ignore[union-attr]
    assert "about 4 months ago" in asked(timedelta(days=125))  # type: ignore[operator]
    assert "about 31 years ago" in asked(timedelta(days=365 * 31 + 8))  # type: ignore[operator]
    pad = long_ago_question(now - timedelta(days=800), now, "this pad change")
    assert pad == (
        "The time of this pad change is about 2 years ago. If that is right, save again "
        "to keep it; if not, please choose the time of this pad change."
    )

"""An answer not noted (None) is no answer: never "no bleeding", never a level, never a
sign (break test 10 of session 15, finding 6: the form's untouched "No bleeding", "No
clots" were saved, and read, as answers). Each rule that reads the body log is fed logs
that leave their answers not noted."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from journal.domain.body.daily import daily
from journal.domain.body.log import BleedingLevel, BodyLog, RecoveryDetails
from journal.domain.body.recovery import suggest_bleeding_stopped, timeline
from journal.domain.body.summary import build_summary
from journal.domain.body.warning_signs import evaluate

B = BleedingLevel
LOSS = date(2026, 3, 1)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def on(day: int, bleeding: BleedingLevel | None, hour: int = 9, **values: object) -> BodyLog:
    """A log ``day`` days after the loss, its bleeding as given (None: not noted)."""
    when = datetime.combine(LOSS + timedelta(days=day), datetime.min.time(), UTC)
    return BodyLog(f"log-{day}-{hour}", when + timedelta(hours=hour), bleeding, **values)  # type: ignore[arg-type]


def test_logs_that_left_the_bleeding_not_noted_are_no_quiet_days() -> None:
    # Cramping noted on three later days, the bleeding not: nothing says it stopped.
    logs = [on(5, B.LIGHT), *(on(day, None, cramping=2) for day in (6, 7, 8, 9))]
    assert suggest_bleeding_stopped(logs) is None
    assert (
        timeline(RecoveryDetails(loss_date=LOSS), logs, LOSS + timedelta(days=9)).bleeding_days == 1
    )
    # "No bleeding" chosen on those days does say so.
    quiet = [on(5, B.LIGHT), *(on(day, B.NONE) for day in (6, 7, 8, 9))]
    assert suggest_bleeding_stopped(quiet) == LOSS + timedelta(days=6)


def test_a_bleeding_not_noted_is_neither_an_easing_nor_a_rise() -> None:
    # Heavy, then a log about cramping only, then medium: the bleeding eased by one
    # level, no more. Read as "none", the medium looked like a rise of three.
    logs = [on(40, B.HEAVY, hour=8), on(40, None, hour=20, cramping=5), on(41, B.MEDIUM)]
    assert [raised.sign.value for raised in evaluate(logs, [], RecoveryDetails(), NOW)] == []


def test_bleeding_not_stopped_needs_bleeding_noted() -> None:
    details = RecoveryDetails(loss_date=LOSS)
    assert evaluate([on(35, None, cramping=3)], [], details, NOW) == []
    assert [r.sign.value for r in evaluate([on(35, B.SPOTTING)], [], details, NOW)] == [
        "bleeding_not_stopped"
    ]


def test_unanswered_questions_raise_no_sign_and_are_no_answer_in_the_summary() -> None:
    logs = [on(3, None, cramping=4), on(3, None, hour=12, note="tired")]
    assert evaluate(logs, [], RecoveryDetails(), NOW) == []
    (point,) = daily(logs)
    assert point.bleeding is None and point.cramping == 4
    day = LOSS + timedelta(days=3)
    summary = build_summary(logs, [], RecoveryDetails(), [], day, day, NOW)
    (row,) = summary.days
    assert row.bleeding == "" and row.also == ()  # not "None", and nothing "no"

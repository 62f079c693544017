from datetime import UTC, date, datetime

from journal.domain.body.log import RecoveryDetails
from journal.domain.body.warning_signs import SignId
from journal.domain.together.recovery import summarise
from journal.domain.together.writers import check_writers


def test_two_different_names_are_needed() -> None:
    assert check_writers(" Sam ", "Alex")[0] is not None
    assert check_writers("Sam", "")[0] is None
    writers, problem = check_writers("Sam", "sam")
    assert writers is None and "different" in problem


def test_summary_holds_only_the_four_facts() -> None:
    now = datetime(2026, 3, 20, 12, tzinfo=UTC)
    past = datetime(2026, 3, 1, tzinfo=UTC)
    soon = datetime(2026, 3, 25, tzinfo=UTC)
    summary = summarise(
        RecoveryDetails(loss_date=date(2026, 3, 6), treatment_note="private note"),
        [(soon, "Europe/Berlin"), (past, None)],
        [(now, SignId.FEVER), (past, SignId.HEAVY_BLEEDING), (now, SignId.HEAVY_BLEEDING)],
        date(2026, 3, 20),
        now,
    )
    assert summary.days_since_loss == 14
    assert summary.bleeding_stopped_on is None
    assert summary.follow_ups == ((soon, "Europe/Berlin"),)
    assert summary.signs_raised == ("Heavy bleeding", "Fever")
    assert "private note" not in repr(summary)

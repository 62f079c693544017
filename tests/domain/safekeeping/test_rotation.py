"""The rotation keeps the last 7 daily and 4 weekly backups and the newest safety copies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from journal.domain.safekeeping.rotation import (
    KEEP_ASIDE,
    KEEP_DAILY,
    BackupStamp,
    Reason,
    is_due,
    to_keep,
)

START = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # a Monday evening


def utc_day(moment: datetime) -> date:
    return moment.date()


def daily(days: int) -> list[BackupStamp]:
    return [BackupStamp(START + timedelta(days=n), Reason.DAILY) for n in range(days)]


def test_sixty_days_of_daily_backups_keep_seven_days_and_four_weeks() -> None:
    backups = daily(60)
    kept = to_keep(backups, utc_day)
    days = sorted(b.taken_at.date() for b in kept)
    last = backups[-1].taken_at.date()
    assert [last - timedelta(days=n) for n in range(7)] == sorted(days, reverse=True)[:7]
    weeks = {d.isocalendar()[:2] for d in days}
    assert len(weeks) == 4  # the 7 daily ones span two weeks that are among the 4 weekly
    assert len(kept) <= 7 + 4


def test_several_backups_a_day_keep_the_newest_of_each_day() -> None:
    morning = BackupStamp(START, Reason.DAILY)
    evening = BackupStamp(START + timedelta(hours=3), Reason.MANUAL)
    assert to_keep([morning, evening], utc_day) == {evening}


def test_safety_copies_outlive_the_daily_rule_up_to_three() -> None:
    safety = [BackupStamp(START + timedelta(minutes=n), Reason.BEFORE_IMPORT) for n in range(5)]
    kept = to_keep([*safety, BackupStamp(START + timedelta(hours=1), Reason.DAILY)], utc_day)
    assert {b for b in kept if b.reason.is_safety} == set(safety[-3:])


def test_copies_kept_before_a_restore_all_stay_in_the_daily_window_then_three() -> None:
    """Break test 16 of session 11, finding 10: four restores in a row within minutes,
    and a count of three deleted the first copy aside, the only one holding what was
    written before. Every copy of a day in the daily window stays; beyond it the
    newest three (session 8, finding 8: they must not pile up without bound)."""
    aside = [BackupStamp(START + timedelta(minutes=n), Reason.BEFORE_RESTORE) for n in range(8)]
    kept = to_keep([*aside, BackupStamp(START + timedelta(hours=1), Reason.DAILY)], utc_day)
    assert {b for b in kept if b.reason is Reason.BEFORE_RESTORE} == set(aside)
    later = [BackupStamp(START + timedelta(days=1 + n), Reason.DAILY) for n in range(60)]
    kept = to_keep([*aside, *later], utc_day)
    assert {b for b in kept if b.reason is Reason.BEFORE_RESTORE} == set(aside[-3:])


def test_restoring_once_a_day_for_months_keeps_ten_copies_aside_at_most() -> None:
    backups = []
    for day in range(120):
        morning = START + timedelta(days=day)
        backups += [
            BackupStamp(morning, Reason.DAILY),
            BackupStamp(morning + timedelta(minutes=5), Reason.BEFORE_RESTORE),
            BackupStamp(morning + timedelta(minutes=6), Reason.DAILY),
        ]
    kept = to_keep(backups, utc_day)
    asides = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    assert len(asides) == KEEP_DAILY + KEEP_ASIDE == 10
    assert len(kept) <= 10 + 7 + 4


def test_next_to_a_damaged_copy_aside_the_newest_good_backup_before_it_stays() -> None:
    """A restore because the journal was damaged: the copy aside fails its check, and
    the morning's backup is the only readable one holding the morning's words; the
    backups after the restore hold the older state restored, not those words."""
    morning = BackupStamp(START, Reason.DAILY)
    at_lock = BackupStamp(START + timedelta(minutes=50), Reason.DAILY)
    aside = BackupStamp(START + timedelta(hours=1), Reason.BEFORE_RESTORE)
    after = [BackupStamp(START + timedelta(hours=2 + n), Reason.DAILY) for n in range(3)]
    backups = [morning, aside, *after]
    assert morning not in to_keep(backups, utc_day)
    assert morning in to_keep(backups, utc_day, damaged={aside})
    # a backup taken at lock still unchecked may yet fail: the checked one stays too
    kept = to_keep([*backups, at_lock], utc_day, damaged={aside}, unchecked={at_lock})
    assert {morning, at_lock} <= kept
    kept = to_keep([*backups, at_lock], utc_day, damaged={aside, at_lock})
    assert morning in kept and at_lock not in kept


@given(st.lists(st.integers(min_value=0, max_value=400 * 24), min_size=1, max_size=80))
def test_the_newest_backup_is_always_kept_and_at_most_fourteen(hours: list[int]) -> None:
    backups = [BackupStamp(START + timedelta(hours=h), Reason.DAILY) for h in set(hours)]
    kept = to_keep(backups, utc_day)
    assert max(backups, key=lambda b: b.taken_at) in kept
    assert len(kept) <= 7 + 4


def test_a_backup_is_due_once_a_local_day() -> None:
    backups = daily(1)
    assert not is_due(backups, START + timedelta(hours=2), utc_day)
    assert is_due(backups, START + timedelta(hours=5), utc_day)  # the next UTC day
    assert is_due([], START, utc_day)


def test_a_copy_kept_before_a_restore_never_pushes_out_the_backup_restored_from() -> None:
    # The break test: "before an import" 16:02, "a backup you asked for" 16:03, restored
    # at 16:06, which kept the damaged journal aside: the 16:03 backup must stay.
    imported = BackupStamp(START, Reason.BEFORE_IMPORT)
    asked = BackupStamp(START + timedelta(minutes=1), Reason.MANUAL)
    aside = BackupStamp(START + timedelta(minutes=4), Reason.BEFORE_RESTORE)
    assert {imported, asked, aside} <= to_keep([imported, asked, aside], utc_day)


def test_a_copy_kept_before_a_restore_does_not_count_as_the_days_backup() -> None:
    aside = BackupStamp(START, Reason.BEFORE_RESTORE)
    assert is_due([aside], START + timedelta(hours=1), utc_day)


def test_a_copy_taken_before_an_import_neither_counts_as_nor_replaces_the_days_backup() -> None:
    """Break test 16, N10: a copy taken before importing 20,000 entries (the journal
    as it was, without them) stood for the day's backup, so the imported years had
    none that day, and it pushed the day's daily out of the rotation."""
    morning = BackupStamp(START, Reason.DAILY)
    before_import = BackupStamp(START + timedelta(minutes=30), Reason.BEFORE_IMPORT)
    assert is_due([before_import], START + timedelta(hours=1), utc_day)
    for reason in (Reason.BEFORE_UPGRADE, Reason.BEFORE_RESTORE):
        assert is_due([BackupStamp(START, reason)], START + timedelta(hours=1), utc_day)
    assert to_keep([morning, before_import], utc_day) == {morning, before_import}


def test_a_big_change_after_the_days_backup_makes_a_backup_due_again() -> None:
    """Break test 16, finding 1: the day's daily was taken, then 20,000 entries were
    imported; the lock took no backup because the day was "done"."""
    morning = BackupStamp(START, Reason.DAILY)
    later = START + timedelta(hours=1)
    for reason in (Reason.BEFORE_IMPORT, Reason.BEFORE_RESTORE, Reason.BEFORE_UPGRADE):
        change = BackupStamp(START + timedelta(minutes=30), reason)
        assert is_due([morning, change], later, utc_day)
        after = BackupStamp(START + timedelta(minutes=31), Reason.AFTER_IMPORT)
        assert not is_due([morning, change, after], later, utc_day)
        # the fresh backup takes the day's place; the copy before the change stays
        assert to_keep([morning, change, after], utc_day) == {change, after}


def test_a_copy_aside_holding_exactly_a_kept_backup_is_replaced_by_that_backup() -> None:
    """A copy kept aside that holds exactly what a backup holds (restored from it, nothing
    written since) is not kept for itself: the backup is kept in its place, for as long
    as the copy would have been, through a chain of such copies too (issue 16, the bound
    on restores within one day)."""
    from journal.domain.safekeeping.rotation import BackupStamp, Reason, to_keep

    def day(moment: datetime) -> date:
        return moment.date()

    now = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    old_daily = BackupStamp(now - timedelta(days=40), Reason.DAILY)
    dailies = [BackupStamp(now - timedelta(days=d), Reason.DAILY) for d in range(0, 30)]
    first = BackupStamp(now + timedelta(minutes=1), Reason.BEFORE_RESTORE)  # holds old_daily
    second = BackupStamp(now + timedelta(minutes=2), Reason.BEFORE_RESTORE)  # holds first
    own = BackupStamp(now + timedelta(minutes=3), Reason.BEFORE_RESTORE)  # its own line
    backups = [old_daily, *dailies, first, second, own]

    keep = to_keep(backups, day, same_as={first: old_daily, second: first})

    assert old_daily in keep and own in keep
    assert first not in keep and second not in keep
    assert old_daily not in to_keep(backups, day)  # beyond the days and weeks kept

"""Which backups to keep: the last 7 daily and 4 weekly, plus the newest safety copies.

A *backup* here is only its moment (aware UTC) and its reason. The rules:

* **daily**: the newest backup of each of the 7 most recent local days that have one;
* **weekly**: the newest backup of each of the 4 most recent ISO weeks that have one
  (for both, only backups of the journal as it is then: daily, manual, after an
  import and after a change of credentials; a safety copy is the journal as it was
  *before* a change, so it never takes a day's or a week's place and never makes
  the day's backup look done: break test 16, N10, where a copy taken before
  importing 20,000 entries stood for the day and the imported years had no backup);
* **safety**: the newest ``KEEP_SAFETY`` backups taken before an import or an
  upgrade (the journal as it was before a big change), whatever their day;
* **before a restore**: the newest ``KEEP_ASIDE`` copies of the journal as it was
  before a restore, whatever their age. A restore can bring back an older state, and
  the copy kept aside is the way back; but each is a whole journal, so they join the
  rotation as a small bounded count rather than pile up (break test 16 of the eighth
  session, finding 8, and its re-test: someone trying several backups in a row kept a
  copy per restore, and a month's window still let them pile up without bound);
* the newest backup is always kept.

Copies kept aside before a restore are the journal as it was, unchecked (it was
often replaced because it was damaged): they never take a day's or a week's place,
nor a safety place, and never make a daily backup look done, so a restore cannot
push out the backup it restored from.

Everything else may be deleted, and only once a newer backup has been verified
(the caller deletes right after a good backup, never after a failed one). The
7 + 4 figure is the grandfather-father-son scheme used by borg and restic
(``--keep-daily 7 --keep-weekly 4``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SAFETY = 3
KEEP_ASIDE = 3  # copies kept aside before a restore


class Reason(StrEnum):
    """Why a backup was taken; part of its folder name."""

    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"
    BEFORE_IMPORT = "before-import"
    AFTER_IMPORT = "after-import"
    CREDENTIALS = "credentials-changed"

    @property
    def is_safety(self) -> bool:
        return self in {Reason.BEFORE_UPGRADE, Reason.BEFORE_RESTORE, Reason.BEFORE_IMPORT}


@dataclass(frozen=True, slots=True)
class BackupStamp:
    """One good backup: when it was taken (aware UTC) and why."""

    taken_at: datetime
    reason: Reason


def to_keep(
    backups: Sequence[BackupStamp], local_day: Callable[[datetime], date]
) -> set[BackupStamp]:
    """The backups the rotation keeps; ``local_day`` maps a moment to the person's day."""
    aside = sorted(
        (b for b in backups if b.reason is Reason.BEFORE_RESTORE),
        key=lambda b: b.taken_at,
        reverse=True,
    )
    newest_first = sorted(
        (b for b in backups if b.reason is not Reason.BEFORE_RESTORE),
        key=lambda b: b.taken_at,
        reverse=True,
    )
    current = [b for b in newest_first if not b.reason.is_safety]
    keep: set[BackupStamp] = set(aside[:KEEP_ASIDE]) | set(newest_first[:1])
    keep |= _newest_per_period(current, local_day, KEEP_DAILY)
    keep |= _newest_per_period(current, lambda moment: _week_start(local_day(moment)), KEEP_WEEKLY)
    keep |= set([b for b in newest_first if b.reason.is_safety][:KEEP_SAFETY])
    return keep


def is_due(
    backups: Sequence[BackupStamp], now: datetime, local_day: Callable[[datetime], date]
) -> bool:
    """An automatic backup is due when no backup of the journal as it is was taken on
    today's local day (a safety copy, taken before an import, an upgrade or a restore,
    does not count: it is the journal as it was before), or when a big change came
    after the newest one.

    A big change is an import, a restore or an upgrade: each is marked by the safety
    copy taken just before it, so a safety copy newer than every backup of the journal
    as it is means that no backup holds the journal since that change (break test 16,
    finding 1: 20,000 entries imported after the day's daily had no backup that day,
    and the lock took none because the day was "done"). The fresh backup then takes
    the day's place in the rotation (the newest of a day is kept). A rescued journal is
    a new journal with no backup at all, so one is due at once.
    """
    today = local_day(now)
    current = [b.taken_at for b in backups if not b.reason.is_safety]
    if not any(local_day(moment) == today for moment in current):
        return True
    return changed_since_backup(backups) is not None


def changed_since_backup(backups: Sequence[BackupStamp]) -> BackupStamp | None:
    """The newest safety copy taken after the newest backup of the journal as it is
    (the journal changed a lot since: an import, a restore or an upgrade), or None."""
    current = [b.taken_at for b in backups if not b.reason.is_safety]
    safety = [b for b in backups if b.reason.is_safety]
    if not safety:
        return None
    newest = max(safety, key=lambda b: b.taken_at)
    if current and max(current) >= newest.taken_at:
        return None
    return newest


def _week_start(day: date) -> date:
    return date.fromisocalendar(*day.isocalendar()[:2], 1)


def _newest_per_period(
    newest_first: Sequence[BackupStamp], period: Callable[[datetime], date], count: int
) -> set[BackupStamp]:
    kept: dict[date, BackupStamp] = {}
    for backup in newest_first:
        key = period(backup.taken_at)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup
    return set(kept.values())

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
* **before a restore**: every copy of the journal as it was before a restore taken
  on a day of the *daily window* (the ``KEEP_DAILY`` most recent local days on which
  any backup was taken), and beyond it the newest ``KEEP_ASIDE``. A restore ends a
  line of writing: the copy kept aside is the newest state of that line, and once the
  journal goes on from another backup no later backup ever holds what was written on
  it. A count alone deleted it: four restores in a row within minutes, looking for the
  right backup, pushed out the only copy holding the morning's words (break test 16
  of session 11, finding 10; the count of three came from session 8's finding 8).
  While its day is in the daily window it is kept whatever the count, as a daily
  backup of that day would be; the window moves only with days on which the journal
  was used, never with time alone. A copy that holds exactly what a kept backup holds
  (``same_as``: the journal was restored from that backup and nothing was written
  since, `journal.storage.changes`) adds nothing: it is not kept for itself, and the
  backup it holds is kept in its place, for as long as the copy would have been (so
  that backup's own, shorter rule never drops the line). Bound: one copy per line of
  writing a restore ended on the 7 days of the window, plus 3, however many restores:
  fifty restores in a row with nothing written between them keep one copy (the
  journal as it was before the first) and the backups they restored; 10 for a person
  who writes and restores once a day for months;
* **the line a damaged copy ends**: when a copy kept aside in the daily window failed
  its check (``damaged``), the newest backup taken before it that is neither a copy
  kept aside nor damaged (and, while that one still waits for its checks,
  ``unchecked``, the newest checked one before it too) holds that line as far as it
  can be read, so it is kept with the copy: at most two per such copy;
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

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SAFETY = 3
KEEP_ASIDE = 3  # copies kept aside before a restore, beyond the daily window


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
    backups: Sequence[BackupStamp],
    local_day: Callable[[datetime], date],
    damaged: Collection[BackupStamp] = (),
    unchecked: Collection[BackupStamp] = (),
    same_as: Mapping[BackupStamp, BackupStamp] | None = None,
) -> set[BackupStamp]:
    """The backups the rotation keeps; ``local_day`` maps a moment to the person's day.

    ``damaged`` are the backups that failed a check (copies kept aside marked so),
    ``unchecked`` those still waiting for their checks; both only matter for the line a
    damaged copy kept aside ends (module docstring). ``same_as`` maps a copy kept aside
    to the backup among ``backups`` that holds exactly the same journal: such a copy is
    replaced in the kept set by that backup (followed further when that one is such a
    copy too).
    """
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
    window = _daily_window(backups, local_day)
    young = [b for b in aside if window is None or local_day(b.taken_at) >= window]
    older = [b for b in aside if b not in young]
    keep: set[BackupStamp] = set(young) | set(older[:KEEP_ASIDE]) | set(newest_first[:1])
    keep |= _newest_per_period(current, local_day, KEEP_DAILY)
    keep |= _newest_per_period(current, lambda moment: _week_start(local_day(moment)), KEEP_WEEKLY)
    keep |= set([b for b in newest_first if b.reason.is_safety][:KEEP_SAFETY])
    for copy in (b for b in young if b in damaged):
        keep |= _line_holders(copy, newest_first, damaged, unchecked)
    if same_as:
        present = set(backups)
        keep = {_holder(b, same_as, present) for b in keep}
    return keep


def _holder(
    copy: BackupStamp, same_as: Mapping[BackupStamp, BackupStamp], present: set[BackupStamp]
) -> BackupStamp:
    """The backup that holds what ``copy`` holds: the end of its ``same_as`` chain among
    ``present`` (``copy`` itself when it holds what no other one does)."""
    seen = {copy}
    while (held := same_as.get(copy)) is not None and held in present and held not in seen:
        seen.add(held)
        copy = held
    return copy


def _daily_window(
    backups: Sequence[BackupStamp], local_day: Callable[[datetime], date]
) -> date | None:
    """The first local day of the daily window: the oldest of the ``KEEP_DAILY`` most
    recent days on which any backup was taken; None while there are fewer such days
    (then every day is in it)."""
    days = sorted({local_day(b.taken_at) for b in backups}, reverse=True)
    return days[KEEP_DAILY - 1] if len(days) >= KEEP_DAILY else None


def _line_holders(
    copy: BackupStamp,
    newest_first: Sequence[BackupStamp],
    damaged: Collection[BackupStamp],
    unchecked: Collection[BackupStamp],
) -> set[BackupStamp]:
    """The newest backup before the damaged ``copy`` that is not damaged, and the newest
    checked one before it when that one is still unchecked (it may yet fail)."""
    before = [b for b in newest_first if b.taken_at < copy.taken_at and b not in damaged]
    holders = set(before[:1])
    if before and before[0] in unchecked:
        holders |= set([b for b in before if b not in unchecked][:1])
    return holders


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

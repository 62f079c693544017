"""Which log each pad change belongs to: the rule the "Past logs" list shows.

A pad change belongs to its own calendar day (where it was noted, its ``zone``; the
person's time zone for a change without one, as for logs) and,
on that day, to the latest log made at or before it; a change made before the
day's first log belongs to that first log. A change on a day without any log
belongs to no log (it is still listed with the other pad changes). So changes
made on 30 November never appear under a log of 29 November.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

from journal.domain.body.log import BodyLog, PadChange
from journal.domain.common.local_time import recorded_day

__all__ = ["PAD_RULE", "pads_by_log"]

#: The rule in the person's words, shown beside the list.
PAD_RULE = (
    "Pad changes are counted with the log of the same day that came just before them "
    "(or that day's first log). A day with pad changes but no log shows them only in "
    "the list of pad changes."
)


def pads_by_log(
    logs: Iterable[BodyLog], pads: Iterable[PadChange], *, tz: tzinfo = UTC
) -> dict[str, list[PadChange]]:
    """The pad changes of each log, by log id, oldest first (see the module's rule).

    ``tz`` is the person's zone, which decides where each day starts for a log or
    change without a zone of its own (`recorded_day`). Logs with
    no pad change are left out of the result.
    """
    days: dict[date, list[tuple[datetime, str]]] = {}
    for log in logs:
        days.setdefault(recorded_day(log.logged_at, log.zone, tz), []).append(
            (log.logged_at, log.id)
        )
    for day_logs in days.values():
        day_logs.sort()
    found: dict[str, list[PadChange]] = {}
    for pad in sorted(pads, key=lambda p: (p.changed_at, p.id)):
        same_day = days.get(recorded_day(pad.changed_at, pad.zone, tz))
        if not same_day:
            continue
        before = bisect.bisect_right([at for at, _ in same_day], pad.changed_at) - 1
        _at, log_id = same_day[max(before, 0)]
        found.setdefault(log_id, []).append(pad)
    return found

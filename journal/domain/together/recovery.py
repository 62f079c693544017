"""The recovery summary a person may share with their partner (off unless they turn it on).

Pure Python. It holds four facts and nothing else from the body log: days since
the loss, whether the bleeding has stopped (and when), follow-up appointments
(dates only: no place, no questions), and the titles of warning signs raised.
No log, pad change, note or number from a log is in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from journal.domain.body.log import RecoveryDetails
from journal.domain.body.warning_signs import SignId, rules_by_id

__all__ = ["RecoverySummary", "summarise"]


@dataclass(frozen=True, slots=True)
class RecoverySummary:
    """The part of a partner's recovery they chose to share: days since the loss, the day
    bleeding stopped, upcoming follow-up appointments and the warning signs raised.
    """

    days_since_loss: int | None
    bleeding_stopped_on: date | None
    # (aware UTC, the IANA zone it was set in or None), soonest first, from today on
    follow_ups: tuple[tuple[datetime, str | None], ...]
    signs_raised: tuple[str, ...]  # titles, as the body log words them, first raised first


def summarise(
    recovery: RecoveryDetails,
    appointments: Iterable[tuple[datetime, str | None]],
    signs: Iterable[tuple[datetime, SignId]],
    today: date,
    now: datetime,
) -> RecoverySummary:
    """The summary as of ``today`` (the person's local day) and ``now`` (aware UTC).

    ``appointments`` are their times (aware UTC) and zones: only those not yet past are
    kept.
    ``signs`` are (first raised at, sign) pairs; each sign is named once.
    """
    days = None
    if recovery.loss_date is not None and recovery.loss_date <= today:
        days = (today - recovery.loss_date).days
    titles = rules_by_id()
    named: dict[SignId, None] = {}
    for _raised, sign in sorted(signs, key=lambda pair: pair[0]):
        named.setdefault(sign, None)
    return RecoverySummary(
        days_since_loss=days,
        bleeding_stopped_on=recovery.bleeding_stopped_on,
        follow_ups=tuple(sorted((a for a in appointments if a[0] >= now), key=lambda a: a[0])),
        signs_raised=tuple(titles[sign].title for sign in named),
    )

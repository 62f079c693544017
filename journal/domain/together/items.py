"""Shared items of two journals, interleaved by date, and the filters Together offers.

Pure Python. A ``SharedItem`` is an entry its author marked shared, as read from
their journal; ``side`` says whose journal (0: the person who opened Together,
1: their partner), ``writer`` is the name shown beside it. Times are aware UTC; an
item's ``zone`` is the IANA zone its entry was written in, so Together shows and
filters it by that zone's clock and calendar, as the writer's own journal does.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import IntEnum

from journal.domain.common.local_time import local_day

__all__ = [
    "ItemFilter",
    "Response",
    "SharedItem",
    "Side",
    "apply_filter",
    "attach_responses",
    "interleave",
]

MAX_RESPONSE_CHARS = 2000
"""A response is a short note; longer thoughts belong in an entry."""


class Side(IntEnum):
    """Whose journal an item comes from."""

    OWNER = 0
    PARTNER = 1


@dataclass(frozen=True, slots=True)
class Response:
    """A short note one partner wrote under the other's entry.

    Stored in the responder's own journal, linked by ``entry_id`` (the entry's UUID);
    dated in the zone it was written in, as a shared entry is (break test 9 of session
    15, finding 10).
    """

    id: str
    entry_id: str
    side: Side
    text: str
    created_at: datetime
    zone: str | None = None  # the IANA zone it was written in; None: the computer's


@dataclass(frozen=True, slots=True)
class SharedItem:
    """One shared entry: everything Together shows of it, and nothing private."""

    entry_id: str
    side: Side
    writer: str
    created_at: datetime
    title: str
    body: str
    responses: tuple[Response, ...] = field(default=())
    zone: str | None = None  # the IANA zone it was written in; None: the computer's


def _key(item: SharedItem) -> tuple[datetime, int, str]:
    return (item.created_at, int(item.side), item.entry_id)


def interleave(*journals: Iterable[SharedItem]) -> list[SharedItem]:
    """Every item of every journal, oldest first (ties: the owner's first, then by id).

    Each input is sorted here, so callers need not; a merge of sorted lists costs
    O(n log k).
    """
    return list(heapq.merge(*(sorted(items, key=_key) for items in journals), key=_key))


def attach_responses(
    items: Sequence[SharedItem], responses: Iterable[Response]
) -> list[SharedItem]:
    """Items with the responses that answer them, oldest response first.

    A response whose entry is not among ``items`` (made private since, or deleted)
    is dropped: it is never shown without the entry it answers.
    """
    by_entry: dict[str, list[Response]] = {}
    for response in responses:
        by_entry.setdefault(response.entry_id, []).append(response)
    result = []
    for item in items:
        found = by_entry.get(item.entry_id)
        if not found:
            result.append(item if not item.responses else replace(item, responses=()))
            continue
        ordered = tuple(sorted(found, key=lambda r: (r.created_at, r.id)))
        result.append(replace(item, responses=ordered))
    return result


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """What the reader asked to see: whose items, a range of local days, responses.

    ``side`` None means both; ``first``/``last`` are inclusive local days (None: open);
    ``with_response`` None means either.
    """

    side: Side | None = None
    first: date | None = None
    last: date | None = None
    with_response: bool | None = None


def apply_filter(
    items: Iterable[SharedItem],
    wanted: ItemFilter,
    day_of: Callable[[datetime, str | None], date] = local_day,
) -> list[SharedItem]:
    """The items that match ``wanted``; ``day_of`` turns an item's aware UTC time and its
    zone into its day (by default the day on the calendar of the zone it was written
    in: break test 9 of session 14, finding 11)."""
    kept = []
    for item in items:
        if wanted.side is not None and item.side is not wanted.side:
            continue
        if wanted.first is not None or wanted.last is not None:
            day = day_of(item.created_at, item.zone)
            if wanted.first is not None and day < wanted.first:
                continue
            if wanted.last is not None and day > wanted.last:
                continue
        if wanted.with_response is not None and bool(item.responses) != wanted.with_response:
            continue
        kept.append(item)
    return kept

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from journal.domain.together.items import (
    ItemFilter,
    Response,
    SharedItem,
    Side,
    apply_filter,
    attach_responses,
    interleave,
)

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


def item(side: Side, hours: int, entry_id: str = "") -> SharedItem:
    return SharedItem(
        entry_id or f"{side.name}-{hours}",
        side,
        "Sam" if side is Side.OWNER else "Alex",
        START + timedelta(hours=hours),
        f"title {hours}",
        "body",
    )


def test_interleave_orders_both_journals_by_date_oldest_first() -> None:
    mine = [item(Side.OWNER, 5), item(Side.OWNER, 1)]
    theirs = [item(Side.PARTNER, 3), item(Side.PARTNER, 0)]
    merged = interleave(mine, theirs)
    assert [(i.side, i.created_at.hour - 9) for i in merged] == [
        (Side.PARTNER, 0),
        (Side.OWNER, 1),
        (Side.PARTNER, 3),
        (Side.OWNER, 5),
    ]


def test_same_moment_puts_the_owner_first() -> None:
    merged = interleave([item(Side.PARTNER, 2)], [item(Side.OWNER, 2)])
    assert [i.side for i in merged] == [Side.OWNER, Side.PARTNER]


@given(
    st.lists(st.integers(0, 500), max_size=30),
    st.lists(st.integers(0, 500), max_size=30),
)
def test_interleave_keeps_every_item_once_in_order(a: list[int], b: list[int]) -> None:
    mine = [item(Side.OWNER, h, f"o{n}") for n, h in enumerate(a)]
    theirs = [item(Side.PARTNER, h, f"p{n}") for n, h in enumerate(b)]
    merged = interleave(mine, theirs)
    assert sorted(i.entry_id for i in merged) == sorted(i.entry_id for i in mine + theirs)
    times = [i.created_at for i in merged]
    assert times == sorted(times)


def test_responses_go_under_their_entry_and_orphans_are_dropped() -> None:
    entry = item(Side.PARTNER, 1, "e1")
    later = Response("r2", "e1", Side.OWNER, "second", START + timedelta(hours=9))
    first = Response("r1", "e1", Side.OWNER, "first", START + timedelta(hours=8))
    orphan = Response("r3", "gone", Side.OWNER, "orphan", START)
    [shown] = attach_responses([entry], [later, orphan, first])
    assert [r.text for r in shown.responses] == ["first", "second"]


def test_filters_by_whose_day_range_and_response() -> None:
    answered = attach_responses(
        [item(Side.PARTNER, 30, "p")],
        [Response("r", "p", Side.OWNER, "yes", START)],
    )[0]
    items = [item(Side.OWNER, 0, "o"), answered, item(Side.OWNER, 60, "late")]

    def day(moment: datetime, _zone: str | None) -> date:
        return moment.date()

    assert [i.entry_id for i in apply_filter(items, ItemFilter(side=Side.OWNER), day)] == [
        "o",
        "late",
    ]
    assert [i.entry_id for i in apply_filter(items, ItemFilter(with_response=True), day)] == ["p"]
    assert [i.entry_id for i in apply_filter(items, ItemFilter(with_response=False), day)] == [
        "o",
        "late",
    ]
    second_day = ItemFilter(first=date(2026, 3, 2), last=date(2026, 3, 2))
    assert [i.entry_id for i in apply_filter(items, second_day, day)] == ["p"]

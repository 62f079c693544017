"""Every list of entries is in one order: grouped by the day each entry was written (in
its own zone), newest day first, newest moment first within a day, so day headings
never go backwards (break test 9 of session 7, F1: an entry written later in Los
Angeles sorted above one written a little earlier, but on the next day, in Berlin;
break test 16 of session 8, finding 11: imported entries with impossible dates, all
dated the same moment in their own zones, came out with their days out of order).

Pages are read by keyset (`EntryRepository.summaries`), so each page size is tried:
the days must not go backwards across a page's end either. Expected days come from
``zoneinfo`` alone."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from tests.time_zones import in_zone

ZONES = (
    "Europe/Berlin",
    "America/Los_Angeles",
    "Pacific/Kiritimati",  # UTC+14: its day is a day ahead of most of the world's
    "Pacific/Pago_Pago",  # UTC-11
    "Asia/Kolkata",
    None,  # the computer's zone (entries made before zones were kept)
)


def _entry(moment: datetime, zone: str | None, words: str) -> Entry:
    return Entry(
        id=str(uuid.uuid4()), created_at=moment, updated_at=moment, body=words, zone=zone
    )


def _day(moment: datetime, zone: str | None, here: str) -> tuple[object, datetime]:
    return moment.astimezone(ZoneInfo(zone or here)).date(), moment


def test_an_entry_written_later_in_los_angeles_is_below_one_written_on_the_next_day_in_berlin(
    journal,
):  # type: ignore[no-untyped-def]
    berlin = _entry(datetime(2026, 11, 30, 23, 55, tzinfo=UTC), "Europe/Berlin", "quoted line")
    later = _entry(datetime(2026, 12, 1, 0, 58, tzinfo=UTC), "America/Los_Angeles", "written later")
    repo = EntryRepository(journal.db)
    repo.save(berlin)
    repo.save(later)
    with in_zone("America/Los_Angeles"):
        page, _ = repo.summaries(10)
    # Berlin's 00:55 on Tuesday 1 December, then Los Angeles' 16:58 on Monday 30 November.
    assert [s.id for s in page] == [berlin.id, later.id]


@pytest.mark.parametrize("page_size", [1, 7, 100, 1000])
def test_pages_never_go_back_a_day_and_hold_every_entry_once(journal, page_size):  # type: ignore[no-untyped-def]
    """Entries spread over a week in six zones, and a cluster imported at one moment
    (finding 11: every entry of a file with impossible dates is dated alike)."""
    chance = random.Random(20261201)
    start = datetime(2026, 11, 25, tzinfo=UTC)
    entries = [
        _entry(start + timedelta(minutes=chance.randrange(7 * 24 * 60)), chance.choice(ZONES), "x")
        for _ in range(260)
    ]
    imported_at = datetime(2026, 12, 1, 16, 13, tzinfo=UTC)
    entries += [_entry(imported_at, chance.choice(ZONES), "imported") for _ in range(40)]
    repo = EntryRepository(journal.db)
    repo.add_many(entries)
    here = "America/Los_Angeles"
    with in_zone(here):
        seen = []
        page, cursor = repo.summaries(page_size)
        while page:
            seen += page
            page, cursor = repo.summaries(page_size, cursor)
            if cursor is None:
                assert page == []
        shown = [_day(s.created_at, s.zone, here) for s in seen]
        assert sorted({s.id for s in seen}) == sorted(e.id for e in entries)
        assert len(seen) == len(entries)
        assert shown == sorted(shown, reverse=True)
        positional = [s.id for s in repo.summaries_page(page_size, 50)]
    assert positional == [s.id for s in seen[page_size : page_size + 50]]


def test_a_large_import_dated_at_one_moment_pages_in_order(journal):  # type: ignore[no-untyped-def]
    """Finding 11's kind at scale: 1,200 entries dated alike (the moment their file
    was last changed) in Berlin's zone and Kiritimati's, with a day of others around
    them; more rows than a page reads before it looks up the journal's own zones."""
    moment = datetime(2026, 12, 1, 16, 13, tzinfo=UTC)  # 17:13 in Berlin, 06:13 next day +14
    entries = [
        _entry(moment, "Europe/Berlin" if n % 3 else "Pacific/Kiritimati", "imported")
        for n in range(1200)
    ]
    entries += [
        _entry(moment + timedelta(hours=hours), "America/Los_Angeles", "around")
        for hours in range(-30, 30, 3)
    ]
    repo = EntryRepository(journal.db)
    repo.add_many(entries)
    here = "Europe/Berlin"
    with in_zone(here):
        seen = []
        page, cursor = repo.summaries(50)
        while page:
            seen += page
            page, cursor = repo.summaries(50, cursor)
        shown = [_day(s.created_at, s.zone, here) for s in seen]
    assert len(seen) == len({s.id for s in seen}) == len(entries)
    assert shown == sorted(shown, reverse=True)

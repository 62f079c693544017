"""Together shows and filters each shared entry by the clock and calendar of the zone it
was written in, as the writer's own journal does (break test 9 of session 14, finding
11: after travel the partner read another hour, or another day, and a "Between" filter
left the entry out). Real SQLCipher journal; expected wall times from ``zoneinfo``."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from journal.domain.entries.entry import new_entry
from journal.domain.together.items import ItemFilter, Side, apply_filter
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.shared import SharedItems
from journal.ui.together.model import SharedItemsModel, said_item
from tests.time_zones import in_zone

BERLIN = ZoneInfo("Europe/Berlin")
# The second 02:30 of 25 October 2026 in Berlin, and 23:30 on Saturday 31 October there
# (04:00 on Sunday 1 November in Kolkata).
SECOND_TIME = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
LATE = datetime(2026, 10, 31, 23, 30, tzinfo=BERLIN).astimezone(UTC)


def test_a_shared_entry_reads_in_the_zone_it_was_written_in(qtbot, journal):
    repo = EntryRepository(journal.db)
    for moment, body in ((SECOND_TIME, "the night after the scan"), (LATE, "her day")):
        entry = dataclasses.replace(
            new_entry(moment), body=body, shared=True, zone="Europe/Berlin"
        )
        repo.save(entry)
    with in_zone("Asia/Kolkata"):
        items = SharedItems(journal.db, Side.OWNER, "Ana").items()
        assert [item.zone for item in items] == ["Europe/Berlin", "Europe/Berlin"]
        model = SharedItemsModel()
        model.set_items(items)
        first = model.data(model.index(0))
        wall = SECOND_TIME.astimezone(BERLIN)
        assert f"{wall.day} October 2026, {wall:%H:%M} CET (the second time)" in first
        assert "Saturday 31 October 2026, 23:30 CET" in said_item(items[1])

        saturday = ItemFilter(first=date(2026, 10, 31), last=date(2026, 10, 31))
        assert [item.body for item in apply_filter(items, saturday)] == ["her day"]

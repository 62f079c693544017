"""A journal holding an entry at the ends of the calendar still answers every query
about days (break test 16, finding 7): the calendar's month of December 9999, looking
back on this day, the mood chart and an export, in zones either side of UTC."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from journal.domain.entries.entry import Entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.stats import Bucket, MoodStats
from journal.storage.safekeeping.export import export_journal
from tests.time_zones import in_zone

FAR = datetime(9999, 12, 31, 20, 0, tzinfo=UTC)
EARLY = datetime(1, 1, 1, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"])
def test_days_of_a_journal_holding_edge_dates_can_be_asked_for(journal, tmp_path, zone):
    repo = EntryRepository(journal.db)
    for moment in (FAR, EARLY):
        repo.save(
            Entry(
                id=str(uuid.uuid4()),
                created_at=moment,
                updated_at=moment,
                body="edge",
                mood=Mood(3),
                zone=None,
            )
        )
    with in_zone(zone):
        assert repo.days_with_entries(9999, 12) == {31}
        assert repo.days_with_entries(1, 1) == {1}
        assert repo.entry_days(12, 31)[-1].year == 9999
        assert len(MoodStats(journal.db).mood_series(Bucket.MONTH)) == 2
        result = export_journal(journal.db, tmp_path, ["x"])
    assert result.entries == 2

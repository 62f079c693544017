"""Entries fall on the local day of their own moment (the zone's rules on that day):
the calendar, the mood chart, looking back, and the search's date filter, in several zones."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from sqlalchemy import delete

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from journal.storage.entries.stats import Bucket, MoodStats
from tests.time_zones import in_zone, local_date, zone_and_moment

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HOURS = (-25, -2, -1, 0, 1, 2, 25)


@PROPERTY
@given(zone_and_moment())
def test_entries_are_grouped_on_the_local_day_of_their_moment(journal, case):
    name, moment = case
    repo = EntryRepository(journal.db)
    with journal.db.session() as session:
        session.execute(delete(EntryRow))
    # Entries with no zone of their own (written before zones were kept) are on the
    # computer's day; tests/storage/entries/test_entry_zone.py has those with a zone.
    entries = [
        dataclasses.replace(new_entry(moment + timedelta(hours=h)), mood=Mood.IN_BETWEEN, zone=None)
        for h in HOURS
    ]
    for entry in entries:
        repo.save(entry)
    day = local_date(moment, name)
    on_day = {e.id for e in entries if local_date(e.created_at, name) == day}
    with in_zone(name):
        in_month = repo.days_with_entries(day.year, day.month)
        looking_back = repo.entry_days(day.month, day.day)
        series = MoodStats(journal.db).mood_series(Bucket.DAY, start=day, end=day)
        found = EntrySearch(journal.db).search(
            "", SearchFilters(date_from=day, date_to=day), limit=50
        )
        first = MoodStats(journal.db).first_entry_day()
    assert in_month == {
        local_date(e.created_at, name).day
        for e in entries
        if local_date(e.created_at, name).replace(day=1) == day.replace(day=1)
    }
    assert looking_back == [day]
    assert [(p.period, p.entries) for p in series] == [(day, len(on_day))]
    assert {hit.summary.id for hit in found} == on_day
    assert first == min(local_date(e.created_at, name) for e in entries)

"""Each entry keeps the zone it was written in (break test of issue 16, finding 6): an
all-day Day One entry written in Tokyo or Dublin is on its own day on a computer set to
UTC, in the calendar, "on this day", the day filter and the export; a new entry records
the computer's zone; a journal of the schema before zones migrates without loss.

The expected days come from the files' own words (SOURCES.md) and from ``zoneinfo``."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.domain.safekeeping.sources import plan_for
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from journal.storage.entries.stats import Bucket, MoodStats
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply
from tests.shared_files import SAMPLES
from tests.storage.downgraded import downgrade
from tests.time_zones import in_zone

DAY_ONE = SAMPLES / "dayone" / "macos-2024-dev.json"


def day_one_file(folder: Path) -> Path:
    """A Day One export of one all-day entry written in Tokyo on 10 March 2024 (Day One
    stores it at local midnight there: 15:00 UTC the day before)."""
    path = folder / "Journal.json"
    entry = {
        "uuid": "0F8E3B4C5D6A47B8A9C0D1E2F3A4B5C6",
        "creationDate": "2024-03-09T15:00:00Z",
        "modifiedDate": "2024-03-09T15:00:00Z",
        "timeZone": "Asia/Tokyo",
        "isAllDay": True,
        "text": "The day we named her",
        "tags": ["remembering"],
        "starred": False,
    }
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [entry]}))
    return path


def imported(journal, path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Import ``path`` into ``journal``; its entries by their headline."""
    apply(journal, plan_for(path), backup=False)
    repo = EntryRepository(journal.db)
    found = {}
    for summary in repo.summaries_page(0, 100):
        entry = repo.get(summary.id)
        assert entry is not None
        found[summary.headline] = entry
    return found


def test_a_tokyo_all_day_entry_stays_on_its_day_on_a_computer_in_utc(journal, tmp_path):
    with in_zone("UTC"):
        (entry,) = imported(journal, day_one_file(tmp_path)).values()
        repo = EntryRepository(journal.db)
        assert entry.zone == "Asia/Tokyo"  # type: ignore[attr-defined]
        assert repo.days_with_entries(2024, 3) == {10}
        assert repo.entry_days(3, 10) == [date(2024, 3, 10)]
        assert repo.entry_days(3, 9) == []
        on_the_day = SearchFilters(date_from=date(2024, 3, 10), date_to=date(2024, 3, 10))
        assert [h.summary.headline for h in EntrySearch(journal.db).search("", on_the_day)] == [
            "The day we named her"
        ]
        day_before = SearchFilters(date_from=date(2024, 3, 9), date_to=date(2024, 3, 9))
        assert EntrySearch(journal.db).search("", day_before) == []


@pytest.mark.skipif(not DAY_ONE.is_file(), reason="the shared samples are not here")
def test_day_one_entries_show_their_own_local_days_and_times(journal, tmp_path):
    """SOURCES.md: "Header 1" is all-day at 2024-04-16T23:00Z in Europe/Dublin (local
    midnight of 17 April); the London entries of 19 April are at UTC+1."""
    with in_zone("UTC"):
        entries = imported(journal, DAY_ONE)
        header = entries["Header 1"]
        quotes = entries['"This text is in quotes"']
        assert header.zone == "Europe/Dublin"  # type: ignore[attr-defined]
        assert quotes.zone == "Europe/London"  # type: ignore[attr-defined]
        repo = EntryRepository(journal.db)
        assert 16 not in repo.days_with_entries(2024, 4)
        assert {17, 18}.issubset(repo.days_with_entries(2024, 4))
        assert date(2024, 4, 17) in repo.entry_days(4, 17)
        assert repo.entry_days(4, 16) == []
        export = export_journal(journal.db, tmp_path, sorted(migrate.head_revisions()))
        files = {p.name: p.read_text() for p in (export.folder / "entries").iterdir()}
    # The file's name keeps the local day and time; its front matter, as every moment
    # of an export, is RFC 3339 UTC (domain/common/rfc3339.py) beside the zone.
    assert "date: 2024-04-16T23:00:00.000Z" in files["2024-04-17_0000_1.md"]
    assert 'zone: "Europe/Dublin"' in files["2024-04-17_0000_1.md"]
    assert "date: 2024-04-19T21:48:36.000Z" in files["2024-04-19_2248_1.md"]
    document = json.loads((export.folder / "journal.json").read_text())
    zones = {e["zone"] for e in document["entries"]}
    assert zones == {"Europe/Dublin", "Europe/London"}


def test_a_new_entry_records_the_computers_zone_and_keeps_its_day_when_it_moves(journal):
    repo = EntryRepository(journal.db)
    written = datetime(2025, 6, 1, 16, 30, tzinfo=UTC)  # 01:30 on 2 June in Tokyo
    with in_zone("Asia/Tokyo"):
        entry = dataclasses.replace(new_entry(written), body="Late, could not sleep")
        repo.save(entry)
    stored = repo.get(entry.id)
    assert stored is not None and stored.zone == "Asia/Tokyo"
    with in_zone("Europe/Lisbon"):  # the person travels; the entry stays where it was
        assert repo.days_with_entries(2025, 6) == {2}
        assert repo.entry_days(6, 2) == [date(2025, 6, 2)]
        again = dataclasses.replace(stored, mood=Mood.IN_BETWEEN)
        repo.save(again)
        assert repo.get(entry.id).zone == "Asia/Tokyo"  # type: ignore[union-attr]
        series = MoodStats(journal.db).mood_series(Bucket.DAY)
        assert [p.period for p in series] == [date(2025, 6, 2)]


def test_a_journal_of_the_schema_before_zones_migrates_without_loss(journal):
    repo = EntryRepository(journal.db)
    start = datetime(2024, 10, 27, 0, 30, tzinfo=UTC)  # the night the clocks go back
    for n in range(40):
        entry = new_entry(start + timedelta(minutes=37 * n))
        repo.save(
            dataclasses.replace(
                entry,
                title=f"Night {n}" if n % 3 else "",
                body=f"words of night {n}\n\n> kept as typed 🌧️",
                tags=("night",),
                feelings=("numb",),
                mood=Mood.HEAVY if n % 2 else None,
                shared=bool(n % 5 == 0),
            )
        )
    downgrade(journal.db.engine, "0009_compact_entries")  # the schema before zones
    with journal.db.engine.connect() as connection:
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(entries)")}
        rows = connection.execute(text("SELECT id FROM entries ORDER BY seq")).all()
    assert "zone" not in columns and len(rows) == 40
    # What the previous Solace read: every field but the zone, which it did not have.
    with in_zone("Europe/London"):
        before = {
            s.id: (dataclasses.replace(s, zone=None), say)
            for s, say in (
                (s, (s.created_at.astimezone(ZoneInfo("Europe/London")).date()))
                for s in _old_summaries(journal)
            )
        }
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    with in_zone("Europe/London"):
        after = repo.summaries_page(0, 100)
        assert {
            s.id: (s, s.created_at.astimezone(ZoneInfo("Europe/London")).date()) for s in after
        } == before
        assert all(s.zone is None for s in after)  # shown in the computer's zone, as before
        days = repo.days_with_entries(2024, 10)
    assert days == {d.day for _s, d in before.values() if d.month == 10}
    for entry_id in before:
        full = repo.get(entry_id)
        assert full is not None and "kept as typed 🌧️" in full.body and full.tags == ("night",)
    assert len(EntrySearch(journal.db).search("words night")) == 40  # the index is whole


def _old_summaries(journal):  # type: ignore[no-untyped-def]
    """The timeline's rows read with the columns the schema before zones had."""
    from journal.domain.entries.entry import EntrySummary
    from journal.storage.entries.repository import split

    with journal.db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT id, created_at, headline, mood, feelings, tags, shared FROM entries"
        ).all()
    return [
        EntrySummary(
            id=r[0],
            created_at=datetime.fromisoformat(r[1]).replace(tzinfo=UTC),
            headline=r[2],
            mood=Mood(r[3]) if r[3] is not None else None,
            feelings=split(r[4]),
            tags=split(r[5]),
            shared=bool(r[6]),
        )
        for r in rows
    ]

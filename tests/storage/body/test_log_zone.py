"""Each body log and pad change keeps the zone it was noted in (issue 9, break test
findings 2 and 9): stored and read back with it, exported by its own day, moods read
with their entry's zone, and a journal of the schema before zones migrates without
loss (a snapshot first), its logs read in the computer's zone as before.

The expected days come from ``zoneinfo`` alone (`tests.time_zones.local_date`)."""

from __future__ import annotations

import csv
import dataclasses
import io
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.body.daily import daily, daily_moods
from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    ClotSize,
    Discharge,
    PadChange,
    PadKind,
    Soaking,
)
from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.storage import migrate
from journal.storage.body.export import body_to_csv, read_body_csv, write_body_csv
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgrade
from tests.time_zones import ZONES, in_zone, local_date, zone_and_moment

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(zone_and_moment(), st.sampled_from(ZONES))
def test_a_log_keeps_its_zone_and_is_exported_on_its_own_day(journal: OpenJournal, case, computer):
    """Saved where it was made and read with the computer elsewhere, a log and a pad
    change keep their zone, and a range of days holds them on their own day only."""
    name, moment = case
    day = local_date(moment, name)
    body = BodyRepository(journal.db)
    log = BodyLog(str(uuid.uuid4()), moment, BleedingLevel.MEDIUM, zone=name)
    pad = PadChange(str(uuid.uuid4()), moment, PadKind.REGULAR, Soaking.PARTLY, name)
    body.save_log(log)
    body.save_pad_change(pad)
    try:
        with in_zone(computer):
            assert body.logs() == [log]
            assert body.pad_changes() == [pad]
            assert body.logs_and_pads_of_days(day, day) == ([log], [pad])
            for other in (day - timedelta(days=1), day + timedelta(days=1)):
                assert body.logs_and_pads_of_days(other, other) == ([], [])
    finally:
        body.delete_log(log.id)
        body.delete_pad_change(pad.id)


def test_an_entrys_mood_is_read_with_its_zone_for_the_body_chart(journal: OpenJournal):
    """Finding 9: a "heavy" entry written at 00:30 on 1 December in Berlin is charted
    on 1 December beside the body log on a computer in New York (30 November there)."""
    written = datetime(2026, 12, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)
    with in_zone("Europe/Berlin"):
        entry = dataclasses.replace(new_entry(written), body="a heavy day", mood=Mood.HEAVY)
        EntryRepository(journal.db).save(entry)
    with in_zone("America/New_York") as zone:
        assert zone is not None
        moods = BodyRepository(journal.db).moods()
        assert moods == [(written, int(Mood.HEAVY), "Europe/Berlin")]
        assert [d for d, _m in daily_moods(moods, tz=zone)] == [datetime(2026, 12, 1).date()]


def test_a_journal_of_the_schema_before_body_zones_migrates_without_loss(journal: OpenJournal):
    body = BodyRepository(journal.db)
    start = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)  # the night the clocks go back
    logs = [
        BodyLog(
            f"log-{n:02d}",
            start + timedelta(minutes=41 * n),
            BleedingLevel(n % 6),
            cramping=n % 11,
            pain_relief="ibuprofen" if n % 3 else "",
            pain_relief_at=start + timedelta(minutes=41 * n - 30) if n % 3 else None,
            note=f"night {n} 🌧️",
            # Answers as that schema holds them: it had no "not noted" (0021).
            clots=ClotSize.NONE,
            tissue_passed=False,
            chills=False,
            discharge=Discharge.NONE,
            pain_with_sex=False,
        )
        for n in range(30)
    ]
    pads = [
        PadChange(f"pad-{n:02d}", start + timedelta(minutes=53 * n), PadKind.THICK, Soaking.FULLY)
        for n in range(12)
    ]
    body.save_logs(logs)
    for pad in pads:
        body.save_pad_change(pad)
    downgrade(journal.db.engine, "0004_body")  # the body log's schema before zones
    with journal.db.engine.connect() as connection:
        for table in ("body_logs", "body_pad_changes"):
            columns = {r[1] for r in connection.exec_driver_sql(f"PRAGMA table_info({table})")}
            assert "zone" not in columns
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert body.logs() == logs  # every field, and no zone: the computer's, as before
    assert body.pad_changes() == pads
    with in_zone("Europe/London") as zone:
        assert zone is not None
        assert [p.day for p in daily(body.logs(), tz=zone)] == sorted(
            {local_date(log.logged_at, "Europe/London") for log in logs}
        )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(zone_and_moment())
def test_the_csv_file_names_each_records_zone_and_reads_it_back(tmp_path, case):
    """The CSV's times are UTC; its ``time_zone`` column says where each was noted."""
    name, moment = case
    log = BodyLog("log", moment, BleedingLevel.LIGHT, zone=name)
    pad = PadChange("pad", moment, PadKind.LINER, Soaking.PARTLY, name)
    rows = list(csv.DictReader(io.StringIO(body_to_csv([log], [pad]))))
    assert [row["time_zone"] for row in rows] == [name, name]
    path = tmp_path / f"{uuid.uuid4()}.csv"
    write_body_csv(path, [log], [pad])
    back = read_body_csv(path)
    assert [r.zone for r in (*back.logs, *back.pad_changes)] == [name, name]

"""Appointments set before 0018 get the zone the journal was used in around them
(migration 0021; break test 9 of session 15, finding 7: a 10:00 scan set in Berlin
read 04:00 in New York after the upgrade, beside a new one that read "10:00 CET").

A journal is made with appointments holding no zone (as every one set before 0018),
taken back to 0018 and upgraded; the expected clock times come from ``zoneinfo``."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from journal.domain.body.log import Appointment, BleedingLevel, BodyLog
from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.ui.common.local_time import short_moment
from tests.storage.downgraded import downgrade
from tests.time_zones import in_zone

BERLIN, KOLKATA = "Europe/Berlin", "Asia/Kolkata"


def _at(year: int, month: int, day: int, hour: int, zone: str) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def test_appointments_without_a_zone_take_the_zone_of_the_records_nearest_them(
    journal: OpenJournal,
):
    with in_zone(BERLIN):  # written in Berlin in December
        entry = dataclasses.replace(
            new_entry(_at(2026, 12, 1, 21, BERLIN)), body="the scan is on the 15th"
        )
        EntryRepository(journal.db).save(entry)
    assert entry.zone == BERLIN
    body = BodyRepository(journal.db)
    # A log made in Kolkata months before: nearest to an appointment of that time only.
    body.save_log(
        BodyLog(str(uuid.uuid4()), _at(2026, 3, 2, 8, KOLKATA), BleedingLevel.LIGHT, zone=KOLKATA)
    )
    scan = Appointment("scan", _at(2026, 12, 15, 10, BERLIN), "Dr Weber, Charite Berlin")
    early = Appointment("early", _at(2026, 3, 5, 10, KOLKATA), "clinic")
    kept = Appointment("kept", _at(2026, 12, 16, 10, BERLIN), "new scan", zone=BERLIN)
    for appointment in (scan, early, kept):
        body.save_appointment(appointment)
    downgrade(journal.db.engine, "0018_appointment_zone")
    assert {a.id: a.zone for a in body.appointments()} == {
        "scan": None,
        "early": None,
        "kept": BERLIN,
    }

    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)

    zones = {a.id: a.zone for a in body.appointments()}
    assert zones == {"scan": BERLIN, "early": KOLKATA, "kept": BERLIN}
    with in_zone("America/New_York"):  # after travel: still the clock time it was set at
        read = {a.id: a for a in body.appointments()}
        assert short_moment(read["scan"].when, read["scan"].zone).endswith("10:00 CET")
        assert [dataclasses.replace(a, zone=None) for a in body.appointments()] == [
            dataclasses.replace(a, zone=None)
            for a in sorted((scan, early, kept), key=lambda a: a.when)
        ]


def test_an_appointment_in_a_journal_with_no_zoned_record_stays_as_it_was(journal: OpenJournal):
    body = BodyRepository(journal.db)
    body.save_appointment(Appointment("alone", _at(2026, 12, 15, 10, BERLIN)))
    downgrade(journal.db.engine, "0018_appointment_zone")
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)
    assert [a.zone for a in body.appointments()] == [None]

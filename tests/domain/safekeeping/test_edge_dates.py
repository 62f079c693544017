"""One rule for the dates an import may give an entry, for every source (break test
16, findings 6 and 7): a file dated at the edge of the calendar made the whole folder
fail ("Something went wrong"), or came in and then broke every unlock east of UTC.
Now such an entry is named in the preview and comes in dated as its file; the rest
come in as they are."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.domain.common.local_time import EARLIEST_YEAR, placeable, today_local
from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from tests.time_zones import in_zone

FILE_DATE = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
GOOD = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def touched(path: Path) -> Path:
    stamp = FILE_DATE.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def markdown_folder(folder: Path) -> Path:
    files = {
        "far.md": "date: 9999-12-31T23:59:59-05:00",
        "early.md": "date: 0001-01-01T00:00:00+05:00",
        "old.md": "date: 1850-03-01",
        "good.md": "date: 2024-03-01T10:00:00+01:00",
    }
    for name, line in files.items():
        touched_file = folder / name
        touched_file.write_text(f"---\ntitle: {name[:-3]}\n{line}\n---\nwords of {name}\n")
        touched(touched_file)
    return folder


def solace_json(folder: Path) -> Path:
    def entry(n: int, created: str) -> dict[str, object]:
        return {
            "id": f"00000000-0000-4000-8000-00000000000{n}",
            "created_at": created,
            "updated_at": created,
            "title": f"t{n}",
            "body": f"words {n}",
        }

    document = {
        "format": "solace-export",
        "version": 1,
        "entries": [entry(1, "9999-12-31T20:00:00+00:00"), entry(2, "2024-03-01T09:00:00+00:00")],
    }
    return touched_file(folder / "journal.json", json.dumps(document))


def dayone_json(folder: Path) -> Path:
    def entry(uid: str, created: str) -> dict[str, object]:
        return {"uuid": uid, "creationDate": created, "timeZone": "Asia/Tokyo", "text": uid}

    document = {
        "metadata": {"version": "1.0"},
        "entries": [
            entry("A" * 32, "9999-12-31T23:00:00Z"),
            entry("B" * 32, "2024-03-01T09:00:00Z"),
        ],
    }
    return touched_file(folder / "Journal.json", json.dumps(document))


def jrnl_json(folder: Path) -> Path:
    def entry(day: str, clock: str, title: str) -> dict[str, object]:
        return {
            "date": day,
            "time": clock,
            "title": title,
            "body": "",
            "tags": [],
            "starred": False,
        }

    document = {
        "tags": {},
        "entries": [entry("9999-12-31", "23:59", "far"), entry("2024-03-01", "01:00", "good")],
    }
    return touched_file(folder / "jrnl.json", json.dumps(document))


def jrnl_text(folder: Path) -> Path:
    text = "[9999-12-31 23:59] far\n\nfar words\n\n[2024-03-01 01:00] good\n\ngood words\n"
    return touched_file(folder / "my.journal", text)


def touched_file(path: Path, text: str) -> Path:
    path.write_text(text)
    return touched(path)


SOURCES = [markdown_folder, solace_json, dayone_json, jrnl_json, jrnl_text]


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda f: f.__name__)
def test_a_date_solace_cannot_place_is_named_and_the_rest_come_in(tmp_path, source, zone):
    path = source(tmp_path)
    with in_zone(zone):
        plan = plan_for(path)
        shown = preview(plan, [])
        last_year = today_local().year + 1  # the zone's year: on 1 January, not all have it
    assert len(plan.entries) >= 2  # never the whole file refused
    assert all(placeable(e.created_at) and placeable(e.updated_at) for e in plan.entries)
    moved = [e for e in plan.entries if e.created_at == FILE_DATE]
    assert moved and len(moved) == len(plan.entries) - 1  # all but the good one
    (note,) = [n for n in shown.notes if "cannot place" in n]
    assert f"it keeps dates from {EARLIEST_YEAR} to {last_year}" in note
    assert "9999-12-31" in note or "0001-01-01" in note  # as dates are written in files
    assert shown.first is not None and shown.first.year == 2024
    assert {e.body for e in plan.entries} >= {e.body for e in moved}  # no words dropped


def test_the_range_is_1900_to_next_year_on_some_zone_s_clock():
    """From 1 January 1900 at UTC+14 to 31 December of next year at UTC-12: judged by
    UTC's calendar, 1 January 1900 00:30 in Sydney, which the editor takes, was
    refused by the import of Solace's own export (break test 45a, F1)."""
    today = date(2026, 11, 30)
    assert placeable(datetime(1900, 1, 1, tzinfo=UTC), today)
    assert placeable(datetime(1900, 1, 1, 0, 30, tzinfo=ZoneInfo("Australia/Sydney")), today)
    assert placeable(datetime(1899, 12, 31, 10, 0, tzinfo=UTC), today)  # 00:00 at UTC+14
    assert not placeable(datetime(1899, 12, 31, 9, 59, tzinfo=UTC), today)
    assert placeable(datetime(2027, 12, 31, 23, 59, tzinfo=ZoneInfo("Etc/GMT+12")), today)
    assert placeable(datetime(2028, 1, 1, 11, 59, tzinfo=UTC), today)
    assert not placeable(datetime(2028, 1, 1, 12, 0, tzinfo=UTC), today)
    assert not placeable(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), today)
    assert placeable(datetime(9999, 12, 31, tzinfo=UTC), date(9998, 6, 1))  # no overflow


def test_a_file_dated_by_its_modification_time_is_dated_to_the_millisecond(tmp_path):
    """A Markdown file with no date of its own comes in dated by its modification time,
    to the millisecond as every moment Solace's clock gives (`now_utc`): re-test 38,
    m7, its six digits (``04:34:42.364712Z``) were the only ones in the export's
    journal.json, and an entry's date editor holds milliseconds."""
    note = tmp_path / "undated.md"
    note.write_text("Words with no date.\n")
    stamp_ns = int(FILE_DATE.timestamp()) * 10**9 + 364_712_389
    os.utime(note, ns=(stamp_ns, stamp_ns))
    (entry,) = plan_for(tmp_path).entries
    assert entry.created_at == FILE_DATE.replace(microsecond=364_000)


@pytest.mark.parametrize(
    ("written", "zone", "shown"),
    [
        ("2019-05-01 16:54-07:00", "Etc/GMT+7", "16:54 UTC-07:00"),
        ("2019-05-01T16:54:00+09:00", "Etc/GMT-9", "16:54 UTC+09:00"),
        ("2019-05-01 16:54:00Z", "", None),  # how apps store a time, not where it was
        ("2019-05-01 16:54+05:30", "", None),  # no zone of a fixed offset in minutes
    ],
)
def test_a_time_written_with_an_offset_keeps_the_wall_time_it_was_written_at(
    tmp_path: Path, written: str, zone: str, shown: str | None
) -> None:
    """Break test 44, F4: Joplin's "created: 2019-05-01 16:54-07:00" came in with no
    zone and showed 23:54 in the reader's zone; Day One's entries keep theirs."""
    from journal.domain.common.local_time import wall_clock

    note = tmp_path / "note.md"
    note.write_text(f"---\ntitle: T\ncreated: {written}\n---\nwords\n", encoding="utf-8")
    (entry,) = plan_for(note, lambda wall: wall.replace(tzinfo=UTC)).entries
    assert entry.created_at == datetime.fromisoformat(written).astimezone(UTC)
    assert entry.zone == zone
    if shown is not None:
        assert wall_clock(entry.created_at, entry.zone) == shown

"""A date an import cannot place is kept with the words exactly as its file wrote it,
and every date placed is within the years the preview names (break test 53, F2, F4).

F2: a jrnl entry at "0001-01-01 00:00", imported in Berlin, ended with "Date in the
imported file: 0001-01-01 00:53": the line was made again from the moment, which the
calendar's end had held at 00:00 UTC, and read in Berlin's local mean time (+0:53);
in Tokyo 00:00 read 09:18, in New York 9999-12-31 23:59 read 18:59.

F4: the preview said Solace keeps dates "from 1900 to 2027" and listed entries on 31
December 1899 and 1 January 2028 beside it: the rule judged them on some other zone's
clock, where they fell within those years."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from journal.domain.common.local_time import to_local, today_local
from journal.domain.safekeeping.fitting import WRITTEN_DATE
from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from tests.time_zones import in_zone

FILE_DATE = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)


def touched(path: Path, text: str) -> Path:
    path.write_text(text)
    os.utime(path, (FILE_DATE.timestamp(), FILE_DATE.timestamp()))
    return path


def jrnl_json(folder: Path, *dated: tuple[str, str, str]) -> Path:
    entries = [
        {"date": day, "time": clock, "title": title, "body": "", "tags": [], "starred": False}
        for day, clock, title in dated
    ]
    return touched(folder / "jrnl.json", json.dumps({"tags": {}, "entries": entries}))


EDGES = [("0001-01-01", "00:00", "placeholder"), ("9999-12-31", "23:59", "far")]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Tokyo", "America/New_York"])
def test_a_date_that_cannot_be_placed_is_kept_as_the_file_wrote_it(
    tmp_path: Path, zone: str
) -> None:
    path = jrnl_json(tmp_path, *EDGES, ("2024-03-01", "09:00", "good"))
    with in_zone(zone):
        plan = plan_for(path)
        notes = " ".join(preview(plan, []).notes)
    bodies = {e.title: e.body for e in plan.entries}
    assert bodies["placeholder"] == WRITTEN_DATE.format("0001-01-01 00:00")
    assert bodies["far"] == WRITTEN_DATE.format("9999-12-31 23:59")
    assert "“placeholder” (0001-01-01 00:00)" in notes and "“far” (9999-12-31 23:59)" in notes


def test_jrnl_text_and_markdown_keep_their_own_words_for_the_date(tmp_path: Path) -> None:
    journal = touched(tmp_path / "my.journal", "[0001-01-01 00:00] early\n\nwords\n")
    (tmp_path / "notes").mkdir()
    note = "---\ntitle: early note\ndate: 0001-01-01T00:00:00\n---\nwords\n"
    touched(tmp_path / "notes" / "early.md", note)
    with in_zone("Asia/Tokyo"):
        (text_entry,) = plan_for(journal).entries
        (note_entry,) = plan_for(tmp_path / "notes").entries
    assert text_entry.body == "words\n\n" + WRITTEN_DATE.format("0001-01-01 00:00")
    assert note_entry.body == "words\n\n" + WRITTEN_DATE.format("0001-01-01T00:00:00")


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_every_date_placed_is_within_the_years_the_preview_names(
    tmp_path: Path, zone: str
) -> None:
    with in_zone(zone):
        last = today_local().year + 1
        path = jrnl_json(
            tmp_path,
            ("1899-12-31", "23:30", "eve"),
            ("1900-01-01", "00:30", "first"),
            (f"{last}-12-31", "23:30", "last"),
            (f"{last + 1}-01-01", "00:00", "after"),
        )
        plan = plan_for(path)
        shown = preview(plan, [])
        days = {e.title: to_local(e.created_at).date() for e in plan.entries}
        moved = {e.title for e in plan.entries if e.created_at == FILE_DATE}
        first, final = (day.year if day else 0 for day in (shown.first, shown.last))
    assert moved == {"eve", "after"}
    assert days["first"] == date(1900, 1, 1) and days["last"] == date(last, 12, 31)
    (note,) = [n for n in shown.notes if "cannot place" in n]
    assert f"it keeps dates from 1900 to {last}" in note
    assert "“eve” (1899-12-31 23:30)" in note and f"“after” ({last + 1}-01-01 00:00)" in note
    assert first >= 1900 and final <= last


def test_day_one_keeps_its_date_as_written(tmp_path: Path) -> None:
    """Re-test 53, R3: a Day One entry of year 1 said "0001-01-01 10:04", its moment
    read again in its zone's old local mean time (Sydney, +10:04)."""
    entry = {
        "uuid": "A" * 32,
        "creationDate": "0001-01-01T00:00:00Z",
        "timeZone": "Australia/Sydney",
        "text": "An early placeholder",
    }
    document = {"metadata": {"version": "1.0"}, "entries": [entry]}
    path = touched(tmp_path / "Journal.json", json.dumps(document))
    with in_zone("Europe/Berlin"):
        (imported,) = plan_for(path).entries
    assert imported.body == "An early placeholder\n\n" + WRITTEN_DATE.format(
        "0001-01-01T00:00:00Z"
    )

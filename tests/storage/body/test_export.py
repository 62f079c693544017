"""The CSV of the body log round-trips and stays private to its owner."""

from __future__ import annotations

import csv
import re
import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    ClotSize,
    Discharge,
    PadChange,
    PadKind,
    Soaking,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.export import read_body_csv, read_logs_csv, write_body_csv

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
LOGS = [
    BodyLog(
        id="a",
        logged_at=T0,
        bleeding=BleedingLevel.VERY_HEAVY,
        clots=ClotSize.LARGE,
        tissue_passed=True,
        cramping=7,
        pain_relief='paracetamol, 1 g "as told"',
        pain_relief_at=T0 - timedelta(minutes=30),
        temperature=Temperature(38.35, TemperatureUnit.CELSIUS),
        chills=True,
        discharge=Discharge.FOUL_SMELLING,
        pain_with_sex=True,
        note="line one\nline two, with a comma",
    ),
    BodyLog(
        id="b",
        logged_at=T0 + timedelta(hours=4),
        temperature=Temperature(99.1, TemperatureUnit.FAHRENHEIT),
    ),
]


def test_csv_round_trips_with_notes(tmp_path: Path) -> None:
    target = tmp_path / "body-log.csv"
    write_body_csv(target, LOGS, include_notes=True)
    assert read_logs_csv(target) == LOGS
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("record,id,time_utc,bleeding")


def test_csv_leaves_notes_out_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "body-log.csv"
    write_body_csv(target, LOGS)
    assert "line one" not in target.read_text(encoding="utf-8")
    assert [log.note for log in read_logs_csv(target)] == ["", ""]


PADS = [
    PadChange("p1", T0 + timedelta(minutes=40), PadKind.THICK, Soaking.FULLY),
    PadChange(
        "p2",
        T0 + timedelta(hours=1, minutes=5, milliseconds=250),
        PadKind.OVERNIGHT,
        Soaking.PARTLY,
    ),
]
TIME_CELL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{3}|\d{6})Z$")


def test_pad_changes_are_rows_of_their_own_between_the_logs(tmp_path: Path) -> None:
    target = tmp_path / "body-log.csv"
    write_body_csv(target, LOGS, PADS, include_notes=True)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["record"], row["id"]) for row in rows] == [
        ("log", "a"),
        ("pad change", "p1"),
        ("pad change", "p2"),
        ("log", "b"),
    ]
    assert rows[1]["pad_kind"] == "thick" and rows[1]["pad_soaking"] == "fully"
    assert rows[1]["bleeding"] == "" and rows[0]["pad_kind"] == ""
    back = read_body_csv(target)
    assert back.logs == LOGS
    assert back.pad_changes == PADS  # to the millisecond, as kept (finding 8 of s15)


def test_every_time_in_the_file_has_one_format(tmp_path: Path) -> None:
    odd = [
        replace(LOGS[0], logged_at=T0 + timedelta(microseconds=123456)),
        replace(LOGS[1], logged_at=datetime(2024, 3, 1, 14, 0, 0, 999_000, tzinfo=UTC)),
    ]
    target = tmp_path / "body-log.csv"
    write_body_csv(target, odd, PADS)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    times = [row[c] for row in rows for c in ("time_utc", "pain_relief_time_utc") if row[c]]
    assert len(times) == 5
    assert all(TIME_CELL.match(t) for t in times), times
    assert rows[-1]["time_utc"] == "2024-03-01T14:00:00.999Z"  # to the millisecond (finding 8)
    assert rows[0]["time_utc"] == "2024-03-01T09:00:00.123456Z"  # finer digits kept


def test_a_file_written_to_the_second_before_still_reads(tmp_path: Path) -> None:
    target = tmp_path / "body-log.csv"
    write_body_csv(target, LOGS[1:], PADS[:1])
    text = target.read_text(encoding="utf-8").replace(".000Z", "Z")
    assert "T13:00:00Z" in text and ".000Z" not in text  # as Solace wrote it before
    target.write_text(text, encoding="utf-8")
    back = read_body_csv(target)
    assert back.logs == LOGS[1:] and back.pad_changes == PADS[:1]


FORMULA_LIKE = ["=SUM(A1:A9)", "-2 pads since morning", "+38.5 and shivering", "@home", "\tx"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.text(max_size=40) | st.sampled_from([*FORMULA_LIKE, "'quoted", "''"]))
def test_her_words_are_text_in_a_spreadsheet_and_come_back_unchanged(
    tmp_path: Path, words: str
) -> None:
    """Issue 10 break test of session 23, F6: a note starting "-2 pads" or "=" was a
    formula in a spreadsheet. No cell of her words starts as a formula does, and
    every word comes back as typed."""
    log = replace(LOGS[0], note=words, pain_relief=words)
    target = tmp_path / "body-log.csv"
    write_body_csv(target, [log], include_notes=True)
    with target.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    for cell in (row["note"], row["pain_relief"]):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert read_logs_csv(target) == [log]

"""The CSV of the body log round-trips and stays private to its owner."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journal.domain.body.log import BleedingLevel, BodyLog, ClotSize, Discharge
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.export import read_logs_csv, write_logs_csv

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
    write_logs_csv(target, LOGS, include_notes=True)
    assert read_logs_csv(target) == LOGS
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("id,time_utc,bleeding")


def test_csv_leaves_notes_out_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "body-log.csv"
    write_logs_csv(target, LOGS)
    assert "line one" not in target.read_text(encoding="utf-8")
    assert [log.note for log in read_logs_csv(target)] == ["", ""]

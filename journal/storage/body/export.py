"""The body log as a CSV file a doctor (or a spreadsheet) can read, and back.

The file is plain text, not encrypted: the dialog says so before anything is
written, and it is written only where the person chose, with owner-only
permissions. Times are ISO 8601 in UTC, so a file read back gives the same logs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from journal.domain.body.log import BleedingLevel, BodyLog, ClotSize, Discharge
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.atomic import atomic_write_bytes

__all__ = ["COLUMNS", "logs_to_csv", "read_logs_csv", "write_logs_csv"]

COLUMNS = (
    "id",
    "time_utc",
    "bleeding",
    "clots",
    "tissue_passed",
    "cramping_0_to_10",
    "pain_relief",
    "pain_relief_time_utc",
    "temperature",
    "temperature_unit",
    "chills",
    "discharge",
    "pain_with_sex",
    "note",
)


def _time(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def logs_to_csv(logs: Iterable[BodyLog], *, include_notes: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for log in logs:
        temperature = log.temperature
        writer.writerow(
            (
                log.id,
                _time(log.logged_at),
                log.bleeding.name.lower(),
                log.clots.value,
                _yes(log.tissue_passed),
                log.cramping,
                log.pain_relief,
                _time(log.pain_relief_at),
                "" if temperature is None else repr(temperature.value),
                "" if temperature is None else temperature.unit.value,
                _yes(log.chills),
                log.discharge.value,
                _yes(log.pain_with_sex),
                log.note if include_notes else "",
            )
        )
    return out.getvalue()


def write_logs_csv(path: Path, logs: Iterable[BodyLog], *, include_notes: bool = False) -> None:
    """Write the logs to ``path`` (replacing it whole), readable only by its owner."""
    atomic_write_bytes(path, logs_to_csv(logs, include_notes=include_notes).encode("utf-8"))


def _parse_time(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def read_logs_csv(path: Path) -> list[BodyLog]:
    """Read a file written by :func:`write_logs_csv` back into logs."""
    with path.open(encoding="utf-8", newline="") as handle:
        logs: list[BodyLog] = []
        for row in csv.DictReader(handle):
            temperature = None
            if row["temperature"]:
                temperature = Temperature(
                    float(row["temperature"]), TemperatureUnit(row["temperature_unit"])
                )
            logged_at = _parse_time(row["time_utc"])
            if logged_at is None:
                raise ValueError("a log without a time")
            logs.append(
                BodyLog(
                    id=row["id"],
                    logged_at=logged_at,
                    bleeding=BleedingLevel[row["bleeding"].upper()],
                    clots=ClotSize(row["clots"]),
                    tissue_passed=row["tissue_passed"] == "yes",
                    cramping=int(row["cramping_0_to_10"]),
                    pain_relief=row["pain_relief"],
                    pain_relief_at=_parse_time(row["pain_relief_time_utc"]),
                    temperature=temperature,
                    chills=row["chills"] == "yes",
                    discharge=Discharge(row["discharge"]),
                    pain_with_sex=row["pain_with_sex"] == "yes",
                    note=row["note"],
                )
            )
        return logs

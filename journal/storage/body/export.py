"""The body log as a CSV file a doctor (or a spreadsheet) can read, and back.

One file, one table, oldest first: a row per log (``record`` = "log") and a
row per pad change (``record`` = "pad change", with ``pad_kind`` and
``pad_soaking``; the log columns stay empty). An answer not noted is an empty
cell, never "none" or "no". Pad changes are the evidence for
the heavy-bleeding warning sign, so they are never left out.

Every time is written in the export's one format (`journal.domain.common.rfc3339`:
RFC 3339 in UTC to the millisecond, like ``2024-03-01T09:00:00.250Z``, as in the
journal's JSON and Markdown), with the IANA zone each was noted in (``time_zone``,
"Europe/Berlin"; empty for one noted before zones were kept, shown in the computer's
zone). Read back, the file gives the same logs and pad changes, with their zones (a
file without the column: none); a file written before, to the second
(``2024-03-01T09:00:00Z``), still reads.

Her own words (``note``, ``pain_relief``) are kept as text in a spreadsheet: a cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (which Excel,
LibreOffice and Google Sheets take for the start of a formula: "-2 pads since
morning" became an error or a sum, issue 10 break test of session 23, F6) is written
with a leading apostrophe, the mark spreadsheets take for "text, not a formula"
(OWASP, "CSV Injection"), as is one that starts with an apostrophe, so that reading
the file back drops exactly one and gives her words unchanged (`as_text`,
`from_text`).

The file is plain text, not encrypted: the dialog says so before anything is
written, and it is written only where the person chose, with owner-only
permissions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
from journal.domain.common.rfc3339 import parse_rfc3339, rfc3339
from journal.storage.atomic import write_to_chosen_place

__all__ = [
    "COLUMNS",
    "LOG",
    "PAD_CHANGE",
    "BodyRecords",
    "body_to_csv",
    "format_time",
    "read_body_csv",
    "read_logs_csv",
    "write_body_csv",
]

LOG = "log"
PAD_CHANGE = "pad change"

COLUMNS = (
    "record",
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
    "pad_kind",
    "pad_soaking",
    "time_zone",
)


@dataclass(frozen=True, slots=True)
class BodyRecords:
    """What a CSV file holds: logs and pad changes, each oldest first."""

    logs: list[BodyLog]
    pad_changes: list[PadChange]


def format_time(value: datetime | None) -> str:
    """An aware moment as the export writes every moment (`rfc3339`: UTC, to the
    millisecond, ``2026-12-02T01:46:35.684Z``); "" for None."""
    return "" if value is None else rfc3339(value)


def _parse_time(text: str) -> datetime | None:
    """The moment of a time cell (`format_time`, or the whole seconds written before
    it), None for an empty cell. Raises ValueError on text that is no time."""
    return parse_rfc3339(text) if text else None


def _yes(value: bool | None) -> str:
    """A yes/no answer as "yes" or "no"; "" when not noted."""
    return "" if value is None else ("yes" if value else "no")


def _read_yes(cell: str) -> bool | None:
    """A yes/no cell back: True, False, or None for an empty cell (not noted)."""
    return None if not cell.strip() else cell.strip() == "yes"


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(words: str) -> str:
    """``words`` (her own, any length) as a CSV cell a spreadsheet shows as text: with
    a leading apostrophe when they start like a formula (`FORMULA_STARTS`) or with an
    apostrophe; else unchanged. `from_text` gives them back."""
    return f"'{words}" if words.startswith((*FORMULA_STARTS, "'")) else words


def from_text(cell: str) -> str:
    """The words `as_text` wrote as ``cell``: its one leading apostrophe dropped."""
    return cell.removeprefix("'")


def _log_row(log: BodyLog, include_notes: bool) -> dict[str, object]:
    temperature = log.temperature
    return {
        "record": LOG,
        "id": log.id,
        "time_utc": format_time(log.logged_at),
        # An answer not noted is an empty cell, never "none" or "no" (finding 6 of s15).
        "bleeding": "" if log.bleeding is None else log.bleeding.name.lower(),
        "clots": "" if log.clots is None else log.clots.value,
        "tissue_passed": _yes(log.tissue_passed),
        "cramping_0_to_10": "" if log.cramping is None else log.cramping,
        "pain_relief": as_text(log.pain_relief),
        "pain_relief_time_utc": format_time(log.pain_relief_at),
        "temperature": "" if temperature is None else repr(temperature.value),
        "temperature_unit": "" if temperature is None else temperature.unit.value,
        "chills": _yes(log.chills),
        "discharge": "" if log.discharge is None else log.discharge.value,
        "pain_with_sex": _yes(log.pain_with_sex),
        "note": as_text(log.note) if include_notes else "",
        "time_zone": log.zone or "",
    }


def _pad_row(change: PadChange) -> dict[str, object]:
    return {
        "record": PAD_CHANGE,
        "id": change.id,
        "time_utc": format_time(change.changed_at),
        "pad_kind": change.kind.value,
        "pad_soaking": change.soaking.value,
        "time_zone": change.zone or "",
    }


def body_to_csv(
    logs: Iterable[BodyLog], pads: Iterable[PadChange] = (), *, include_notes: bool = False
) -> str:
    """The CSV text (CRLF lines, a header row first) of ``logs`` and ``pads``, by time.

    Log notes are written only when ``include_notes`` is true.
    """
    rows: list[tuple[datetime, int, str, dict[str, object]]] = [
        (log.logged_at, 0, log.id, _log_row(log, include_notes)) for log in logs
    ]
    rows += [(pad.changed_at, 1, pad.id, _pad_row(pad)) for pad in pads]
    rows.sort(key=lambda row: row[:3])
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(row for *_key, row in rows)
    return out.getvalue()


def write_body_csv(
    path: Path,
    logs: Iterable[BodyLog],
    pads: Iterable[PadChange] = (),
    *,
    include_notes: bool = False,
) -> None:
    """Write the logs and pad changes to ``path`` (replacing it whole), readable only by
    its owner. Raises `PlaceNotWritten` when the chosen place is full, read-only or
    failed."""
    text = body_to_csv(logs, pads, include_notes=include_notes)
    write_to_chosen_place(path, text.encode("utf-8"), "export")


def _log_from(row: dict[str, str]) -> BodyLog:
    temperature = None
    if row["temperature"]:
        temperature = Temperature(
            float(row["temperature"]), TemperatureUnit(row["temperature_unit"])
        )
    logged_at = _parse_time(row["time_utc"])
    if logged_at is None:
        raise ValueError("a log without a time")
    return BodyLog(
        id=row["id"],
        logged_at=logged_at,
        bleeding=BleedingLevel[row["bleeding"].upper()] if row["bleeding"].strip() else None,
        clots=ClotSize(row["clots"]) if row["clots"].strip() else None,
        tissue_passed=_read_yes(row["tissue_passed"]),
        cramping=int(row["cramping_0_to_10"]) if row["cramping_0_to_10"].strip() else None,
        pain_relief=from_text(row["pain_relief"]),
        pain_relief_at=_parse_time(row["pain_relief_time_utc"]),
        temperature=temperature,
        chills=_read_yes(row["chills"]),
        discharge=Discharge(row["discharge"]) if row["discharge"].strip() else None,
        pain_with_sex=_read_yes(row["pain_with_sex"]),
        note=from_text(row["note"]),
        zone=row.get("time_zone") or None,
    )


def read_body_csv(path: Path) -> BodyRecords:
    """Read a file written by :func:`write_body_csv` back.

    Raises ValueError (or KeyError for a missing column) on a file it did not write.
    """
    logs: list[BodyLog] = []
    pads: list[PadChange] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["record"] == PAD_CHANGE:
                changed_at = _parse_time(row["time_utc"])
                if changed_at is None:
                    raise ValueError("a pad change without a time")
                pads.append(
                    PadChange(
                        row["id"],
                        changed_at,
                        PadKind(row["pad_kind"]),
                        Soaking(row["pad_soaking"]),
                        row.get("time_zone") or None,
                    )
                )
            elif row["record"] == LOG:
                logs.append(_log_from(row))
            else:
                raise ValueError(f"unknown record {row['record']!r}")
    return BodyRecords(logs, pads)


def read_logs_csv(path: Path) -> list[BodyLog]:
    """The logs of a file written by :func:`write_body_csv` (its pad changes left aside)."""
    return read_body_csv(path).logs

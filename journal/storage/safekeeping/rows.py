"""Checking an import's rows against what Solace can read, before anything is written.

A Solace export's ``tables`` come from a file: it may be damaged, edited by hand,
or written by something else. Every row of every table is checked here the way the
app will read it later (the domain's enums and rules, through the same converters
the repositories use), so that one row Solace cannot read never goes in to make a
whole view look empty. A row is refused, with a reason in plain words, when:

* a column the journal needs is missing, or holds null where null has no meaning;
* a value has the wrong type (text for a number, a number that is not finite, a
  time that is not an ISO 8601 time with its UTC offset, a date that is not an ISO
  date), or is longer than the column keeps;
* a value is not one the domain knows (a pad change soaked "soaked", a bleeding
  level 9, a warning sign Solace has no rule for, a writer other than 1 or 2);
* a value is outside the domain's range (cramping 0-10, a body temperature 34-43 °C
  or 93.2-109.4 °F: `check_temperature`);
* a moment Solace cannot place (`local_time.placeable`: before 1900 or after next
  year), or one still ahead (every recorded time but an appointment's, with
  `CLOCK_MARGIN` for a computer whose clock runs a little ahead; recovery dates
  after today: `validate_recovery`);
* it refers to an entry that is neither in the journal nor in the file (a foreign key);
* the table is not one Solace keeps.

Nothing here writes. `check_row` gives the row as the columns take it (times as
aware datetimes, dates as dates), or the reason it is refused.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, String, Table

from journal.domain.body.log import (
    BleedingLevel,
    ClotSize,
    Discharge,
    LossKind,
    PadKind,
    RecoveryDetails,
    Soaking,
    Treatment,
    validate_body_log,
    validate_recovery,
)
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.body.warning_signs import SignId
from journal.domain.common.bidi import quoted
from journal.domain.common.local_time import EARLIEST_YEAR, local_day, local_zone, placeable
from journal.domain.common.words import shorten
from journal.domain.entries.prompts import Audience
from journal.domain.entries.remembrance import RemembranceKind
from journal.domain.together.prompts import AnswerState
from journal.storage.body.repository import log_from_row
from journal.storage.types import UtcDateTime

__all__ = [
    "CLOCK_MARGIN",
    "PLAIN_NAMES",
    "RowCheck",
    "check_row",
    "plain_name",
]

# A computer's clock may run a few minutes ahead of the one the file came from.
CLOCK_MARGIN = timedelta(minutes=10)

PLAIN_NAMES = {
    "entries": "entries",
    "body_logs": "body log records",
    "body_pad_changes": "pad changes",
    "body_recovery": "recovery details",
    "body_appointments": "appointments",
    "body_signs": "warning signs noticed before",
    "body_drafts": "half-filled body log forms",
    "remembrance_dates": "remembrance dates",
    "custom_prompts": "prompts of your own",
    "skipped_prompts": "skipped prompts",
    "closeness_marks": "idea marks",
    "closeness_done": "days you did an idea",
    "closeness_own_ideas": "ideas of your own",
    "library_bookmarks": "bookmarks",
    "journal_settings": "journal settings",
    "together_responses": "responses to your partner",
    "couple_answers": "answers to couple prompts",
    "entry_writers": "notes of who wrote an entry",
}

# The columns whose values are one of a domain enum's values.
ENUMS: dict[tuple[str, str], type[Enum]] = {
    ("body_logs", "bleeding"): BleedingLevel,
    ("body_logs", "clots"): ClotSize,
    ("body_logs", "discharge"): Discharge,
    ("body_logs", "temperature_unit"): TemperatureUnit,
    ("body_pad_changes", "kind"): PadKind,
    ("body_pad_changes", "soaking"): Soaking,
    ("body_recovery", "loss_kind"): LossKind,
    ("body_recovery", "treatment"): Treatment,
    ("body_signs", "sign"): SignId,
    ("remembrance_dates", "kind"): RemembranceKind,
    ("custom_prompts", "audience"): Audience,
    ("couple_answers", "state"): AnswerState,
}
# The columns that say which of a couple wrote something: 1 or 2.
WRITERS = {
    ("couple_answers", "writer"),
    ("together_responses", "writer"),
    ("entry_writers", "writer"),
}
# Moments that may lie ahead (every other recorded time is of something that happened).
AHEAD_ALLOWED = {("body_appointments", "when")}
# What a column is called in a reason.
COLUMN_WORDS = {
    "logged_at": "time",
    "changed_at": "time of change",
    "pain_relief_at": "pain relief time",
    "temperature_value": "temperature",
    "temperature_unit": "temperature unit",
    "kind": "kind",
    "soaking": "soaking",
    "when": "time",
}


@dataclass(frozen=True, slots=True)
class RowCheck:
    """How many of a file's rows were refused, by table and reason (the reason a
    phrase such as "the soaking “soaked” is not one Solace knows")."""

    refused: Counter[tuple[str, str]] = field(default_factory=Counter)

    def reasons(self, *, done: bool = False) -> list[str]:
        """One sentence per kind of record and reason, most rows first; the records of
        every table Solace does not keep are one sentence with their count (break test
        16, S9: a line for each unknown table said the same thing again). Said of what
        would happen (a preview), or with ``done`` of what happened (a rescue's
        summary: "were left out")."""
        would = "were" if done else "would be"
        merged: Counter[tuple[str, str]] = Counter()
        for (table, reason), number in self.refused.items():
            merged[(plain_name(table), reason)] += number
        sentences = []
        for (name, reason), number in merged.most_common():
            if reason == UNKNOWN_KIND:
                are = "record in the file is" if number == 1 else "records in the file are"
                left = ("was" if number == 1 else "were") if done else "would be"
                sentences.append(
                    f"{number} {are} of a kind Solace does not keep, so "
                    f"{'it' if number == 1 else 'they'} {left} left out."
                )
            else:
                sentences.append(f"{number} of the file's {name} {would} left out: {reason}.")
        return sentences

    @property
    def refused_count(self) -> int:
        return sum(self.refused.values())


UNKNOWN_KIND = "Solace does not keep records of that kind"  # a table not in the schema


def plain_name(table: str) -> str:
    """What a table's rows are called, in plain words ("pad changes")."""
    return PLAIN_NAMES.get(table, "records of a kind Solace does not keep")


# One row of a table, where its name is not the plural with its last "s" dropped.
_ONE = {
    "entries": "entry",
    "body_recovery": "recovery detail",
    "body_signs": "warning sign noticed before",
    "body_drafts": "half-filled body log form",
    "custom_prompts": "prompt of your own",
    "closeness_done": "day you did an idea",
    "closeness_own_ideas": "idea of your own",
    "together_responses": "response to your partner",
    "couple_answers": "answer to a couple prompt",
    "entry_writers": "note of who wrote an entry",
}


def counted(number: int, table: str) -> str:
    """``number`` rows of ``table`` in plain words, singular or plural as it fits: "1
    body log record", "12 pad changes" (`plain_name`)."""
    many = plain_name(table)
    return f"{number:,} {_ONE.get(table, many.removesuffix('s')) if number == 1 else many}"


def check_row(
    table: Table, raw: Any, now: datetime, entry_ids: Collection[str]
) -> tuple[dict[str, Any] | None, str]:
    """``raw`` (a row as the file holds it) as the columns of ``table`` take it, or
    None and the reason it is refused (a phrase: "the soaking “soaked” is not one
    Solace knows"). ``now`` is aware UTC; ``entry_ids`` are the entries the journal
    will hold (its own and the file's), for rows that refer to one."""
    if not isinstance(raw, dict):
        return None, "a record is not in the form Solace writes"
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in raw:
            if _needed(column):
                return None, f"the {_words(column)} is missing"
            continue
        value, reason = _typed(table.name, column, raw[column.name], now)
        if reason:
            return None, reason
        row[column.name] = value
    for column in table.columns:
        for key in column.foreign_keys:
            value = row.get(column.name)
            refers_to_entry = key.column.table.name == "entries"
            if value is not None and refers_to_entry and value not in entry_ids:
                return None, "they belong to an entry that is not in the journal or the file"
    domain = DOMAIN_CHECKS.get(table.name)
    reason = domain(_with_defaults(table, row), now) if domain else ""
    return (None, reason) if reason else (row, "")


def _needed(column: Column[Any]) -> bool:
    has_default = column.default is not None or column.server_default is not None
    counter = column.primary_key and column.autoincrement is True
    return not (column.nullable or has_default or counter)


def _words(column: Column[Any]) -> str:
    return COLUMN_WORDS.get(column.name, column.name.replace("_", " "))


def _typed(table: str, column: Column[Any], value: Any, now: datetime) -> tuple[Any, str]:
    """The value as ``column`` takes it, or the reason it cannot."""
    words = _words(column)
    if value is None:
        counter = column.primary_key and column.autoincrement is True
        return (None, "") if column.nullable or counter else (None, f"the {words} is empty")
    kind = column.type
    if isinstance(kind, UtcDateTime):
        moment = _moment(value)
        if moment is None:
            return None, f"the {words} is not a time Solace can read"
        if not placeable(moment, local_day(now)):  # the one rule for every import's dates
            return None, f"the {words} is before {EARLIEST_YEAR} or after next year"
        if moment > now + CLOCK_MARGIN and (table, column.name) not in AHEAD_ALLOWED:
            return None, f"the {words} is still ahead of now"
        return moment, ""
    if isinstance(kind, Date):
        try:
            return date.fromisoformat(value), ""
        except (TypeError, ValueError):
            return None, f"the {words} is not a date Solace can read"
    if isinstance(kind, Boolean):
        if isinstance(value, bool) or value in (0, 1):
            return bool(value), ""
        return None, f"the {words} is not yes or no"
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            return None, f"the {words} is not a whole number"
    elif isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, f"the {words} is not a number"
        if not math.isfinite(value):
            return None, f"the {words} is not a number"
        value = float(value)
    elif isinstance(kind, String):  # Text is a String too
        if not isinstance(value, str):
            return None, f"the {words} is not text"
        if not _encodable(value):
            return None, f"the {words} holds characters that are not text"
        if "\x00" in value and (table, column.name) in ENUMS:
            return None, f"the {words} {quoted(_shown(value))} is not one Solace knows"
        if kind.length is not None and len(value) > kind.length:
            return None, f"the {words} is longer than Solace keeps"
    enum = ENUMS.get((table, column.name))
    if enum is not None and value not in {member.value for member in enum}:
        return None, f"the {words} {quoted(_shown(value))} is not one Solace knows"
    if (table, column.name) in WRITERS and value not in (1, 2):
        return None, "the writer is neither the first nor the second of the couple"
    return value, ""


def _encodable(text: str) -> bool:
    """False for text SQLite cannot store: a lone UTF-16 surrogate ("\\ud800" in JSON)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value: Any) -> str:
    text = " ".join(str(value).replace("\x00", " ").split())
    return shorten(text, 30, at_space=False)


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None  # a time without its offset could be hours off
    try:
        moment.astimezone(local_zone())  # a day Solace can show wherever it is read
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _with_defaults(table: Table, row: dict[str, Any]) -> SimpleNamespace:
    """The row with each missing column at its default, as the app will read it."""
    values = dict(row)
    for column in table.columns:
        if column.name not in values:
            default = column.default
            arg = getattr(default, "arg", None)
            values[column.name] = None if callable(arg) else arg
    return SimpleNamespace(**values)


# -- what the domain refuses beyond single values -------------------------------------------------

LOG_REASONS = {
    "logged_at": "the time is still ahead of now",
    "pain_relief_at": "the pain relief time is still ahead of now",
    "cramping": "the cramping is not from 0 to 10",
    "temperature": "the temperature is outside what a body thermometer reads "
    "(34 to 43 °C, 93.2 to 109.4 °F)",
}


def _log(row: SimpleNamespace, now: datetime) -> str:
    try:
        log = log_from_row(row)
    except (TypeError, ValueError):
        return "a value in it is not one Solace knows"
    problems = validate_body_log(log, now + CLOCK_MARGIN)
    return LOG_REASONS.get(problems[0].field, problems[0].message) if problems else ""


def _recovery(row: SimpleNamespace, now: datetime) -> str:
    if row.id != 1:
        return "they are not the journal's one set of recovery details"
    details = RecoveryDetails(
        loss_date=row.loss_date,
        loss_kind=LossKind(row.loss_kind),
        treatment=Treatment(row.treatment),
        treatment_note=row.treatment_note or "",
        bleeding_stopped_on=row.bleeding_stopped_on,
        first_period_on=row.first_period_on,
    )
    problems = validate_recovery(details, (now + CLOCK_MARGIN).astimezone(local_zone()).date())
    if problems:
        return "a day in them is still ahead, or before the day of the loss"
    return ""


DOMAIN_CHECKS: dict[str, Callable[[SimpleNamespace, datetime], str]] = {
    "body_logs": _log,
    "body_recovery": _recovery,
}

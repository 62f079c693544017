"""RedNotebook: a data folder of month files ``YYYY-MM.txt`` (or its backup zip).

Each month file is YAML (written by PyYAML): a mapping from the day of the month
to that day's ``text`` and its categories (``{category: {entry: null}}``). A day
has no time, so its entry is placed at noon local time, which keeps it on its
day in every zone. Categories are kept at the end of the text as lines
"Category: entry", and the ``Tags`` category becomes tags. The text's txt2tags
markup becomes the journal's Markdown (`txt2tags.to_markdown`: "= Day =" a heading,
"//word//" italics, "[label ""url""]" a link), every word kept; it was kept as
written, and shown raw (issue 16 break test of session 24, F6). Files from
the old Python 2 RedNotebook carry ``!!python/unicode`` tags, read here as plain
strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import yaml

from journal.domain.common.words import count
from journal.domain.safekeeping.imported import (
    NO_SUCH_DATE,
    ImportedEntry,
    ImportPlan,
    ImportRefused,
    end_missing_note,
    ends_its_last_line,
    imported_tags,
    left_out_note,
    stable_id,
    why_not_a_date,
)
from journal.domain.safekeeping.txt2tags import to_markdown
from journal.domain.safekeeping.yaml_text import SafeLoader
from journal.domain.safekeeping.zipped import read_members, too_large_words

SOURCE = "a RedNotebook journal"
MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.txt$")
FromLocal = Callable[[datetime], datetime]


class _Loader(SafeLoader):
    """The safe loader, plus the ``!!python/unicode`` tag Python 2 RedNotebook wrote."""


_Loader.add_constructor(
    "tag:yaml.org,2002:python/unicode",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


def is_month_file(name: str) -> bool:
    """True when a file name is a RedNotebook month file (`YYYY-MM.txt`)."""
    return MONTH_FILE.match(name) is not None


def parse_months(files: Iterable[tuple[str, str]], from_local: FromLocal) -> ImportPlan:
    """Month files as (file name, text) pairs. Raises `ImportRefused` when none can be read."""
    entries: list[ImportedEntry] = []
    unreadable: list[str] = []
    unread: list[str] = []  # days of a month file that cannot be read
    cut: list[str] = []  # notes on month files whose end may be missing
    months = 0
    for name, text in sorted(files):
        match = MONTH_FILE.match(name)
        if match is None:
            continue
        months += 1
        try:
            days = yaml.load(text, Loader=_Loader) or {}  # noqa: S506 (a safe loader)
            if not isinstance(days, dict):
                raise ValueError("not a month")
        except (yaml.YAMLError, ValueError, TypeError):
            unreadable.append(name)
            continue
        for day, content in sorted(days.items(), key=lambda item: str(item[0]).zfill(4)):
            try:  # one day that cannot be read leaves out that day, never its month
                entry = _entry(
                    int(match.group(1)), int(match.group(2)), int(day), content, from_local
                )
            except (ValueError, TypeError, OverflowError):
                unread.append(f"{name}, day {str(day)[:12]}: {_why_day(match, day)}")
                continue
            if entry is not None:
                entries.append(entry)
        if days and text and not ends_its_last_line(text):
            # PyYAML ends every month file with a new line: one without was cut.
            last = max(days, key=lambda day: str(day).zfill(4))
            cut.append(
                end_missing_note(
                    name,
                    "it stops in the middle of a line, and RedNotebook ends every month "
                    "file with a new line",
                    f"the text of day {str(last)[:12]}",
                )
            )
    if not months:
        raise ImportRefused("No RedNotebook month files (named like 2024-06.txt) were found.")
    if (unreadable or unread) and not entries:
        raise ImportRefused("The RedNotebook month files could not be read.")
    notes: list[str] = []
    if unreadable:
        names = ", ".join(unreadable)
        notes.append(
            f"{count(len(unreadable), 'month file', 'month files')} could not be read, "
            f"left out: {names}."
        )
    if unread:
        notes.append(left_out_note(unread))
    notes += cut
    return ImportPlan(SOURCE, tuple(entries), tuple(notes))


def _why_day(month: re.Match[str], day: Any) -> str:
    """Why day ``day`` of the month file ``month`` names no day, in plain words."""
    try:
        number = int(day)
    except (ValueError, TypeError):
        return f"\u201c{str(day)[:12]}\u201d is not a day of the month"
    return (
        why_not_a_date(f"{month.group(1)}-{month.group(2)}-{number}") or "its text cannot be read"
    )


def _entry(
    year: int, month: int, day: int, content: Any, from_local: FromLocal
) -> ImportedEntry | None:
    if not isinstance(content, dict):
        return None
    text = to_markdown(str(content.get("text") or "")).strip("\n")
    lines: list[str] = []
    tags: list[str] = []
    tags_changed: tuple[tuple[str, str], ...] = ()
    for category, items in content.items():
        if category == "text":
            continue
        names = list(items) if isinstance(items, dict) else []
        if str(category).lower() == "tags":
            kept, changed = imported_tags(names)
            tags += kept
            tags_changed += changed
        elif names:
            lines += [f"{category}: {name}" for name in names]
        else:
            lines.append(str(category))
    body = "\n\n".join(part for part in (text, "\n".join(lines)) if part)
    if not body and not tags:
        return None
    try:
        moment, written = from_local(datetime(year, month, day, 12, 0)), ""
    except ValueError:  # a day its month has not: the words come in (`fitting`)
        moment, written = NO_SUCH_DATE, f"{year:04d}-{month:02d}-{day:02d}"
    return ImportedEntry(
        id=stable_id("rednotebook", f"{year:04d}-{month:02d}-{day:02d}"),
        created_at=moment,
        updated_at=moment,
        written_date=written,
        source_date=f"{year:04d}-{month:02d}-{day:02d}",
        title="",
        body=body,
        tags=tuple(dict.fromkeys(tags)),
    )


def names_months(names: Iterable[str]) -> bool:
    """Whether any of ``names`` (a zip's file names) is a month file (`is_month_file`)."""
    return any(is_month_file(name) for name in names)


def parse_zip(data: bytes, from_local: FromLocal) -> ImportPlan:
    """RedNotebook's own backup zip: month files at the archive's root, read within
    `zipped`'s bounds (each, and all together). Raises `ImportRefused` for a damaged
    backup, or one whose month files are too large (said before any is unpacked)."""
    members = read_members(data, is_month_file)
    if members.damaged:
        raise ImportRefused("The RedNotebook backup is damaged.")
    if members.too_large:
        name, size = max(members.too_large, key=lambda member: member[1])
        raise ImportRefused(too_large_words(name, size))
    try:
        files = [(name, raw.decode("utf-8-sig")) for name, raw in members.found]
    except UnicodeDecodeError as error:
        raise ImportRefused("The RedNotebook backup is damaged.") from error
    return parse_months(files, from_local)

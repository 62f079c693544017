"""What an import brings in, as plain data, and the preview shown before writing.

Every importer (Solace's own JSON, Day One, jrnl, RedNotebook, Markdown folders)
turns its files into an `ImportPlan`: entries with aware UTC times, plus notes on
what was left out (photos, unreadable files) and, for Solace's own export, the
other tables it holds. Nothing here touches a database.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from journal.domain.common.json_text import TooDeep, loads
from journal.domain.common.local_time import known_zone, to_local, zone_named
from journal.domain.entries.tags import MAX_TAG_CHARS, imported_tag

# A stable namespace for ids of entries from other apps: the same source entry gets
# the same id on every import, so importing twice adds nothing.
IMPORT_NAMESPACE = uuid.UUID("5b0c3c3e-1f51-4d36-9a8a-0d6f4c2f5e11")


#: The moment of an entry whose source gives a date no calendar has ("2024-02-30") or
#: that cannot be read as one: no moment Solace can place, so `fitting` dates it by its
#: file and keeps the date as written with its words (break test 44, F1: such an entry
#: was left out, words and all).
NO_SUCH_DATE = datetime(1, 1, 1, tzinfo=UTC)


def dated(value: Any, read: Callable[[str], datetime]) -> tuple[datetime, str]:
    """(the moment ``read`` finds in ``value``, the date as a source wrote it; "") or,
    when ``value`` is text that is no moment ("2024-02-30T10:00:00Z"), (`NO_SUCH_DATE`,
    ``value``): the entry comes in all the same (`fitting`). Raises TypeError when
    ``value`` is not text (the entry is then left out, and the preview says why)."""
    if not isinstance(value, str):
        raise TypeError("the date is not text")
    try:
        return read(value), ""
    except ValueError:
        return NO_SUCH_DATE, value


def dated_or(value: Any, read: Callable[[str], datetime], otherwise: datetime) -> datetime:
    """The moment ``read`` finds in ``value`` (a date a source gives beside an entry's
    own, such as when it was last changed), or ``otherwise`` when it gives none or one
    that is no moment: never a reason to leave the entry out."""
    if not value or not isinstance(value, str):
        return otherwise
    try:
        return read(value)
    except ValueError:
        return otherwise


class ImportRefused(ValueError):
    """A file that cannot be imported; the message says why, in plain words."""


def written_wall(wall: datetime) -> str:
    """A wall-clock time (naive) as files write it, "2021-03-28 02:30", any year 1-9999
    with its four digits (strftime's ``%Y`` gives "1" for year 1 on glibc)."""
    return f"{wall.year:04d}-{wall.month:02d}-{wall.day:02d} {wall:%H:%M}"


def naming_the_file(name: str, reason: str) -> str:
    """``reason`` (why the file or folder called ``name`` was not imported) led by its
    name, in curly quotes: "Solace could not import “notes.json”. The file is not
    valid JSON; …". Left as it is when it names that file already, or ``name`` is "".
    Every import refusal names the file chosen: the one for a cut-short JSON file did
    not, while the one for a non-UTF-8 file did (break test 15 of session 12, 11f)."""
    quoted = f"\u201c{name}\u201d"
    if not name or quoted in reason:
        return reason
    return f"Solace could not import {quoted}. {reason}"


def read_json(text: str) -> Any:
    """The JSON document of a file to import. Raises `ImportRefused` with the reason in
    plain words: not JSON (perhaps cut short), or nested too deeply to be an export."""
    try:
        document = loads(text)
    except TooDeep as error:
        raise ImportRefused(
            "The file is not a journal export Solace can read: its contents are nested too deeply."
        ) from error
    except json.JSONDecodeError as error:
        raise ImportRefused("The file is not valid JSON; it may be cut short.") from error
    return whole_characters(document) if _SURROGATE_ESCAPE.search(text) else document


# A JSON escape of half a UTF-16 surrogate pair ("\\ud800"): JSON allows one alone, as a
# broken tool may write it, but such text cannot be stored (it is no character).
_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")


def _whole(text: str) -> str:
    """``text`` with each lone surrogate (half of a UTF-16 pair) as U+FFFD, the
    replacement character, as a decoder shows a broken character."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def whole_characters(document: Any) -> Any:
    """``document`` (parsed JSON) with every lone surrogate in its strings, keys too, as
    U+FFFD: an entry whose title held one was left out "because its date cannot be
    read", the encoding error caught as a bad date (break test 16 of session 11, finding
    8). Walked without recursion (a document may be nested as deep as JSON allows)."""
    if isinstance(document, str):
        return _whole(document)
    if not isinstance(document, (dict, list)):
        return document
    root: list[Any] = [document]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        value = parent[key]
        if isinstance(value, str):
            parent[key] = _whole(value)
        elif isinstance(value, list):
            stack.extend((value, index) for index in range(len(value)))
        elif isinstance(value, dict):
            for name in list(value):
                fixed = _whole(name)
                if fixed != name:
                    value[fixed] = value.pop(name)
                stack.append((value, fixed))
    return root[0]


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """One entry to bring in. ``created_at`` and ``updated_at`` are aware UTC."""

    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    body: str
    tags: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    mood: int | None = None
    shared: bool = False
    starred: bool = False
    prompt_id: str | None = None
    zone: str = ""  # the IANA zone the source gave the entry ("" when it gave none)
    # When the file the entry came from was last changed (aware UTC), where a source
    # has one file per entry (Markdown): the date it is given when its own date cannot
    # be placed (`fitting`).
    file_date: datetime | None = None
    # The entry's tags as its source wrote them where Solace keeps them otherwise
    # (`imported_tags`): (as written, as kept; "" when none could be kept).
    changed_tags: tuple[tuple[str, str], ...] = ()
    # The date as the source wrote it, where it is no date (``created_at`` is then
    # `NO_SUCH_DATE`): kept with the words (`fitting`).
    written_date: str = ""
    # The date (and time) as the source wrote it as a wall-clock time with no zone
    # (jrnl's "2021-03-28 02:30", a Markdown note's ``date``, a RedNotebook day): kept
    # with the words when Solace cannot place it (`fitting`), for a moment made from
    # it at the calendar's ends is held there and reads otherwise (break test 53, F2).
    source_date: str = ""

    def local_day(self) -> date:
        """The day the entry was written on, where it was written: ``created_at`` in
        its own IANA ``zone`` with that zone's rules at that moment (zoneinfo), or in
        the person's zone when the source named none or a zone unknown here. A Day One
        all-day entry at ``2024-04-16T23:00Z`` in Europe/Dublin is on 17 April."""
        return to_local(self.created_at, known_zone(self.zone)).date()


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything one import would write, and what it leaves out (``notes``)."""

    source: str  # the kind of file, in words ("a Day One export")
    entries: tuple[ImportedEntry, ...]
    notes: tuple[str, ...] = ()
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # The entries' tags are their whole tag list (a Solace export): no #tag of the text
    # is added, so an entry comes back exactly as it was (its text too: `controls`).
    whole_tags: bool = False


@dataclass(frozen=True, slots=True)
class Preview:
    """What the person sees before anything is written."""

    new: int
    duplicates: int
    first: date | None  # the earliest entry's day where it was written (`local_day`)
    last: date | None
    notes: tuple[str, ...]
    shared: int = 0  # new entries that were shared with a partner where they came from
    starred: int = 0  # new entries starred where they came from (kept as the tag "starred")
    differ: int = 0  # entries already in the journal whose words in the file differ


@dataclass(frozen=True, slots=True)
class RowsPreview:
    """What an import would do with the file's other tables: how many rows it would
    add (rows already in the journal are not counted) and, one sentence each, what it
    would leave out and why (the storage checks each row as Solace will read it)."""

    added: int
    left_out: tuple[str, ...] = ()


def missing_words(raw: dict[str, Any], *fields: tuple[str, str]) -> str:
    """Which of ``fields`` (each its key in the export and its name in words, like
    ("creationDate", "date")) ``raw`` (one entry of a JSON export) lacks: "it has no
    uuid", "it has no date and no uuid"; "" when it has them all. Break test 16 of
    session 23: "it has no date or no uuid" did not say which."""
    absent = [words for key, words in fields if key not in raw]
    return f"it has no {' and no '.join(absent)}" if absent else ""


def not_written_words(value: Any, what: str) -> str:
    """Why ``value`` (a field of a JSON export named ``what`` in words: "date") is not
    written as text, or "" when it is a string: a number is said as a number, never
    as what Python makes of it (1e400 was told as "“inf” is not a date": break test
    16 of session 23)."""
    if isinstance(value, str):
        return ""
    if value is None:
        return f"its {what} is empty"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"its {what} is a number, not a {what} written out"
    return f"its {what} is not written as text"


def why_not_a_date(day: str, clock: str = "") -> str:
    """Why ``day`` ("2024-02-30") and ``clock`` ("10:00", "" for none) are not a moment,
    in plain words ("there is no 30 February 2024"), or "" when they are one (or are
    not in these forms)."""
    import calendar
    import re

    found = re.fullmatch(r"(\d{1,4})-(\d{1,2})-(\d{1,2})", day.strip())
    if found is None:
        return f"\u201c{day}\u201d is not a date"
    year, month, number = (int(part) for part in found.groups())
    if year < 1 or not 1 <= month <= 12:
        return f"\u201c{day}\u201d is not a date (there is no month {month})"
    if not 1 <= number <= calendar.monthrange(year, month)[1]:
        return f"there is no {number} {calendar.month_name[month]} {year}"
    hours = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", clock.strip()) if clock else None
    if clock and hours is None:
        return f"\u201c{clock}\u201d is not a time of day"
    if hours is not None and (int(hours.group(1)) > 23 or int(hours.group(2)) > 59):
        return f"there is no time {clock} in a day"
    return ""


def ends_its_last_line(text: str) -> bool:
    """Whether ``text`` ends with a line end as `str.splitlines` (which the importers
    read lines by) counts one: "\\n", "\\r\\n", and the lone "\\r" of old Mac files
    among them. A jrnl file with lone "\\r"s, every line of it read, was said to stop
    in the middle of its last line (break test 46, F5)."""
    lines = text.splitlines(keepends=True)
    return bool(lines) and lines[-1] != lines[-1].splitlines()[0]


def end_missing_note(name: str, why: str, entry: str) -> str:
    """The preview's sentence on a plain-text file whose format shows that its end may
    be missing (a copy cut short, a disk that filled while it was written): ``name`` is
    the file among several ("2023-06.txt"; "" for a file imported alone), ``why`` what
    shows it ("it stops in the middle of a line, and jrnl ends every entry with a new
    line"), ``entry`` the entry that may be cut ("its last entry, “[2020-09-24 09:14]
    Entry the third.”,"). She decides: import it and read that entry, or look for a
    whole copy (break test 16 of session 15, finding 4: such files came in silently,
    their last entry cut mid-word)."""
    named = f", {name}," if name else ""
    return (
        f"The end of this file{named} may be missing: {why}. So {entry} may be cut short. "
        "You can import it and read that entry, or cancel and look for a whole copy of "
        "the file."
    )


def left_out_note(unread: list[str]) -> str:
    """The preview's sentence on entries of a file that could not be read and are left
    out, each named by where it is and why (``unread``: "line 7: there is no 30
    February 2024"), which holds none of the others back (break test 16 of session 10,
    finding 6: one bad date refused a whole journal). Said of a preview, it promises
    nothing: "the others are imported" stood above "Nothing would be imported." when
    they were in the journal already (break test 16 of session 25, F8). "" when there
    are none."""
    if not unread:
        return ""
    shown = "; ".join(unread[:10])
    more = f"; and {len(unread) - 10:,} more" if len(unread) > 10 else ""
    verb = "is" if len(unread) == 1 else "are"
    return (
        f"{len(unread):,} {'entry' if len(unread) == 1 else 'entries'} could not be read "
        f"and {verb} left out ({shown}{more}); that holds none of the others back."
    )


def entry_zone(name: str) -> tzinfo:
    """The IANA zone ``name`` ("Europe/London") as a ``ZoneInfo``, or the person's own
    zone when ``name`` is empty or names no zone known here (`zone_named`)."""
    return zone_named(name)


def stable_id(*parts: str) -> str:
    """An entry id derived from what identifies it in its source (UUID 5)."""
    return str(uuid.uuid5(IMPORT_NAMESPACE, "\x1f".join(parts)))


def imported_tags(written: Iterable[Any]) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """The tags of an entry from another app, each made a Solace tag by
    `journal.domain.entries.tags.imported_tag`: (the tags kept, in order and unique;
    the changed ones as (as written, as kept or "")), so none is changed or left out
    without the preview saying so (`tag_notes`). Break test 16 of session 11, finding
    1: jrnl's "@os/2", "@c#" and "@c++" were dropped in silence; break test 44, F5:
    Day One's "example tag" came in as example-tag, and "another-Example_tag" in lower
    case, unsaid (a leading "#" and outer spaces going are no change)."""
    kept: list[str] = []
    changed: list[tuple[str, str]] = []
    for raw in written:
        text = str(raw)
        tag = imported_tag(text)
        if tag != text.strip().lstrip("#"):
            changed.append((text, tag or ""))
        if tag is not None and tag not in kept:
            kept.append(tag)
    return kept, tuple(dict.fromkeys(changed))


def tag_notes(entries: Iterable[ImportedEntry]) -> tuple[str, ...]:
    """What the preview says about tags that could not come in as written: those
    renamed (with their new names) and those left out, at most ten of each named."""
    changed = dict.fromkeys(pair for entry in entries for pair in entry.changed_tags)
    renamed = [f"\u201c{old}\u201d is {new}" for old, new in changed if new]
    left = [f"\u201c{old}\u201d" for old, new in changed if not new]
    notes = []
    if renamed:
        more = f"; and {len(renamed) - 10:,} more" if len(renamed) > 10 else ""
        notes.append(
            "Some tags are kept under a new name, written as a Solace tag is (in lower "
            "case, with letters, digits, - and _, and - for a space, as a #tag written "
            "in an entry): " + "; ".join(renamed[:10]) + more + "."
        )
    if left:
        more = f"; and {len(left) - 10:,} more" if len(left) > 10 else ""
        notes.append(
            "Some tags have no letter or digit a Solace tag can hold, or are longer than "
            f"{MAX_TAG_CHARS} characters, and are left out (the entries come in): "
            + ", ".join(left[:10])
            + more
            + "."
        )
    return tuple(notes)


def preview(
    plan: ImportPlan, existing_ids: Iterable[str], differing: Iterable[str] = ()
) -> Preview:
    """How many entries are new, how many are already in the journal (by id), and
    the span of days the import covers, each entry on its own local day
    (`ImportedEntry.local_day`), and how many new ones were shared with a partner
    where they came from (they come in private unless the person keeps them shared),
    and how many new ones were starred there (Solace has no stars: they come in with
    the tag "starred", said in the preview: break test 16 of session 20, L9), and how
    many of those already in it differ in their words (``differing``: their ids)."""
    existing = set(existing_ids)
    new = [e for e in plan.entries if e.id not in existing]
    moments = [e.local_day() for e in plan.entries]
    return Preview(
        new=len({e.id for e in new}),
        duplicates=len(plan.entries) - len({e.id for e in new}),
        first=min(moments) if moments else None,
        last=max(moments) if moments else None,
        notes=(*plan.notes, *tag_notes(plan.entries)),
        shared=len({e.id for e in new if e.shared}),
        starred=len({e.id for e in new if e.starred}),
        differ=len(existing & set(differing)),
    )

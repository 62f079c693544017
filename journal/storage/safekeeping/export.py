"""Export a journal into a folder the person chose: Markdown, JSON and CSV, NOT encrypted.

The export is one new folder ``journal-export-<local date>[-n]`` (a neutral name:
`journal.domain.common.file_names`) holding:

* ``journal.json``: everything in the journal (format ``solace-export`` version 1):
  every table of user data, row by row, with times as RFC 3339 UTC to the
  millisecond (`journal.domain.common.rfc3339`, the one format of the whole export)
  and dates as ISO dates. Entries are written as entries (tags and feelings as lists, no
  internal row numbers), so the file imports into any journal;
* ``entries/<local date>_<hhmm>_<n>.md``: one Markdown file per entry, with YAML
  front matter (title, date in UTC, its zone, mood, feelings, tags, shared);
  names say when, never what;
* ``body-log.csv``: the body log and pad changes, with notes, as the body area's own CSV.

It is written into a hidden ``.partial`` folder and renamed when complete, with
owner-only permissions (folders 0700, files 0600). Nothing here is encrypted: the
dialog says so before anything is written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from journal.domain.common.file_names import export_folder_name
from journal.domain.common.local_time import to_local, today_local
from journal.domain.common.rfc3339 import rfc3339
from journal.domain.safekeeping.markdown import inline_markdown
from journal.domain.safekeeping.shown_html import ESCAPED_FIELD, ESCAPED_VALUE, as_shown
from journal.errors import DiskFull, SolaceError
from journal.paths import FILE_MODE, FOLDER_MODE
from journal.storage.body.export import body_to_csv
from journal.storage.body.repository import BodyRepository
from journal.storage.database import Database
from journal.storage.entries.models import EntryRow
from journal.storage.failures import chosen_place_failure
from journal.storage.places import Writes, refuse_protected
from journal.storage.safekeeping.unfinished import (
    UNFINISHED_BACKUP_FILE,
    UNFINISHED_EXPORT,
    UNFINISHED_IMPORT,
)
from journal.storage.schema import metadata

#: What a refused export left as it was (`DiskFull`'s ``unchanged``).
NOT_WRITTEN = "No export was written, and your journal is unchanged."

FORMAT = "solace-export"
FORMAT_VERSION = 1
# Tables that are derived (rebuilt on import) or describe the file, not the person's data.
UNFINISHED = frozenset({UNFINISHED_BACKUP_FILE, UNFINISHED_EXPORT, UNFINISHED_IMPORT})
SKIPPED_TABLES = frozenset(
    {"alembic_version", "journal_meta", "entries", "entry_tags", "entry_feelings"}
)
ENTRY_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "title",
    "body",
    "mood",
    "feelings",
    "tags",
    "shared",
    "prompt_id",
    "zone",
)
Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Where the export was written and how many entries and body logs it holds."""

    folder: Path
    entries: int
    body_logs: int


def plain(value: Any) -> Any:
    """A column value as JSON: aware datetimes as the export's one format (`rfc3339`:
    ``2026-12-02T01:46:35.684Z``), dates as ISO dates."""
    if isinstance(value, datetime):
        return rfc3339(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def entry_dict(row: EntryRow) -> dict[str, Any]:
    """One entry as the plain values of Solace's JSON export: every field in `ENTRY_FIELDS`
    (times as ISO 8601 text), with tags and feelings as lists of strings."""
    data = {name: plain(getattr(row, name)) for name in ENTRY_FIELDS}
    data["tags"] = [t for t in row.tags.split("\n") if t]
    data["feelings"] = [f for f in row.feelings.split("\n") if f]
    return data


def iter_entries(db: Database) -> Iterator[EntryRow]:
    """Every entry, oldest first, read in pages."""
    with db.session() as session:
        query = select(EntryRow).order_by(EntryRow.created_at, EntryRow.seq)
        yield from session.scalars(query.execution_options(yield_per=500))


def other_tables(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every other table of user data (body log, prompts, remembrance, marks...)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.session() as session:
        for table in metadata().sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            rows = session.execute(select(table)).mappings().all()
            tables[table.name] = [
                {k: plain(v) for k, v in row.items()}
                for row in rows
                if row.get("key") not in UNFINISHED  # work under way on this computer
            ]
    return tables


# What YAML may not hold as itself in a double-quoted string: characters outside its
# printable set (YAML 1.1, 5.1: control characters, DEL, C1 controls, lone surrogates,
# U+FFFE/FFFF) and the line breaks it folds into spaces (U+0085, U+2028, U+2029).
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def yaml_text(value: Any) -> str:
    """``value`` (strings, lists of them) as JSON that YAML reads back as exactly
    ``value``: JSON's own escapes, plus ``\\uXXXX`` for every character YAML cannot
    hold as itself (a title holding U+007F or U+2028 was lost from the front matter)."""
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def front_matter(entry: dict[str, Any]) -> str:
    """YAML front matter; strings as JSON strings, which YAML reads as they are. The
    date (when the entry was written) and ``updated`` (when it was last changed) are
    in the export's one format (`rfc3339`, UTC, as the JSON and the body-log CSV write
    them: break test 10 of session 15, finding 8), and the zone it was written in is
    named when the entry has one, so its wall clock there can be told; ``id`` lets an
    import of the folder know the entries already in a journal
    (`markdown.solace_id`)."""
    zone = [f"zone: {json.dumps(entry['zone'])}"] if entry.get("zone") else []
    lines = [
        "---",
        f"title: {yaml_text(entry['title'])}",
        f"date: {entry['created_at']}",
        f"updated: {entry['updated_at']}",
        *zone,
        f"mood: {json.dumps(entry['mood'])}",
        f"feelings: {yaml_text(entry['feelings'])}",
        f"tags: {yaml_text(entry['tags'])}",
        f"shared: {json.dumps(entry['shared'])}",
        f"id: {json.dumps(entry['id'])}",
        f"{ESCAPED_FIELD}: {json.dumps(ESCAPED_VALUE)}",  # punctuation shown as text (shown_html)
        "---",
        "",
    ]
    return "\n".join(lines)


def export_journal(
    db: Database, parent: Path, revisions: list[str], progress: Progress | None = None
) -> ExportResult:
    """Write the export into a new folder under ``parent`` and return it.

    ``revisions`` are the journal's schema revisions (recorded in the JSON);
    ``progress(done, total)`` is called as entries are written. Raises `PlaceRefused`
    before anything is written when ``parent`` lies inside Solace's data folder or among
    a journal's files (`places.place_problem`), and `PlaceNotWritten` (the folder is
    full, read-only, or failed otherwise); then no partial folder is left.
    """
    refuse_protected(parent, Writes.PLAIN_TEXT)
    final = _free_name(parent, export_folder_name(today_local()))
    partial = parent / f".{final.name}.partial"
    try:  # noted in the journal, for `remove_unfinished_export`
        db.set_setting(UNFINISHED_EXPORT, str(partial))
    except DiskFull as error:  # about the export, never "your words stay in the window"
        raise DiskFull("write the export", unchanged=NOT_WRITTEN) from error
    try:
        result = _write(db, partial, final, revisions, progress)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise chosen_place_failure(error, "export", parent) from error
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        if not partial.exists():
            with contextlib.suppress(SolaceError):  # a note left is cleared at next unlock
                db.set_setting(UNFINISHED_EXPORT, "")
    return result


def _write(
    db: Database, partial: Path, final: Path, revisions: list[str], progress: Progress | None
) -> ExportResult:
    from journal.storage.entries.repository import EntryRepository

    total = EntryRepository(db).count()
    partial.mkdir(mode=FOLDER_MODE)
    (partial / "entries").mkdir(mode=FOLDER_MODE)
    entries: list[dict[str, Any]] = []
    names: dict[str, int] = {}
    for done, row in enumerate(iter_entries(db), start=1):
        entry = entry_dict(row)
        entries.append(entry)
        stem = to_local(row.created_at, row.zone).strftime("%Y-%m-%d_%H%M")
        names[stem] = names.get(stem, 0) + 1
        text = front_matter(entry)
        if entry["title"]:
            text += f"# {inline_markdown(entry['title'])}\n\n"  # shown as written
        text += as_shown(entry["body"])  # read as the editor shows it (shown_html)
        _write_file(partial / "entries" / f"{stem}_{names[stem]}.md", text + "\n")
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    body = BodyRepository(db)
    logs = body.logs()
    _write_file(partial / "body-log.csv", body_to_csv(logs, body.pad_changes(), include_notes=True))
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": sorted(revisions),
        "entries": entries,
        "tables": other_tables(db),
    }
    _write_file(partial / "journal.json", json.dumps(document, ensure_ascii=False, indent=1))
    os.replace(partial, final)
    return ExportResult(final, len(entries), len(logs))


def _write_file(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _free_name(parent: Path, stem: str) -> Path:
    candidate, n = parent / stem, 1
    while candidate.exists():
        n += 1
        candidate = parent / f"{stem}-{n}"
    return candidate

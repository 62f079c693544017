"""Which importer reads a chosen file or folder, and the plan it makes.

Recognised by content first: Solace's own ``journal.json``; Day One JSON exports
(the ``.zip`` or its JSON); jrnl's JSON export and its plain-text journal; a
RedNotebook data folder, month file or backup zip (``YYYY-MM.txt``); a folder of
Markdown files (or one file) with front matter. Anything else is refused with a
sentence saying why (`ImportRefused`). Times without a zone are the person's local
time (``from_local``).
"""

from __future__ import annotations

import codecs
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.common.local_time import from_local, known_zone, now_utc
from journal.domain.common.words import count
from journal.domain.safekeeping import dayone, jrnl, markdown, rednotebook, solace_json
from journal.domain.safekeeping.fitting import fitted
from journal.domain.safekeeping.folder_files import (
    about_the_folder,
    folder_files,
    folder_notes_note,
    skipped_note,
)
from journal.domain.safekeeping.imported import ImportPlan, ImportRefused, read_json
from journal.domain.safekeeping.zipped import zip_names
from journal.files import NotAFile, open_regular

MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real export; refuses absurd files
MAX_FILES = 100_000
MARKDOWN_SUFFIXES = (".md", ".markdown")
FromLocal = Callable[[datetime], datetime]
Progress = Callable[[int, int], None]  # entries read, of how many (from any thread)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, read only if it is a regular file no larger than `MAX_FILE_BYTES`.
    Raises `ImportRefused` (with the reason in plain words) for a pipe, folder or device, a
    file too large, or one that cannot be read."""
    try:
        with open_regular(path) as handle:  # a pipe or a device is refused, never waited on
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                raise ImportRefused("The file is too large to be a journal export.")
            return handle.read()
    except NotAFile as error:
        raise ImportRefused(f"This is not a file Solace can read: it is {error.kind}.") from error
    except OSError as error:
        raise ImportRefused("The file could not be read.") from error


def _resave(what: str) -> str:
    """What to do with ``what`` ("it", "one"), a file saved in another encoding."""
    return (
        f"To bring {what} in, open it in a text editor, save it again as UTF-8, and "
        "import that copy."
    )


#: What to do with a folder's files saved in another encoding (re-test 44, N5).
RESAVE = _resave("one")
#: The refusal of a file that is neither UTF-8 nor UTF-16 text, for its ``name``: what
#: to do about it, in plain words (break test 44, F3: "is not UTF-8 text; it may not be
#: a journal export" of a Markdown note saved in an older encoding).
NOT_TEXT = (
    "\u201c{name}\u201d is not saved as text Solace can read (it reads UTF-8 and UTF-16). "
    + _resave("it")
)
#: How every zip file begins (its first local file header, or the end record of an
#: empty archive): a Day One export renamed ".json" is still a zip.
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")


def read_text(path: Path) -> str:
    """A file's text: UTF-8 (a byte-order mark removed), or UTF-16 when it starts with
    UTF-16's byte-order mark (as some Windows editors save notes). Raises
    `ImportRefused` for anything else, naming the file."""
    return _decoded(path.name, read_bytes(path))


def _decoded(name: str, data: bytes) -> str:
    """``data``, the bytes of the file called ``name``, as `read_text` reads them."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(NOT_TEXT.format(name=name)) from error


#: The refusal of a chosen file that holds nothing: 0 bytes, or for a text format
#: (JSON, Markdown, jrnl, a RedNotebook month) nothing but spaces and line ends.
#: Issue 16 break test of session 24, F5: an empty file was refused as "not
#: valid JSON; it may be cut short", or as a jrnl journal with no dated line, and an
#: empty Markdown file was offered as one entry with no text.
EMPTY_FILE = "This file is empty: it holds nothing to import."


def _readable(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[str], list[str]]:
    """Each file of a folder that holds something, with its text; the names of those
    that could not be read as text; and of those that hold nothing (`EMPTY_FILE`'s
    rule: 0 bytes, or only spaces and line ends). Either leaves itself out, never the
    whole folder (break test 16 of the eighth session, finding 18: one UTF-16 note
    blocked a folder of notes, and the message did not say which; break test 38,
    finding 2: an empty note came in as an entry with no text)."""
    texts: list[tuple[Path, str]] = []
    unreadable: list[str] = []
    empty: list[str] = []
    for path in paths:
        try:
            text = read_text(path)
        except ImportRefused:
            unreadable.append(path.name)
            continue
        if text.strip():
            texts.append((path, text))
        else:
            empty.append(path.name)
    return texts, unreadable, empty


def _left_out(plan: ImportPlan, unreadable: list[str], empty: list[str]) -> ImportPlan:
    """``plan`` with a note naming the files that could not be read, and one naming
    those that are empty, when any."""
    notes = [
        f"{count(len(names), 'file', 'files')} {why} and "
        f"{'is' if len(names) == 1 else 'are'} left out: {_named(names)}.{then}"
        for names, why, then in (
            # What to do, as a file chosen alone is told (re-test 44, N5).
            (unreadable, "could not be read as text", f" {RESAVE}"),
            (empty, "hold nothing" if len(empty) > 1 else "holds nothing", ""),
        )
        if names
    ]
    return replace(plan, notes=(*plan.notes, *notes))


def _named(names: list[str]) -> str:
    """Up to ten of ``names`` (file names), sorted and quoted, and how many more."""
    shown = ", ".join(f"\u201c{name}\u201d" for name in sorted(names)[:10])
    return shown + (f" and {len(names) - 10:,} more" if len(names) > 10 else "")


def _unknown_zones(plan: ImportPlan) -> ImportPlan:
    """``plan`` with a note on its entries whose source names a time zone unknown on
    this computer (a Day One ``timeZone``, the ``zone`` of Solace's own export): their
    local date and time are read in this computer's zone (`ImportedEntry.local_day`),
    which is said, not done silently (break test 16c of session 26, finding 4: Day
    One's "Mars/Olympus" was previewed as an ordinary entry)."""
    unknown = Counter(e.zone for e in plan.entries if e.zone and known_zone(e.zone) is None)
    if not unknown:
        return plan
    total = sum(unknown.values())
    shown = ", ".join(f"\u201c{name[:40]}\u201d" for name in list(unknown)[:3])
    more = f" and {len(unknown) - 3:,} more" if len(unknown) > 3 else ""
    note = (
        f"{count(total, 'entry names', 'entries name')} a time zone unknown on this "
        f"computer ({shown}{more}): {'its' if total == 1 else 'their'} dates and times "
        "are read in this computer's time zone."
    )
    return replace(plan, notes=(*plan.notes, note))


def plan_for(
    path: Path, local: FromLocal = from_local, progress: Progress | None = None
) -> ImportPlan:
    """The import plan for ``path`` (a file or a folder), each entry made to fit what
    a Solace entry is (`fitting.fitted`: nothing fails later at Import).
    ``progress(done, total)`` is called as the entries of a JSON export are read (a
    preview of 150,000 entries takes tens of seconds: break test 16 of session 18,
    finding 1). Raises `ImportRefused`."""
    return fitted(_unknown_zones(_plan_for(path, local, progress)), file_date=_modified(path))


def _plan_for(path: Path, local: FromLocal, progress: Progress | None = None) -> ImportPlan:
    """The plan for ``path`` as it reads: a folder, or a chosen file read once, an
    empty one refused as such (`EMPTY_FILE`) whatever its kind, before any reader
    calls it damaged or of another kind."""
    if path.is_dir():
        return _folder(path, local)
    data = read_bytes(path)
    suffix = path.suffix.lower()
    # Judged by what it holds, as a restore judges a backup: a zip renamed ".json" was
    # refused as "not UTF-8 text" (break test 44, F3).
    if suffix == ".zip" or data.startswith(_ZIP_STARTS):
        if not data:
            raise ImportRefused(EMPTY_FILE)
        return _zip(data, local)
    text = _decoded(path.name, data)
    if not text.strip():
        raise ImportRefused(EMPTY_FILE)
    if suffix == ".json":
        return _json(text, local, progress)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown.parse_files([(path.name, text, _modified(path))], local)
    if rednotebook.is_month_file(path.name):
        return rednotebook.parse_months([(path.name, text)], local)
    if text.lstrip().startswith("{"):
        return _json(text, local, progress)
    return jrnl.parse_text(text, local)


def _json(text: str, local: FromLocal, progress: Progress | None = None) -> ImportPlan:
    document = read_json(text)
    if solace_json.looks_like(document):
        return solace_json.parse(text)
    if dayone.looks_like(document):
        return dayone.parse_document(document)
    if jrnl.looks_like(document):
        return jrnl.parse_json(text, local, progress)
    raise ImportRefused(
        "Solace does not recognise this JSON file: it is not an export of Solace, Day One or jrnl."
    )


def _zip(data: bytes, local: FromLocal) -> ImportPlan:
    try:
        return dayone.parse_zip(data)
    except ImportRefused as day_one:
        try:
            return rednotebook.parse_zip(data, local)
        except ImportRefused as red_notebook:
            # A RedNotebook backup is refused in its own words (a month file too
            # large), never as "no Day One journal".
            if rednotebook.names_months(zip_names(data)):
                raise red_notebook from None
            raise day_one from None


def _modified(path: Path) -> datetime:
    """When ``path`` was last modified, aware UTC, to the millisecond as Solace's clock
    (`now_utc`): an entry dated by it had six digits in the export, the only ones
    (re-test 38, m7). This moment when the file's time cannot be read or placed."""
    try:
        stamp_ns = path.stat().st_mtime_ns
        moment = datetime.fromtimestamp(stamp_ns // 10**9, UTC)
    except (OSError, OverflowError, ValueError):  # a file touched to an absurd time
        return now_utc()
    return moment.replace(microsecond=stamp_ns // 10**6 % 1000 * 1000)


def _folder(folder: Path, local: FromLocal) -> ImportPlan:
    """A RedNotebook data folder (its month files at the top) or a folder of Markdown
    files (at any depth). Files are found without opening any (`folder_files`): a pipe,
    a device or a link leading outside the folder is skipped and named in a note, never
    waited on and never skipped without a word (break test 16 of session 10, finding 5).
    A Markdown file named as notes about the folder (README.md, SOURCES.md:
    `folder_files.about_the_folder`) is left out and named, never an entry."""
    months = folder_files(folder, rednotebook.is_month_file, MAX_FILES)
    top = tuple(p for p in months.found if p.parent == folder)
    if top:
        texts, unreadable, empty = _readable(top)
        if not texts:
            raise ImportRefused(_none_readable(unreadable, empty))
        plan = rednotebook.parse_months([(p.name, text) for p, text in texts], local)
        skipped = tuple(s for s in months.skipped if "/" not in s[0])
        return _skipped(_left_out(plan, unreadable, empty), skipped)
    listed = folder_files(folder, _is_markdown, MAX_FILES)
    if len(listed.found) > MAX_FILES:
        raise ImportRefused("The folder holds too many files to be one journal.")
    # A README.md or SOURCES.md beside the notes is about the folder, not an entry.
    about = tuple(str(p.relative_to(folder)) for p in listed.found if about_the_folder(p.name))
    found = tuple(p for p in listed.found if not about_the_folder(p.name))
    if about and not found:
        raise ImportRefused(
            "Solace found no journal entries to import in this folder. " + folder_notes_note(about)
        )
    if not found:
        said = skipped_note(listed.skipped)
        raise ImportRefused(
            "Solace found nothing to import in this folder: no Markdown files (.md) and no "
            "RedNotebook month files (like 2024-06.txt)."
            + _months_inside(folder, months.found)
            + (f" {said}" if said else "")
        )
    texts, unreadable, empty = _readable(found)
    if not texts:
        raise ImportRefused(_none_readable(unreadable, empty))
    files = [(str(p.relative_to(folder)), text, _modified(p)) for p, text in texts]
    plan = _left_out(markdown.parse_files(files, local), unreadable, empty)
    first = tuple(note for note in (_others_note(listed.others), folder_notes_note(about)) if note)
    plan = replace(plan, notes=(*first, *plan.notes))
    return _skipped(plan, listed.skipped)


#: File names that may be an export Solace reads when chosen on its own (`_plan_for`).
_EXPORT_SUFFIXES = (".json", ".zip", ".journal", ".txt")


def _months_inside(folder: Path, months: tuple[Path, ...]) -> str:
    """Where RedNotebook's month files are inside ``folder`` (``months``, found deeper
    than its top), as a sentence saying to choose that folder ("" when none): the
    person chose the folder above RedNotebook's "data" folder and was refused with no
    hint (break test 16 of session 23)."""
    places = sorted({str(p.parent.relative_to(folder)) for p in months})
    if not places:
        return ""
    shown = ", ".join(f"“{place}”" for place in places[:3])
    return (
        f" RedNotebook month files are in {shown} inside it: choose "
        f"{'that folder' if len(places) == 1 else 'one of those folders'} to import them."
    )


def _others_note(others: tuple[str, ...]) -> str:
    """The preview's sentence naming the files of a Markdown folder that are not
    imported (``others``, relative names), first those that may be exports Solace
    reads when each is chosen on its own; "" when none. Break test 16 of session 23: a
    folder holding Day One, jrnl and RedNotebook exports beside Markdown notes was
    offered as its Markdown files alone, the rest left out without a word."""
    if not others:
        return ""
    exports = [name for name in others if name.lower().endswith(_EXPORT_SUFFIXES)]
    rest = [name for name in others if not name.lower().endswith(_EXPORT_SUFFIXES)]
    shown = ", ".join(f"“{name}”" for name in [*exports, *rest][:10])
    more = f" and {len(others) - 10:,} more" if len(others) > 10 else ""
    verb = "is" if len(others) == 1 else "are"
    words = (
        f"{count(len(others), 'other file', 'other files')} in this folder {verb} not "
        f"imported, since from a folder Solace imports Markdown files (.md) only: "
        f"{shown}{more}."
    )
    if exports:
        words += (
            f" {count(len(exports), 'of them looks', 'of them look')} like an export of "
            "another app (Day One, jrnl, RedNotebook): choose each one in Import to "
            "import it on its own."
        )
    return words


def _is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _skipped(plan: ImportPlan, skipped: tuple[tuple[str, str], ...]) -> ImportPlan:
    """``plan`` with the note naming the files skipped and why, when any."""
    note = skipped_note(skipped)
    return replace(plan, notes=(*plan.notes, note)) if note else plan


def _none_readable(unreadable: list[str], empty: list[str]) -> str:
    """The refusal of a folder none of whose files (``unreadable``, ``empty``: names)
    gives anything to import."""
    if not unreadable:
        return (
            f"{'The file' if len(empty) == 1 else 'Every file'} Solace would import from "
            f"this folder is empty, so nothing would be imported: {_named(empty)}."
        )
    words = (
        "None of the files in this folder could be read as text (UTF-8 or UTF-16), so "
        f"nothing would be imported: {_named(unreadable)}. {RESAVE}"
    )
    if empty:
        words += f" {count(len(empty), 'other is', 'others are')} empty: {_named(empty)}."
    return words

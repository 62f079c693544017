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
from dataclasses import dataclass, field, replace
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
from journal.files import NOT_ALLOWED_ADVICE, NotAFile, not_allowed, open_regular

MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real export; refuses absurd files
MAX_FILES = 100_000
MARKDOWN_SUFFIXES = (".md", ".markdown")
FromLocal = Callable[[datetime], datetime]
Progress = Callable[[int, int], None]  # entries read, of how many (from any thread)


class NotRead(ImportRefused):
    """A file (or folder) the system would not let Solace read: ``name``, and whether
    it was its permissions (``not_allowed``) or another reason (``why``: the system's
    words, "Input/output error"). Break test 46, F4: a note Solace may not read was
    called one saved in another encoding, to be saved again as UTF-8, and a file
    chosen alone was "The file could not be read", with no reason or way on."""

    def __init__(self, name: str, error: OSError, what: str = "file") -> None:
        self.name = name
        self.not_allowed = not_allowed(error)
        self.why = error.strerror or type(error).__name__
        if self.not_allowed:
            words = (
                f"Solace is not allowed to read the {what} \u201c{name}\u201d: {NOT_ALLOWED_ADVICE}"
            )
        else:
            words = f"The {what} \u201c{name}\u201d could not be read ({self.why})."
        super().__init__(words)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, read only if it is a regular file no larger than `MAX_FILE_BYTES`.
    Raises `ImportRefused` (with the reason in plain words) for a pipe, folder or device, a
    file too large, and `NotRead` for one the system would not let Solace read."""
    try:
        with open_regular(path) as handle:  # a pipe or a device is refused, never waited on
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                raise ImportRefused("The file is too large to be a journal export.")
            return handle.read()
    except NotAFile as error:
        raise ImportRefused(f"This is not a file Solace can read: it is {error.kind}.") from error
    except OSError as error:
        raise NotRead(path.name, error) from error


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


@dataclass(frozen=True, slots=True)
class _Read:
    """A folder's files as read (`_readable`): each that holds something, with its text
    (``texts``), and the names of those left out: not text Solace reads (``not_text``),
    not allowed to be read (``not_allowed``), not read for another reason
    (``failed``: name and the system's words), or empty (``empty``)."""

    texts: list[tuple[Path, str]] = field(default_factory=list)
    not_text: list[str] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


def _readable(paths: Iterable[Path]) -> _Read:
    """Each file of a folder read, or left out with its reason (`_Read`), never the
    whole folder for one file (break test 16 of the eighth session, finding 18: one
    UTF-16 note blocked a folder of notes, and the message did not say which; break
    test 38, finding 2: an empty note came in as an entry with no text; break test 46,
    F4: a note Solace may not read was told as one in another encoding)."""
    read = _Read()
    for path in paths:
        try:
            text = read_text(path)
        except NotRead as error:
            if error.not_allowed:
                read.not_allowed.append(path.name)
            else:
                read.failed.append((path.name, error.why))
            continue
        except ImportRefused:
            read.not_text.append(path.name)
            continue
        if text.strip():
            read.texts.append((path, text))
        else:
            read.empty.append(path.name)
    return read


def _left_out(plan: ImportPlan, read: _Read) -> ImportPlan:
    """``plan`` with a sentence for each kind of file left out (`_read_words`)."""
    return replace(plan, notes=(*plan.notes, *_read_words(read)))


def _read_words(read: _Read) -> list[str]:
    """One sentence for each kind of file ``read`` left out, saying what to do."""
    words = []
    if read.not_text:  # what to do, as a file chosen alone is told (re-test 44, N5)
        words.append(
            f"{_files(read.not_text)} could not be read as text and {_are(read.not_text)} "
            f"left out: {_named(read.not_text)}. {RESAVE}"
        )
    if read.not_allowed:
        one = len(read.not_allowed) == 1
        words.append(
            f"{_files(read.not_allowed)} Solace is not allowed to read (by "
            f"{'its' if one else 'their'} permissions) {_are(read.not_allowed)} left "
            f"out: {_named(read.not_allowed)}. To bring {'it' if one else 'them'} in, make "
            f"{'it' if one else 'them'} readable for you and import again."
        )
    if read.failed:
        names = [f"{name} ({why})" for name, why in read.failed]
        words.append(
            f"{_files(names)} could not be read and {_are(names)} left out: {_named(names)}."
        )
    if read.empty:
        holds = "holds" if len(read.empty) == 1 else "hold"
        words.append(
            f"{_files(read.empty)} {holds} nothing and {_are(read.empty)} left out: "
            f"{_named(read.empty)}."
        )
    return words


def _files(names: list[str]) -> str:
    return count(len(names), "file", "files")


def _are(names: list[str]) -> str:
    return "is" if len(names) == 1 else "are"


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
    `folder_files.about_the_folder`) is left out and named, never an entry. A folder
    Solace may not open is refused so (`NotRead`), not as one holding nothing (break
    test 46, F4)."""
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        raise NotRead(folder.name, error, "folder") from error
    months = folder_files(folder, rednotebook.is_month_file, MAX_FILES)
    top = tuple(p for p in months.found if p.parent == folder)
    if top:
        read = _readable(top)
        if not read.texts:
            raise ImportRefused(_none_readable(read))
        plan = rednotebook.parse_months([(p.name, text) for p, text in read.texts], local)
        skipped = tuple(s for s in months.skipped if "/" not in s[0])
        return _skipped(_left_out(plan, read), skipped)
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
    read = _readable(found)
    if not read.texts:
        raise ImportRefused(_none_readable(read))
    files = [(str(p.relative_to(folder)), text, _modified(p)) for p, text in read.texts]
    plan = _left_out(markdown.parse_files(files, local), read)
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


def _none_readable(read: _Read) -> str:
    """The refusal of a folder none of whose files gives anything to import (``read``:
    each left out, by its reason)."""
    if not (read.not_text or read.not_allowed or read.failed):
        return (
            f"{'The file' if len(read.empty) == 1 else 'Every file'} Solace would import "
            f"from this folder is empty, so nothing would be imported: {_named(read.empty)}."
        )
    return "Nothing in this folder could be imported. " + " ".join(_read_words(read))

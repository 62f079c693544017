"""A folder of Markdown files (or one file) with YAML front matter.

Covers the Markdown exports of Joplin, Obsidian, Bear, Notion, Google Keep and
converters such as jimmy. The front matter is the block between a first line
``---`` and the next ``---`` (or ``...``), read with PyYAML's safe loader. Fields,
in any letter case: ``title`` (else the first ``aliases`` entry, else the file
name); the date keys of `CREATED` (else those of `UPDATED`, else a date in the file
name, else the file's modification time), read by `read_moment`; ``tags`` or
``keywords`` (a list or a comma-separated string). Every other property comes in as
a "name: value" line after the text (`_with_properties`). Times with a zone keep it; times
without one, and bare dates, are the person's local time (a bare date at noon, so it
stays on its day). Front matter that is not valid YAML is kept in the text, nothing lost, and
the preview says which files had it.

Solace's own Markdown export (break test 16, finding 4) is read back as it was
written: its front matter's ``id`` (a UUID) is the entry's id, so an entry already in
the journal is a duplicate and importing twice adds nothing; ``mood``, ``feelings``
and ``shared`` are read, the tags are the whole list; and the ``# Title`` line the
export puts first (the title as CommonMark inline text, `inline_markdown`) is the
title, not part of the text, so the text comes back exactly, character for character.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import yaml

from journal.domain.common.local_time import as_utc
from journal.domain.common.words import count
from journal.domain.safekeeping.imported import (
    ImportedEntry,
    ImportPlan,
    ImportRefused,
    end_missing_note,
    imported_tags,
    stable_id,
)
from journal.domain.safekeeping.shown_html import (
    EARLIER_VALUE,
    ESCAPED_FIELD,
    ESCAPED_VALUE,
    HTML_VALUE,
    as_typed,
    html_typed,
)
from journal.domain.safekeeping.yaml_text import FrontMatterLoader

SOURCE = "a folder of Markdown files"
FromLocal = Callable[[datetime], datetime]
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T _](\d{2})[:_.-]?(\d{2}))?")
#: The front-matter keys that say when a note was written, the first one given wins:
#: ``created`` (Joplin's exporter, jimmy, Obsidian), ``created_at`` (Notesnook's),
#: ``date`` (pandoc, R Markdown, Apple Journal by way of obsidian-importer, Solace's
#: own export). Every date key of the samples in ../shared/import-samples is here or
#: in `UPDATED` (break test 16 of session 18, finding 6: ``created_at`` was not read,
#: so a Notesnook note was dated by when its file was copied).
CREATED = ("created", "created_at", "date")
#: The keys that say when a note was last changed: ``updated`` (Joplin, jimmy, Solace),
#: ``updated_at`` (Notesnook), ``lastmod`` (Hugo, which Joplin's importer reads too).
#: A note with only these is dated by them.
UPDATED = ("updated", "updated_at", "lastmod")
#: The two non-ISO forms exporters write, each read as its app writes it; a day is
#: never guessed. Both are day first, as their apps write them: Joplin's importer
#: fixture ``28/09/2021 20:57``, and Notesnook's export, whose
#: ``updated_at: 02-01-2024 04:56 AM`` Joplin's importer test reads as 2 January 2024
#: (laurent22/joplin, ``notesnook_updated_created.md``: Notesnook's default date
#: format is DD-MM-YYYY, with a 12-hour clock).
_APP_FORMATS = (
    "%d/%m/%Y %H:%M",  # Joplin's importer fixtures: day/month/year, 24-hour
    "%d-%m-%Y %I:%M %p",  # Notesnook: day-month-year, 12-hour
)


_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAK_OR_TAB = re.compile(r"\r\n|[\t\r\n\v\f\x85\u2028\u2029]")


def inline_markdown(text: str) -> str:
    """Plain ``text`` (say, a title) as CommonMark inline text that a CommonMark
    reader shows as exactly ``text``: each ASCII punctuation character is
    backslash-escaped (CommonMark 0.31, section 2.4: any of them may be, and then
    stands for itself, so no emphasis, link, HTML, entity or heading marker can
    form). A heading or a line cannot hold a line break or a tab, so each (CR LF
    once) becomes one space; readers do not show spaces at either end of a heading.
    U+FEFF is written as its character reference (section 2.5): Qt's reader dropped it
    at the start of a heading or paragraph (a Hypothesis example of session 42).
    Use it after ``# `` or inside a paragraph; the result holds no line break."""
    escaped = _ASCII_PUNCTUATION.sub(r"\\\1", _LINE_BREAK_OR_TAB.sub(" ", text))
    return escaped.replace("\ufeff", "&#xFEFF;")


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, bool]:
    """(fields, body, readable): fields is None when there is no front matter;
    readable is False when there is a block that is not valid YAML (then the whole
    text is the body)."""
    match = _FRONT.match(text)
    if match is None:
        return None, text, True
    try:
        # BaseLoader keeps every scalar as written ("001" stays "001", "no" stays "no").
        fields = yaml.load(match.group(1), Loader=FrontMatterLoader)  # noqa: S506 (no tags run)
    except yaml.YAMLError:
        return None, text, False
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        return None, text, False
    return {str(k).lower(): v for k, v in fields.items()}, text[match.end() :], True


#: The Unix epoch, which Joplin (and other tools) write for "no date": a moment of its
#: own would put the note on 31 December 1969 or 1 January 1970 (break test 16 of
#: session 11, finding 5), as Day One's 1970 placeholders would.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _moment(value: Any, from_local: FromLocal) -> datetime | None:
    """The moment a front-matter date field gives (aware UTC), or None when it gives
    none: empty, unreadable, or the Unix epoch (`EPOCH`), a placeholder; the file's
    own date rule then applies (`parse_file`)."""
    moment = read_moment(value, from_local)
    return None if moment == EPOCH else moment


def read_moment(value: Any, from_local: FromLocal) -> datetime | None:
    """The moment a front-matter date field ``value`` gives, aware UTC, else None.

    ``value`` is what the YAML loader gave: text (our loader keeps every scalar as
    text), or a ``datetime``/``date``. Text is read by Python's own ISO 8601 reader
    (``datetime.fromisoformat``: ``2019-05-01 16:54:00Z``, ``…16:54-07:00``,
    ``2024-06-16T09:00:00``, ``1970-01-01 00:00Z``, a bare ``2021-01-01``), else by
    one of `_APP_FORMATS`, day first as those apps write it. A time with a zone keeps
    it; one without is the person's local time (``from_local``, wall time in, aware
    UTC out); a bare date is noon, so it stays on its day. Text in no known form gives
    None (the file's own date rule applies): a date is never guessed. Raises
    nothing."""
    if isinstance(value, datetime):
        return as_utc(value) if value.tzinfo else from_local(value)
    if isinstance(value, date):
        return from_local(datetime(value.year, value.month, value.day, 12, 0))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return read_moment(day, from_local)
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = _in_app_format(text)
    if parsed is None:
        return None
    return as_utc(parsed) if parsed.tzinfo else from_local(parsed)


def _in_app_format(text: str) -> datetime | None:
    """``text`` read in one of `_APP_FORMATS` (wall time), else None."""
    for pattern in _APP_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _first_moment(
    fields: dict[str, Any], keys: tuple[str, ...], from_local: FromLocal
) -> tuple[str, datetime] | None:
    """The first of ``keys`` in ``fields`` that gives a moment (`_moment`), and that
    moment; None when none does."""
    for key in keys:
        moment = _moment(fields.get(key), from_local)
        if moment is not None:
            return key, moment
    return None


def _unread(fields: dict[str, Any], read: set[str], from_local: FromLocal) -> dict[str, Any]:
    """``fields`` without those read into the entry (`READ`, the date keys in ``read``,
    and Joplin's "no date", `EPOCH`): what `_with_properties` keeps as lines."""
    placeholders = {
        key for key in CREATED + UPDATED if read_moment(fields.get(key), from_local) == EPOCH
    }
    return {name: value for name, value in fields.items() if name not in READ | read | placeholders}


def _offset_zone(fields: dict[str, Any], keys: tuple[str, ...]) -> str:
    """The zone of the first of ``keys`` in ``fields`` written as a time with a UTC
    offset other than 0 ("2019-05-01 16:54-07:00"), as the IANA zone of that fixed
    offset ("Etc/GMT+7": tzdata's names turn the sign round), so the entry shows the
    wall time it was written at, 16:54, as a Day One entry shows its own zone (break
    test 44, F4: it showed 23:54 in the reader's zone). "" for a time in UTC ("Z": how
    apps store a time, not where it was written), without an offset, or with one of
    minutes, which no such zone has."""
    for key in keys:
        value = fields.get(key)
        try:
            parsed = datetime.fromisoformat(value.strip()) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            continue
        offset = parsed.utcoffset()
        if not offset or offset % timedelta(hours=1):
            return ""
        behind = -int(offset / timedelta(hours=1))  # tzdata has Etc/GMT-14 to Etc/GMT+12
        return f"Etc/GMT{behind:+d}" if -14 <= behind <= 12 else ""
    return ""


def _from_name(name: str, from_local: FromLocal) -> tuple[str, datetime] | None:
    """The date a file's name gives (its words, as written there, and the moment,
    noon for a bare day), else None."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        wall = datetime(int(year), int(month), int(day), int(hour or 12), int(minute or 0))
    except ValueError:
        return None
    return match.group(0), from_local(wall)


def _tags(value: Any) -> list[str]:
    """The tags written in a front matter's ``tags`` or ``keywords`` (a list, or one
    string of them separated by commas or spaces), as written."""
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def parse_file(
    name: str, text: str, modified: datetime, from_local: FromLocal
) -> tuple[ImportedEntry, bool, bool]:
    """One Markdown file (its name, text and modification time, aware UTC).
    Returns the entry, whether its front matter could be read, and whether it gave
    a date that could be read."""
    entry, readable, dated, _own, _trashed = _read_file(name, text, modified, from_local)
    return entry, readable, dated


def _read_file(
    name: str, text: str, modified: datetime, from_local: FromLocal
) -> tuple[ImportedEntry, bool, bool, bool, bool]:
    """`parse_file`, whether the file is one of Solace's own export, and whether its
    app had put it in the trash (a ``trashed`` property, as Bear writes)."""
    fields, body, readable = split_front_matter(text)
    fields = fields or {}
    stem = name.rsplit("/", 1)[-1].removesuffix(".md").removesuffix(".markdown")
    title = fields.get("title")
    aliases = _aliases(fields.get("aliases"))
    if title is None and aliases:
        title, aliases = aliases[0], aliases[1:]
    title_text = " ".join(str(title).split()) if title is not None else stem
    first_created = _first_moment(fields, CREATED + UPDATED, from_local)
    first_updated = _first_moment(fields, UPDATED, from_local)
    dated = first_created is not None
    created: datetime | None
    if first_created:  # the date as written there is kept if it cannot be placed
        source_date, created = str(fields[first_created[0]]).strip(), first_created[1]
    else:
        source_date, created = _from_name(stem, from_local) or ("", None)
    from_file_time = created is None
    created = created or modified
    updated = first_updated[1] if first_updated else created
    tags, changed = imported_tags(_tags(fields.get("tags")) + _tags(fields.get("keywords")))
    read = {pair[0] for pair in (first_created, first_updated) if pair}
    # The aliases not taken as the title are kept as a property.
    properties = _unread({**fields, "aliases": ", ".join(aliases)}, read, from_local)
    text = _with_properties(body.lstrip("\n").rstrip(), properties)
    # A file dated only by its modification time is known by its name and words: the
    # time changes as the folder is copied or touched, and the same notes imported
    # again came in twice (issue 16, break test of session 25, F1). Words changed
    # since make it a new entry, so nothing newer is held back as "already there".
    source = hashlib.sha256(text.encode("utf-8")).hexdigest() if from_file_time else None
    entry = ImportedEntry(
        id=stable_id("markdown", name, "words", source)
        if source
        else stable_id("markdown", name, created.isoformat()),
        created_at=created,
        updated_at=max(updated, created),
        title=title_text,
        body=text,
        tags=tuple(dict.fromkeys(tags)),
        # Solace's own export names it (front_matter); a time with an offset gives one.
        zone=str(fields.get("zone") or "") or _offset_zone(fields, CREATED + UPDATED),
        file_date=modified,
        changed_tags=changed,
        source_date=source_date,
    )
    # Solace's export is known by how it says its text was escaped, not by its id
    # alone: a person who takes the id out to import a copy gets the text as typed,
    # not every backslash doubled (break test 38, finding 1). Without an id it comes
    # in as a new entry, under the id any Markdown note gets.
    own = solace_id(fields) is not None or fields.get(ESCAPED_FIELD) in ESCAPE_SCHEMES
    if own:
        entry = _as_solace_wrote_it(entry, solace_id(fields) or entry.id, fields, body, read)
    return entry, readable, dated, own, bool(fields.get(TRASHED))


#: The ``escaped`` values Solace's export has written, each read back by `_unescaped`
#: (a tuple: a value of another kind, a list, is compared, never hashed).
ESCAPE_SCHEMES = (ESCAPED_VALUE, HTML_VALUE, EARLIER_VALUE)


def _aliases(value: Any) -> list[str]:
    """The names a front matter's ``aliases`` gives (a list, or one name as Obsidian
    also writes it), as written: the first is the title of a note without a
    ``title``; the others are kept as a property line (`_with_properties`)."""
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    return [] if value in (None, "") else [str(value)]


#: Front-matter properties read into any note's entry (its title, tags and zone), and
#: `TRASHED`, which marks a note its app had put in the trash. The date keys read are
#: left out too, and the aliases taken as the title (`_read_file`). What else a note
#: holds comes in as lines after its text (`_with_properties`): its other aliases, a
#: date that could not be read, or a second one, and ``id``, ``mood``, ``feelings``
#: and ``shared``, which only Solace's own export is read for (its text is then its
#: own, `_as_solace_wrote_it`). Each was lost without a word (break test 53, F1).
TRASHED = "trashed"
READ = frozenset({"title", "tags", "keywords", "zone", TRASHED})


def _with_properties(body: str, fields: dict[str, Any]) -> str:
    """``body`` with the front matter's properties not read (`_unread`: "Author",
    "Status", a Joplin note's "source") after it, one "Name: value" line each, as
    RedNotebook's categories come in: they were lost without a word (break test 16
    of session 11, finding 2; a note holding only properties came in empty)."""
    lines = []
    for name, value in fields.items():
        if value in (None, ""):
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"{name}: {shown}")
    return "\n\n".join(part for part in (body, "\n".join(lines)) if part)


def solace_id(fields: dict[str, Any]) -> str | None:
    """The entry id Solace's own export wrote in the front matter (a UUID), else None."""
    value = fields.get("id")
    if not isinstance(value, str):
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


#: What Solace's own export writes in a note's front matter (`export.front_matter`).
OWN_FIELDS = frozenset(
    {"title", "date", "updated", "zone", "mood", "feelings", "tags", "shared", "id"}
    | {ESCAPED_FIELD}
)


def _as_solace_wrote_it(
    entry: ImportedEntry, own_id: str, fields: dict[str, Any], body: str, read: set[str]
) -> ImportedEntry:
    """``entry`` read as Solace's export wrote it (`storage.safekeeping.export`): the
    front matter's title, its ``# Title`` line taken off the text, the text exactly
    as it was (the export adds one line break at its end), mood, feelings, shared and
    the whole list of tags. The text, escaped by the scheme its ``escaped`` field names
    (`shown_html`), is read back as typed. Any other property (a line added by hand,
    or a note of another app whose ``id`` is a UUID), and a date not read (``read``:
    the date keys the entry's dates came from), comes in as a line after the text, as
    in any note (re-test 53, R2: they were dropped)."""
    title = str(fields.get("title") or "")
    if title and body.startswith(f"# {inline_markdown(title)}\n"):
        body = body.removeprefix(f"# {inline_markdown(title)}\n").removeprefix("\n")
    body = body.removesuffix("\n")
    mood = fields.get("mood")
    listed = [fields.get("feelings"), fields.get("tags")]
    feelings, tags = ([str(v) for v in x] if isinstance(x, list) else [] for x in listed)
    return replace(
        entry,
        id=own_id,
        title=title,
        body=_with_properties(
            _unescaped(body, fields.get(ESCAPED_FIELD)),
            {
                name: value
                for name, value in fields.items()
                if name not in (OWN_FIELDS - {"date", "updated"}) | read | {TRASHED}
            },
        ),
        tags=tuple(tags),
        feelings=tuple(feelings),
        mood=int(mood) if isinstance(mood, str) and mood.isascii() and mood.isdigit() else None,
        shared=str(fields.get("shared")).lower() == "true",  # every scalar is read as text
    )


def parse_files(files: Iterable[tuple[str, str, datetime]], from_local: FromLocal) -> ImportPlan:
    """Markdown files as (relative name, text, modification time). Raises
    `ImportRefused` when there is none."""
    entries: list[ImportedEntry] = []
    unreadable: list[str] = []
    undated: list[str] = []  # dated by the file's last change
    named: list[str] = []  # dated by the date in the file's name
    binned: list[str] = []  # in the trash of the app they came from
    cut: list[str] = []  # front matter opened and never closed: the end may be missing
    own = True  # every file is one of Solace's own export: the tags are whole lists
    for name, text, modified in sorted(files):
        entry, readable, dated, from_solace, trashed = _read_file(name, text, modified, from_local)
        if trashed:  # deleted in its app: left out, named (break test 16, session 11, 2)
            binned.append(name)
            continue
        own = own and from_solace
        entries.append(entry)
        if unclosed_front_matter(text):
            cut.append(name)
        if not readable:
            unreadable.append(name)
        if not dated and entry.created_at == as_utc(modified):
            undated.append(name)
        elif not dated:
            named.append(name)
    if not entries and binned:
        which = "This note was" if len(binned) == 1 else "Every note there was"
        raise ImportRefused(
            f"{which} in the trash of the app it came from (a \u201c{TRASHED}\u201d "
            "property), so nothing would be imported."
        )
    if not entries:
        raise ImportRefused("No Markdown files (.md) were found there.")
    notes: list[str] = []
    if binned:
        notes.append(
            f"{count(len(binned), 'note was', 'notes were')} in the trash of the app "
            f"{'it' if len(binned) == 1 else 'they'} came from and "
            f"{'is' if len(binned) == 1 else 'are'} left out: {', '.join(binned)}."
        )
    if unreadable:
        notes.append(
            f"The front matter of {count(len(unreadable), 'file', 'files')} could not be "
            "read, so it is kept in the text and the date comes from the file: "
            f"{', '.join(unreadable)}."
        )
    # Break test 16 of session 11, finding 3: "the date of the file itself" did not say
    # that it is when the file was last changed, which for copied notes is today.
    if named:
        notes.append(
            f"{count(len(named), 'file has', 'files have')} no date Solace can read inside, "
            f"so the date in the file name is used: {', '.join(named)}."
        )
    if undated:
        one = len(undated) == 1
        have, its, are = ("has", "its", "it is") if one else ("have", "their", "they are")
        notes.append(
            f"{count(len(undated), 'file', 'files')} {have} no date of {its} own, "
            f"so {are} dated by when the file was last changed, which may be when it was "
            f"copied rather than when it was written: {', '.join(undated)}."
        )
    for name in cut:  # kept whole as text, the opening --- and all: nothing is lost
        notes.append(
            end_missing_note(
                name,
                "its front matter opens with --- and is never closed",
                "the note, kept as text with its front matter,",
            )
        )
    return ImportPlan(SOURCE, tuple(entries), tuple(notes), whole_tags=own)


def unclosed_front_matter(text: str) -> bool:
    """Whether ``text`` opens a front matter block (a first line ``---``) that no later
    ``---`` or ``...`` line closes: a note cut short inside it (break test 16 of session
    15, finding 4: its fields, a trash mark among them, came in as the note's text)."""
    return _OPENED.match(text) is not None and _FRONT.match(text) is None


_OPENED = re.compile(r"\A---[ \t]*\r?\n")


def _unescaped(body: str, escaped: object) -> str:
    """``body`` as typed, by the scheme the front matter's ``escaped`` names
    (`shown_html`): "punctuation as text outside code" (since session 20's second
    break test), "html outside code" (session 20), "html" (code blocks escaped too,
    before), or none (a file Solace did not write)."""
    if escaped == ESCAPED_VALUE:
        return as_typed(body)
    if escaped == HTML_VALUE:
        return html_typed(body)
    if escaped == EARLIER_VALUE:
        return html_typed(body, blocks_verbatim=False)
    return body

"""jrnl journals: its JSON export (``jrnl --format json``) and its plain-text file.

jrnl writes wall-clock times without a zone, so they are read as the person's local
time (``from_local``), which keeps every entry on the day it shows in jrnl. A title
ending in `` *`` is starred (kept as the tag "starred"); ``@tags`` and ``#tags``
become tags without their mark. Ids are derived from the date, time, title and body (and the
order of identical ones), so importing the same journal twice adds nothing.

Text format (jrnl 2 to 4): each entry starts with ``[YYYY-MM-DD HH:MM] Title`` on
its own line (``[YYYY-MM-DD HH:MM:SS AM]`` and the bracketless 1.x form are read
too); everything up to the next such line is its body. A line starting with ``[``
that is not a whole date stays in the body.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any

from journal.domain.common.words import shorten
from journal.domain.entries.tags import hashtags_in_order, normalise_tag
from journal.domain.safekeeping.imported import (
    NO_SUCH_DATE,
    ImportedEntry,
    ImportPlan,
    ImportRefused,
    end_missing_note,
    ends_its_last_line,
    imported_tags,
    left_out_note,
    missing_words,
    not_written_words,
    read_json,
    stable_id,
    why_not_a_date,
    written_wall,
)

SOURCE_JSON = "a jrnl export"
SOURCE_TEXT = "a jrnl journal"
_HEADER = re.compile(
    r"^(\[)?(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?(?: ?([AaPp][Mm]))?(?(1)\]) (.*)$"
)
# A line that starts like an entry's header, with a date jrnl would not have written
# ("[2019-07 14:23] The third entry"): kept in the text, and named in the preview.
_NEAR_HEADER = re.compile(r"^\[\d{1,4}[-/.]\d{1,2}[^\]\n]{0,20}\] ")
# An @tag; the half-space (ZWNJ) inside one is part of it, as in a #tag (غم‌ها, not غم).
_TAG = re.compile(r"(?<![\w@.])@([\w][\w\u200c/+#.-]*[\w+#]|[\w])")

FromLocal = Callable[[datetime], datetime]
PROGRESS_EVERY = 1000  # entries between two calls of a parse's ``progress``


def looks_like(document: Any) -> bool:
    """True when a parsed JSON document has jrnl's export shape: a dict with an `entries`
    list whose first item has date, time, title and body."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return False
    first = document["entries"][0] if document["entries"] else {}
    return isinstance(first, dict) and {"date", "time", "title", "body"} <= set(first)


def _wall(day: str, clock: str, meridiem: str | None = None) -> datetime:
    moment = datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M")
    if meridiem:
        hour = moment.hour % 12 + (12 if meridiem.lower() == "pm" else 0)
        moment = moment.replace(hour=hour)
    return moment


def _tags(*texts: str) -> tuple[str, ...]:
    """The tags of ``texts`` (an entry's title and body) by jrnl's two default marks
    (its ``tagsymbols`` is "#@"): each ``@tag`` and each ``#tag``, once, in order. A
    ``#tag`` in the title was lost, since Solace reads those of the body only
    (re-test 51, N4)."""
    found = [normalise_tag(m) for text in texts for m in _TAG.findall(text)]
    found += [tag for text in texts for tag in hashtags_in_order(text)]
    return tuple(dict.fromkeys(t for t in found if t))


def _make(
    wall: datetime | str,
    title: str,
    body: str,
    tags: tuple[str, ...],
    starred: bool,
    seen: Counter[str],
    from_local: FromLocal,
    given_id: str = "",
) -> ImportedEntry:
    """The entry written at ``wall`` (naive local time), or, when ``wall`` is the date
    as written and is no date ("2024-02-30 10:00"), one dated by its file with that
    date kept with its words (`fitting`)."""
    moment = NO_SUCH_DATE if isinstance(wall, str) else from_local(wall)
    key = "\x1f".join((wall if isinstance(wall, str) else wall.isoformat(), title, body))
    seen[key] += 1
    entry_id = stable_id("jrnl", given_id) if given_id else stable_id("jrnl", key, str(seen[key]))
    if starred:
        tags = (*tags, "starred")
    return ImportedEntry(
        id=entry_id,
        created_at=moment,
        updated_at=moment,
        title=title,
        body=body,
        tags=tuple(dict.fromkeys(tags)),
        starred=starred,
        written_date=wall if isinstance(wall, str) else "",
        source_date="" if isinstance(wall, str) else written_wall(wall),
    )


def parse_json(
    text: str, from_local: FromLocal, progress: Callable[[int, int], None] | None = None
) -> ImportPlan:
    """A ``jrnl --format json`` export. An entry whose date or time is no moment
    ("2024-02-30") comes in dated by the file, its date as written kept with its words
    (`fitting`); one that cannot be read at all is left out and named in the preview;
    the others come in (break test 16 of session 10, finding 6). ``progress(done,
    total)`` is called every `PROGRESS_EVERY` entries read. Raises `ImportRefused`
    when the file is not such an export, or when none of its entries can be read."""
    document = read_json(text)
    if not looks_like(document):
        raise ImportRefused("The file is not a jrnl JSON export.")
    seen: Counter[str] = Counter()
    entries = []
    unread: list[str] = []
    total = len(document["entries"])
    for number, raw in enumerate(document["entries"], start=1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, total)
        try:
            entries.append(_json_entry(raw, seen, from_local))
        except (KeyError, TypeError, ValueError, AttributeError):
            unread.append(f"entry {number}{_named(raw)}: {_why_json(raw)}")
    if not entries and unread:
        raise ImportRefused(
            "None of the entries in this jrnl export could be read: " + "; ".join(unread[:3]) + "."
        )
    notes = (left_out_note(unread),) if unread else ()
    return ImportPlan(SOURCE_JSON, tuple(entries), notes)


def _json_entry(raw: Any, seen: Counter[str], from_local: FromLocal) -> ImportedEntry:
    title, body = str(raw.get("title") or ""), str(raw.get("body") or "")
    listed, changed = imported_tags(str(t).lstrip("@") for t in raw.get("tags") or ())
    day, clock = raw["date"], raw["time"]
    if not isinstance(day, str) or not isinstance(clock, str):
        raise TypeError("the date or time is not text")
    try:
        wall: datetime | str = _wall(day, clock)
    except ValueError:  # no such day or time: the words come in all the same
        wall = f"{day} {clock}"
    entry = _make(
        wall,
        title,
        body.rstrip("\n"),
        tuple(dict.fromkeys([*listed, *_tags(title, body)])),
        bool(raw.get("starred")),
        seen,
        from_local,
        str(raw.get("uuid") or ""),
    )
    return dataclasses.replace(entry, changed_tags=changed) if changed else entry


def _named(raw: Any) -> str:
    """``, “Title”`` for an entry with a title, else ""."""
    title = raw.get("title") if isinstance(raw, dict) else None
    return f", \u201c{shorten(str(title), 60, at_space=False)}\u201d" if title else ""


def _why_json(raw: Any) -> str:
    if not isinstance(raw, dict):
        return "it is not an entry"
    said = missing_words(raw, ("date", "date"), ("time", "time"))
    said = said or not_written_words(raw["date"], "date") or not_written_words(raw["time"], "time")
    return said or why_not_a_date(raw["date"], raw["time"]) or "one of its fields cannot be read"


def parse_text(text: str, from_local: FromLocal) -> ImportPlan:
    """A jrnl plain-text journal. An entry whose header has an impossible date
    ("[2024-02-30 10:00]") comes in dated by the file, that date kept with its words
    (`fitting`; break test 16 of session 10, finding 6: one such date refused the whole
    journal; break test 44, F1: then it was left out, words and all). Raises
    `ImportRefused` when no entry can be read."""
    seen: Counter[str] = Counter()
    entries: list[ImportedEntry] = []
    current: tuple[datetime | str, str] | None = None
    lines: list[str] = []
    folded: list[str] = []  # lines like a header whose date cannot be read
    last_header = ""  # the header line of the entry read last

    def close() -> None:
        if current is None:
            return
        wall, title = current
        starred = title.endswith(" *") or title == "*"
        title = title[:-2].rstrip() if title.endswith(" *") else title
        body = "\n".join(lines).strip("\n")
        entries.append(_make(wall, title, body, _tags(title, body), starred, seen, from_local))

    for line in text.splitlines():
        match = _HEADER.match(line)
        wall = None
        if match:
            try:
                wall = _wall(match.group(2), match.group(3), match.group(4))
            except ValueError:
                wall = None
        if match and wall is not None:
            close()
            current, lines = (wall, match.group(5).strip()), []
            last_header = line
        elif match and why_not_a_date(match.group(2), match.group(3)):
            close()  # a whole header with an impossible date: dated by the file
            written = " ".join(p for p in match.group(2, 3, 4) if p)
            current, lines = (written, match.group(5).strip()), []
            last_header = line
        elif current is not None:
            if match or _NEAR_HEADER.match(line):
                folded.append(line.strip())
            lines.append(line)
        elif line.strip():
            raise ImportRefused(_not_read(line))
    close()
    if not entries:
        raise ImportRefused(
            "No entries were found: jrnl entries start with their date and time as "
            "[YYYY-MM-DD HH:MM], and no line here does."
        )
    notes = _folded_note(folded)
    if len(entries) > 1 and not ends_its_last_line(text) and current is not None:
        # jrnl ends every entry with a new line: a last line without one was cut.
        header = shorten(last_header.strip(), 60, at_space=False)
        notes += (
            end_missing_note(
                "",
                "it stops in the middle of a line, and jrnl ends every entry with a new line",
                f"its last entry, \u201c{header}\u201d,",
            ),
        )
    return ImportPlan(SOURCE_TEXT, tuple(entries), notes)


def _folded_note(folded: list[str]) -> tuple[str, ...]:
    """The preview's sentence on lines that look like an entry's start but whose date
    cannot be read (break test 16, S5: they were folded into the entry before, unsaid)."""
    if not folded:
        return ()
    shown = ", ".join(f"“{shorten(line, 60, at_space=False)}”" for line in folded[:3])
    more = f" and {len(folded) - 3} more" if len(folded) > 3 else ""
    lines = "line looks" if len(folded) == 1 else "lines look"
    return (
        f"{len(folded)} {lines} like the start of an entry, but the date is not one "
        f"jrnl writes ([YYYY-MM-DD HH:MM]), so {'it is' if len(folded) == 1 else 'they are'} "
        f"kept in the text of the entry before: {shown}{more}.",
    )


#: A first line dated in another order than jrnl's default, set by jrnl's own
#: ``timeformat`` ("[09.06.2013 15:39]", "[06/09/2013 03:39 PM]"): the file does not
#: say which order, so it is named, never guessed (break test 16 of session 20, L7).
_OTHER_ORDER = re.compile(r"\s*\[(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}[ T]\d{1,2}:\d{2}[^\]]{0,12})\]")


def _not_read(line: str) -> str:
    """Why a jrnl text file whose first line is ``line`` is refused: a jrnl journal
    with its dates in another order (jrnl's ``timeformat``) is named as one, with the
    date found, the form expected and how to get a file Solace reads; else that it does
    not look like a jrnl journal."""
    other = _OTHER_ORDER.match(line)
    if other is None:
        return (
            "This does not look like a jrnl journal: each entry should start with its date "
            "and time as [YYYY-MM-DD HH:MM]."
        )
    return (
        f"This jrnl journal writes its dates as [{other.group(1)}] (jrnl's timeformat "
        "setting), and the order of day, month and year cannot be told from the file. "
        "Solace reads jrnl's own form, [YYYY-MM-DD HH:MM]. jrnl can write a file Solace "
        "reads: jrnl --format json > journal.json, then import that file."
    )

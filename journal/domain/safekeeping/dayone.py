"""Day One JSON exports (the ``.zip`` Day One writes, or the JSON inside it).

Each entry: ``uuid``; ``creationDate`` in UTC (``2024-04-16T23:00:00Z``) with the
entry's IANA ``timeZone`` (an all-day entry sits at local midnight there);
``modifiedDate``; ``text`` in Markdown with punctuation escaped by a backslash
(``\\.``, ``\\-``, ``\\(``), which is undone; ``tags``; ``starred`` (kept as the tag
"starred", Solace having no stars). Photos, videos, audio and PDFs are not
imported (Solace keeps words only); their links are taken out of the text and the
preview says how many were left. An entry whose text is not text is left out,
and the preview says so; one whose date cannot be read comes in dated by the file,
its date as written kept with its words (`fitting`). Format as written by Day One 2
on iOS, macOS and Android (``metadata.version`` "1.0" or a year-based version such
as "2024.14").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from journal.domain.common.json_text import loads
from journal.domain.common.local_time import as_utc
from journal.domain.safekeeping.imported import (
    ImportedEntry,
    ImportPlan,
    ImportRefused,
    dated,
    dated_or,
    imported_tags,
    left_out_note,
    missing_words,
    not_written_words,
    read_json,
    stable_id,
    why_not_a_date,
)
from journal.domain.safekeeping.zipped import MAX_MEMBER_BYTES, read_members, too_large_words

SOURCE = "a Day One export"
# CommonMark's escapable ASCII punctuation: a backslash before any of these is an escape.
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_MEDIA_LINK = re.compile(r"!\[[^\]]*\]\(dayone-moment:[^)]*\)")
# A photo that was a paragraph of its own (the blank line before it goes with it), then
# one alone on its line (its line break goes with it): taken out, they left two or three
# blank lines where one stood between the paragraphs around them (break test 43, F5).
_MEDIA_PARAGRAPH = re.compile(rf"\n\n{_MEDIA_LINK.pattern}(?=\n\n|\n*\Z)")
_MEDIA_LINE = re.compile(rf"^{_MEDIA_LINK.pattern}(?:\n|\Z)", re.MULTILINE)
_MEDIA_KEYS = ("photos", "videos", "audios", "pdfAttachments")
_ATTACHMENT = "\ufffc"  # where an attachment sat in the text
MAX_ZIP_MEMBER_BYTES = MAX_MEMBER_BYTES


def looks_like(document: Any) -> bool:
    """True when a parsed JSON document has Day One's shape: a dict with an `entries` list
    and a `metadata` dict."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("entries"), list)
        and isinstance(document.get("metadata"), dict)
    )


def unescape(text: str) -> str:
    """Day One's Markdown with its backslash escapes undone (``\\.`` -> ``.``)."""
    return _ESCAPE.sub(r"\1", text)


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return as_utc(moment)  # held at the calendar's end; `fitting` names such a date


def parse_document(document: Any) -> ImportPlan:
    """The plan for a parsed Day One JSON document. Raises `ImportRefused`."""
    if not looks_like(document):
        raise ImportRefused("The file is not a Day One JSON export.")
    entries: list[ImportedEntry] = []
    media = 0
    unread: list[str] = []
    for number, raw in enumerate(document["entries"], start=1):
        try:
            entry, links = _entry(raw)
        except (KeyError, TypeError, ValueError, AttributeError):
            unread.append(f"entry {number}{_named(raw)}: {_why(raw)}")
            continue
        entries.append(entry)
        media += max(links, sum(len(raw.get(k) or ()) for k in _MEDIA_KEYS))
    notes: list[str] = []
    if media:
        notes.append(media_note(media))
    if unread:
        notes.append(left_out_note(unread))
    if not entries and unread:
        raise ImportRefused(
            "None of the entries in this Day One export could be read: "
            + "; ".join(unread[:3])
            + "."
        )
    return ImportPlan(SOURCE, tuple(entries), tuple(notes))


def media_note(count: int) -> str:
    """The preview's words on ``count`` photos, recordings and PDFs left behind (break
    test 44, F7: "… not imported (Solace keeps words): 30." ended on its number)."""
    what = "photo, recording or PDF" if count == 1 else "photos, recordings and PDFs"
    verb = "is" if count == 1 else "are"
    return f"{count:,} {what} in the export {verb} not brought in: Solace keeps only the words."


def _named(raw: Any) -> str:
    """``, uuid 1A2B3C4D…`` for an entry that has its uuid, else ""."""
    uid = raw.get("uuid") if isinstance(raw, dict) else None
    return f", uuid {str(uid)[:8]}\u2026" if uid else ""


def _why(raw: Any) -> str:
    """Why a Day One entry cannot be read, in plain words."""
    if not isinstance(raw, dict):
        return "it is not an entry"
    if not isinstance(raw.get("text", ""), str):
        return "its text is not text"
    said = missing_words(raw, ("creationDate", "date"), ("uuid", "uuid"))
    day = raw.get("creationDate")
    said = said or not_written_words(day, "date")
    said = said or why_not_a_date(str(day)[:10], str(day)[11:16])
    return said or "one of its fields cannot be read"


def _without_media(text: str) -> str:
    """Day One's ``text`` without its links to photos, recordings and PDFs (not
    imported): a link that was a paragraph or a line of its own goes with the blank line
    or the line break that set it apart, so the paragraphs around it keep one blank line
    between them. The object replacement character (U+FFFC) Day One leaves where an
    attachment sat goes too: it came in as a box or nothing before a paragraph's first
    word (re-test 43, N7). The rest of the text is left exactly as it was."""
    for pattern in (_MEDIA_PARAGRAPH, _MEDIA_LINE, _MEDIA_LINK):
        text = pattern.sub("", text)
    return text.replace(_ATTACHMENT, "")


def _entry(raw: dict[str, Any]) -> tuple[ImportedEntry, int]:
    text = raw.get("text", "")
    if not isinstance(text, str):
        raise TypeError("text is not text")
    created, written = dated(raw["creationDate"], _moment)
    modified = dated_or(raw.get("modifiedDate"), _moment, created)
    links = len(_MEDIA_LINK.findall(text))
    body = unescape(_without_media(text)).strip("\n")
    tags, changed = imported_tags(raw.get("tags") or ())
    if raw.get("starred"):
        tags.append("starred")
    entry = ImportedEntry(
        id=stable_id("dayone", str(raw["uuid"])),
        created_at=created,
        updated_at=max(modified, created),
        title="",
        body=body,
        tags=tuple(dict.fromkeys(tags)),
        starred=bool(raw.get("starred")),
        changed_tags=changed,
        zone=str(raw.get("timeZone") or ""),
        written_date=written,
        # As the file wrote it: made again from the moment in the entry's zone, year 1
        # at 00:00 UTC read 10:04 in Sydney's old local mean time (re-test 53, R3).
        source_date=str(raw["creationDate"]),
    )
    return entry, links


def parse_json(text: str) -> ImportPlan:
    """The plan for one Day One journal JSON file (its text). Raises `ImportRefused` when it
    is not valid JSON or not Day One's."""
    document = read_json(text)
    return parse_document(document)


def _journal_json(name: str) -> bool:
    """Whether the zip member ``name`` may be a journal's JSON: at the archive's root,
    as Day One writes it, or in a folder, as an export folder zipped by hand is
    (macOS's Compress: "Export/Journal.json"; break test 53, F5: refused, said to hold
    no journal), never in the copies macOS keeps beside it (``__MACOSX``)."""
    return name.lower().endswith(".json") and not name.startswith("__MACOSX/")


def parse_zip(data: bytes) -> ImportPlan:
    """A Day One export zip: every journal JSON in it (its name does not matter), read
    within `zipped`'s bounds (`MAX_ZIP_MEMBER_BYTES` each, `zipped.MAX_TOTAL_BYTES` in
    all). Raises `ImportRefused` for a zip with no Day One journal, or too large."""
    members = read_members(data, _journal_json, max_member=MAX_ZIP_MEMBER_BYTES)
    entries: list[ImportedEntry] = []
    notes: list[str] = []
    found = False
    for _name, raw in members.found:
        try:
            document = loads(raw.decode("utf-8-sig"))
        except ValueError:
            continue
        if looks_like(document):
            found = True
            plan = parse_document(document)
            entries += plan.entries
            notes += plan.notes
    if not found and members.too_large:  # break test 16, S8: it was said to hold no journal
        name, size = max(members.too_large, key=lambda member: member[1])
        raise ImportRefused(too_large_words(name, size, MAX_ZIP_MEMBER_BYTES))
    if not found:
        raise ImportRefused("The zip archive holds no Day One journal (a JSON file of entries).")
    return ImportPlan(SOURCE, tuple(entries), tuple(dict.fromkeys(notes)))

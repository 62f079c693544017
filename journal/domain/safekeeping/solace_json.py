"""Reading Solace's own export (``journal.json``, format ``solace-export`` 1) back.

Entries keep their ids, so importing into the journal they came from, or twice,
adds nothing; the other tables come along as rows for the importer to merge, except
the journal's own settings (``journal_settings``: what is shared with a partner, the
names shown, the body log switch): an import never changes what this journal shares
or how it is set up; those stay choices made here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
    why_not_a_date,
)

FORMAT = "solace-export"
FORMAT_VERSION = 1
SETTINGS_TABLE = "journal_settings"
SETTINGS_LEFT_OUT = (
    "The settings saved in the file (such as what was shared with a partner) are left "
    "out: this journal keeps its own."
)


def looks_like(document: Any) -> bool:
    """True when a parsed JSON document says it is Solace's own export (its `format` field)."""
    return isinstance(document, dict) and document.get("format") == FORMAT


def parse(text: str, *, keep_settings: bool = False) -> ImportPlan:
    """The plan for a ``journal.json``. Its settings are left out (with a note) unless
    ``keep_settings`` (a rescue, which brings a journal's own records into its new
    copy). Raises `ImportRefused` for anything that is not a Solace export."""
    document = read_json(text)
    if not looks_like(document):
        raise ImportRefused("The file is not a Solace export.")
    if document.get("version") != FORMAT_VERSION:
        raise ImportRefused("The file comes from a newer Solace; please update Solace first.")
    try:
        listed = list(document["entries"])
        tables = {str(k): list(v) for k, v in dict(document.get("tables", {})).items()}
    except (KeyError, TypeError, ValueError) as error:
        raise ImportRefused("The file is a Solace export, but parts of it are damaged.") from error
    entries: list[ImportedEntry] = []
    unread: list[str] = []
    for number, raw in enumerate(listed, start=1):
        try:  # one entry that cannot be read leaves out that entry, never the file
            entries.append(_entry(raw))
        except (KeyError, TypeError, ValueError, AttributeError):
            unread.append(f"entry {number}: {_why(raw)}")
    if unread and not entries and not any(tables.values()):
        raise ImportRefused(
            "The file is a Solace export, but none of its entries could be read: "
            + "; ".join(unread[:3])
            + "."
        )
    notes: list[str] = [left_out_note(unread)] if unread else []
    if not keep_settings and tables.pop(SETTINGS_TABLE, []):
        notes.append(SETTINGS_LEFT_OUT)
    return ImportPlan("a Solace export", tuple(entries), tuple(notes), tables, whole_tags=True)


def _why(raw: Any) -> str:
    """Why an entry of a Solace export cannot be read, in plain words."""
    if not isinstance(raw, dict):
        return "it is not an entry"
    said = missing_words(raw, ("id", "id"), ("created_at", "date"))
    said = said or not_written_words(raw["created_at"], "date")
    day = str(raw["created_at"])
    said = said or why_not_a_date(day[:10], day[11:16])
    return said or "its date or another field cannot be read"


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return as_utc(moment)  # held at the calendar's end; `fitting` names such a date


def _entry(data: dict[str, Any]) -> ImportedEntry:
    mood = data.get("mood")
    # Tags by the rule every importer follows (`imported_tags`): a tag Solace wrote
    # comes back as it was; one a hand-edited file holds ("a b/c") is renamed and said
    # (break test 16 of session 11, finding 9: it came in as no tag field can make it).
    tags, changed = imported_tags(data.get("tags") or ())
    created, written = dated(data["created_at"], _moment)
    updated = dated_or(data.get("updated_at"), _moment, created)
    return ImportedEntry(
        id=str(data["id"]),
        created_at=created,
        updated_at=updated,
        written_date=written,
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        tags=tuple(tags),
        changed_tags=changed,
        feelings=tuple(str(f) for f in data.get("feelings") or ()),
        mood=int(mood) if mood is not None else None,
        shared=bool(data.get("shared")),
        prompt_id=str(data["prompt_id"]) if data.get("prompt_id") else None,
        zone=str(data.get("zone") or ""),
    )

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
    read_json,
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
        entries = tuple(_entry(e) for e in document["entries"])
        tables = {str(k): list(v) for k, v in dict(document.get("tables", {})).items()}
    except (KeyError, TypeError, ValueError) as error:
        raise ImportRefused("The file is a Solace export, but parts of it are damaged.") from error
    notes: tuple[str, ...] = ()
    if not keep_settings and tables.pop(SETTINGS_TABLE, []):
        notes = (SETTINGS_LEFT_OUT,)
    return ImportPlan("a Solace export", entries, notes, tables, whole_tags=True)


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return as_utc(moment)  # held at the calendar's end; `fitting` names such a date


def _entry(data: dict[str, Any]) -> ImportedEntry:
    mood = data.get("mood")
    return ImportedEntry(
        id=str(data["id"]),
        created_at=_moment(data["created_at"]),
        updated_at=_moment(data.get("updated_at") or data["created_at"]),
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        tags=tuple(str(t) for t in data.get("tags") or ()),
        feelings=tuple(str(f) for f in data.get("feelings") or ()),
        mood=int(mood) if mood is not None else None,
        shared=bool(data.get("shared")),
        prompt_id=str(data["prompt_id"]) if data.get("prompt_id") else None,
        zone=str(data.get("zone") or ""),
    )

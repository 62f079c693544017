"""Imported entries made to fit what one Solace entry is, with no word dropped.

Whatever a file holds, an import either takes each entry whole or says why not,
before anything is written (break test 16, N3: one 8.8 MB Markdown file made the
whole folder fail at Import, after a preview that said all was well):

- an id that is not a UUID (a Solace export edited by hand, or a hostile one) is
  replaced by a UUID 5 derived from it, so importing the file twice still adds
  nothing;
- a text longer than an entry can hold (`MAX_BODY_CHARS`, 2,000,000 characters)
  comes in as several entries, in order, each "(part n of k)", cut at a line break
  (else a space) and never inside a character.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from journal.domain.entries.entry import MAX_BODY_CHARS, make_headline
from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan, stable_id

__all__ = ["fitted", "is_uuid", "split_text"]


def fitted(plan: ImportPlan, limit: int = MAX_BODY_CHARS) -> ImportPlan:
    """``plan`` with every entry as Solace can keep it (see the module's rules), and
    a note for each entry that was split. ``limit`` is the most characters a part's
    text may hold."""
    entries: list[ImportedEntry] = []
    notes: list[str] = []
    for entry in plan.entries:
        if not is_uuid(entry.id):
            entry = replace(entry, id=stable_id("solace id", entry.id))
        parts = split_text(entry.body, limit)
        if len(parts) == 1:
            entries.append(entry)
            continue
        name = make_headline(entry.title, entry.body[:2000])
        notes.append(
            f"“{name[:60]}” ({len(entry.body):,} characters) is longer than one entry can "
            f"hold, so it comes in as {len(parts)} entries, in order; no word is left out."
        )
        for n, text in enumerate(parts, start=1):
            title = f"{entry.title} (part {n} of {len(parts)})".strip()
            part_id = entry.id if n == 1 else stable_id(entry.id, f"part {n}")
            entries.append(replace(entry, id=part_id, title=title, body=text))
    if not notes and entries == list(plan.entries):
        return plan
    return replace(plan, entries=tuple(entries), notes=plan.notes + tuple(notes))


def split_text(text: str, limit: int) -> list[str]:
    """``text`` cut into parts of at most ``limit`` characters whose concatenation is
    ``text`` exactly: each cut just after the last line break in reach, else after the
    last space, else at the limit (a Python ``str`` holds whole code points, so no
    cut falls inside one)."""
    parts: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or limit
        parts.append(text[:cut])
        text = text[cut:]
    parts.append(text)
    return parts


def is_uuid(value: str) -> bool:
    """Whether ``value`` is a UUID in any of the forms `uuid.UUID` reads."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True

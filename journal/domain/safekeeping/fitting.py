"""Imported entries made to fit what one Solace entry is, with no word dropped.

Whatever a file holds, an import either takes each entry whole or says why not,
before anything is written (break test 16, N3: one 8.8 MB Markdown file made the
whole folder fail at Import, after a preview that said all was well):

- an id that is not a UUID (a Solace export edited by hand, or a hostile one) is
  replaced by a UUID 5 derived from it, so importing the file twice still adds
  nothing;
- a text longer than an entry can hold (`MAX_BODY_CHARS`, 2,000,000 characters)
  comes in as several entries, in order, each "(part n of k)", cut at a line break
  (else a space) and never inside a character;
- a date Solace cannot place (`_in_years`: on a day before 1900 or after next year
  where it was written, such as a typed 9999 or a placeholder year 1; break test 16,
  findings 6 and 7: one such date failed a whole folder, or, once imported, every
  unlock east of UTC), or
  no date at all ("2024-02-30", `imported.NO_SUCH_DATE`), is named in the preview,
  and the entry comes in dated as its file is (the Markdown file's, else the chosen
  file's modification time, else now), with its date as its file wrote it
  (`ImportedEntry.source_date`, else made from the moment) on a line of its own
  after its words (`WRITTEN_DATE`; break test 44, F1 and F2: such an entry was left
  out, or its date was nowhere once the preview closed); the other entries come in
  as they are;
- a control character in another app's title or text (a NUL, an escape code) comes
  in as a visible mark, said in the preview (`controls`); Solace's own export comes
  back exactly as written;
- two entries of one file with one id (two Day One entries with one uuid, a Solace
  export edited by hand) each come in, the earlier by its date keeping the id, the
  other with one derived from it and what it holds (`one_id_each`); one that shows
  the same as an earlier one comes in once, said in the preview. Before, the later
  was left out and the preview called it "already in your journal" (break test 46,
  F2).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date, datetime

from journal.domain.common.ids import is_uuid
from journal.domain.common.local_time import (
    EARLIEST_YEAR,
    known_zone,
    now_utc,
    placeable,
    to_local,
    today_local,
)
from journal.domain.common.words import count, shorten
from journal.domain.entries.entry import MAX_BODY_CHARS, make_headline
from journal.domain.safekeeping.controls import controls_note, has_controls, shown
from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan, stable_id

MAX_NAMED = 5  # entries named in the note on dates that cannot be placed; "and N more"
#: The line after the words of an entry whose date could not be placed: the date its
#: file gave, as written there (as RedNotebook's categories come in, "Name: value").
WRITTEN_DATE = "Date in the imported file: {}"

__all__ = ["fitted", "one_id_each", "split_text"]


def fitted(
    plan: ImportPlan,
    limit: int = MAX_BODY_CHARS,
    file_date: datetime | None = None,
    today: date | None = None,
) -> ImportPlan:
    """``plan`` with every entry as Solace can keep it (see the module's rules), and
    a note for each entry that was split and one naming the dates that could not be
    placed. ``limit`` is the most characters a part's text may hold; ``file_date``
    (aware UTC) is when the chosen file was last changed, the date an entry whose own
    cannot be placed is given when it has no file of its own; ``today`` is the
    person's day (now when None), for the range of `placeable`."""
    entries: list[ImportedEntry] = []
    notes: list[str] = []
    unplaced: list[str] = []  # dates Solace cannot place
    undated: list[str] = []  # dates no calendar has (`imported.NO_SUCH_DATE`)
    marked = 0  # entries whose control characters come in as visible marks
    each, repeated = one_id_each(plan.entries)
    if repeated:
        notes.append(_repeated_note(repeated))
    for entry in each:
        if not plan.whole_tags and (has_controls(entry.title) or has_controls(entry.body)):
            entry = replace(entry, title=shown(entry.title), body=shown(entry.body))
            marked += 1
        if not is_uuid(entry.id):
            entry = replace(entry, id=stable_id("solace id", entry.id))
        if not _in_years(entry.created_at, entry.zone, today):
            written = entry.written_date or entry.source_date or _say_moment(entry)
            (undated if entry.written_date else unplaced).append(f"“{_name(entry)}” ({written})")
            entry = _placed(entry, file_date, written, today)
        elif not _in_years(entry.updated_at, entry.zone, today):
            entry = replace(entry, updated_at=entry.created_at)
        parts = split_text(entry.body, limit)
        if len(parts) == 1:
            entries.append(entry)
            continue
        name = shorten(_name(entry), 60, at_space=False)
        notes.append(
            f"“{name}” ({len(entry.body):,} characters) is longer than one entry can "
            f"hold, so it comes in as {len(parts)} entries, in order; no word is left out."
        )
        for n, text in enumerate(parts, start=1):
            title = f"{entry.title} (part {n} of {len(parts)})".strip()
            part_id = entry.id if n == 1 else stable_id(entry.id, f"part {n}")
            entries.append(replace(entry, id=part_id, title=title, body=text))
    if undated:
        notes.insert(0, _unplaced_note(undated, "that no calendar has"))
    if unplaced:
        last = (today or today_local()).year + 1
        notes.insert(
            0,
            _unplaced_note(
                unplaced, f"Solace cannot place (it keeps dates from {EARLIEST_YEAR} to {last})"
            ),
        )
    if marked:
        notes.append(controls_note(marked))
    if not notes and entries == list(plan.entries):
        return plan
    return replace(plan, entries=tuple(entries), notes=plan.notes + tuple(notes))


def _in_years(moment: datetime, zone: str, today: date | None) -> bool:
    """Whether ``moment`` (aware) falls on a day of the years the preview says Solace
    keeps, where it was written (in the IANA ``zone``, else the person's): from 1
    January `EARLIEST_YEAR` to 31 December of the year after ``today`` (the person's
    day when None). The preview said "1900 to 2027" and listed entries on 31 December
    1899 and 1 January 2028 beside it, within `placeable`'s bounds on some other
    zone's clock (break test 53, F4); every day kept so is within them."""
    last_year = (today or today_local()).year + 1
    return placeable(moment, today) and (
        EARLIEST_YEAR <= to_local(moment, known_zone(zone)).year <= last_year
    )


def _placed(
    entry: ImportedEntry, file_date: datetime | None, written: str, today: date | None
) -> ImportedEntry:
    """``entry`` dated as its file is (or now, where no file date can be placed), with
    ``written``, its own date as its file gave it, on a line after its words."""
    body = "\n\n".join(part for part in (entry.body, WRITTEN_DATE.format(written)) if part)
    moment = next(
        (
            m
            for m in (entry.file_date, file_date)
            if m is not None and _in_years(m, entry.zone, today)
        ),
        now_utc(),
    )
    return replace(entry, created_at=moment, updated_at=moment, body=body)


def _unplaced_note(names: list[str], why: str) -> str:
    """The preview's words on the entries ``names`` whose dates are dates ``why`` says
    ("that no calendar has"), and what comes of them."""
    shown = ", ".join(names[:MAX_NAMED])
    if len(names) > MAX_NAMED:
        shown += f" and {len(names) - MAX_NAMED} more"
    return (
        f"{count(len(names), 'entry has a date', 'entries have dates')} {why}: {shown}. "
        f"{'It comes' if len(names) == 1 else 'They come'} in dated as the file "
        f"{'it' if len(names) == 1 else 'they'} came from was last changed, with "
        f"{'its date' if len(names) == 1 else 'each one’s date'} as written there on "
        "a line after the words; the words are all kept."
    )


def one_id_each(
    entries: tuple[ImportedEntry, ...],
) -> tuple[list[ImportedEntry], int]:
    """``entries`` with one id each, in order, and how many were left out as repeats.

    An entry whose id an earlier one has is left out when it shows the same as that one
    (`_holds`: its date, words, tags and feelings in any order, mood, star, sharing,
    zone). Of the different entries that share an id, the earliest by its date (then
    by what it holds) keeps the id, wherever it stands in the file, and each other is
    given one derived from the id and what it holds (`_holds`): so an entry keeps its
    id whatever the file gains before or after it, and a later export of the same
    journal, imported again, adds only what is new. Re-test 46, N2 and N3 (a repeat
    compared with the first of its id only; entries differing by their tags taken for
    repeats) and re-test 46b, P5 and P6 (ids numbered by their place in the file: an
    entry inserted later shifted the others onto their neighbours' ids, and a new
    entry's words were dropped as "already in your journal")."""
    shared = {entry_id for entry_id, n in Counter(e.id for e in entries).items() if n > 1}
    kinds: dict[str, dict[str, ImportedEntry]] = {}  # id -> what each holds -> it
    kept: list[tuple[ImportedEntry, str]] = []
    for entry in entries:
        if entry.id not in shared:  # the usual case, read no further
            kept.append((entry, ""))
            continue
        holds, alike = _holds(entry), kinds.setdefault(entry.id, {})
        if holds not in alike:
            alike[holds] = entry
            kept.append((entry, holds))
    first = {
        entry_id: min(alike.items(), key=lambda kind: (kind[1].created_at, kind[0]))[1]
        for entry_id, alike in kinds.items()
        if len(alike) > 1
    }
    return [
        replace(entry, id=stable_id(entry.id, "repeat", holds))
        if entry.id in first and entry is not first[entry.id]
        else entry
        for entry, holds in kept
    ], len(entries) - len(kept)


def _holds(entry: ImportedEntry) -> str:
    """What Solace shows of ``entry``, as one text: the same for two entries alike
    (tags and feelings are kept as sets; when it was last changed is not shown)."""
    return json.dumps(
        [
            entry.created_at.isoformat(),
            entry.title,
            entry.body,
            sorted(entry.tags),
            sorted(entry.feelings),
            entry.mood,
            entry.shared,
            entry.starred,
            entry.zone,
            entry.prompt_id,
            entry.written_date,
        ],
        ensure_ascii=False,
    )


def _repeated_note(repeated: int) -> str:
    """The preview's words for ``repeated`` entries left out as repeats (`one_id_each`)."""
    if repeated == 1:
        return "1 entry appears twice in the file, the same both times: it comes in once."
    return f"{repeated:,} entries appear again in the file, the same each time: each comes in once."


def _name(entry: ImportedEntry) -> str:
    return shorten(make_headline(entry.title, entry.body[:2000]), 60, at_space=False)


def _say_moment(entry: ImportedEntry) -> str:
    """Like "2099-12-31 23:59": the entry's moment as a wall time in its own zone (else
    the person's; any year 1-9999), written as dates are in the files Solace imports
    (re-test 44, N4: "31 December 2099, 23:59" was not the date as written)."""
    wall = to_local(entry.created_at, entry.zone or None)
    return f"{wall.year:04d}-{wall.month:02d}-{wall.day:02d} {wall:%H:%M}"


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

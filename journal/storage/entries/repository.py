"""Saving, loading, listing and deleting journal entries.

Every call opens one short session on the open journal. Callers get domain
dataclasses (`Entry`, `EntrySummary`), never ORM rows.

Times: ``UtcDateTime`` columns, aware UTC both ways; "days" are the person's
local days, each turned into UTC bounds (or back) by
``journal.domain.common.local_time`` with the rules in force on that day.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    LargeBinary,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from journal.domain.common.local_time import day_range, local_day, newest_first
from journal.domain.entries.entry import Entry, EntrySummary, check_entry_size
from journal.domain.entries.feelings import Mood, normalise_feeling
from journal.domain.entries.tags import one_spelling, spelled_as, tag_key
from journal.errors import SolaceError
from journal.storage.database import Database
from journal.storage.entries.models import EntryFeeling, EntryRow, EntryTag
from journal.storage.ngrams import index_grams
from journal.storage.types import stored_headline

JOIN = "\n"


class EntryTooLong(SolaceError):
    """An entry body over the limit: the message comes from `check_entry_size`."""


def split(text: str) -> tuple[str, ...]:
    """The parts of a newline-joined column (feelings or tags), empty parts left out."""
    return tuple(part for part in text.split(JOIN) if part)


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page of the timeline ended (keyset paging in `newest_first` order): the
    last entry's day as shown, its moment (aware UTC) and its row number."""

    day: date
    created_at: datetime
    seq: int


#: What a list shows of an entry (`summary_from_row`). The headline is made as each row
#: is read (``solace_headline``: `journal.storage.types.stored_headline`).
SUMMARY_COLUMNS = (
    EntryRow.id,
    EntryRow.created_at,
    func.solace_headline(EntryRow.title, EntryRow.body, type_=Text).label("headline"),
    EntryRow.mood,
    EntryRow.feelings,
    EntryRow.tags,
    EntryRow.shared,
    EntryRow.zone,
)
#: What the timeline reads of each row (`EntryRepository.summaries`): it reads more
#: rows than it keeps, so each kept one's headline is made in Python from its title
#: and packed body (``packed``), not every row's in SQL.
_TIMELINE_COLUMNS = (
    *SUMMARY_COLUMNS[:2],
    EntryRow.title,
    type_coerce(EntryRow.body, LargeBinary).label("packed"),
    *SUMMARY_COLUMNS[3:],
    EntryRow.seq,
)
# Any zone's day is within this of the computer's day with the same date (UTC-12 to
# UTC+14, either way), so a query for local days widens its UTC range by it and then
# keeps each entry by its day in its own zone.
ZONE_REACH = timedelta(hours=27)


# Rows read at a time while a page of the timeline is gathered (`summaries`), and the
# batches read before the journal's own zones are looked up for a closer bound.
_BATCH = 200
_CHEAP_READS = 4


def _latest_day(moment: datetime, zones: Iterable[str | None]) -> date:
    """The latest day shown, in any of ``zones`` (IANA names, None for the computer's),
    for a moment at or before ``moment`` (aware UTC): each zone's day at ``moment``,
    since a zone's days never go back as time goes on."""
    return max(local_day(moment, zone) for zone in {*zones, None})


# No zone of tzdata is, or ever was, further ahead of UTC than this (Kiritimati is 14
# hours ahead; the furthest local mean time, Alaska's before 1867, about 15 hours).
_MOST_AHEAD = timedelta(hours=16)


def _latest_anywhere(moment: datetime) -> date:
    """At least `_latest_day` over every zone (an IANA zone's, and the computer's, which
    may be a POSIX rule): what the journal's own zones give at most, without reading
    them."""
    return max(reach(moment, _MOST_AHEAD).date(), local_day(moment))


def reach(moment: datetime, hours: timedelta) -> datetime:
    """``moment`` moved by ``hours``, held at the ends of the calendar (an entry dated
    31 December 9999 or 1 January 1 must not make a month or a day's query raise)."""
    try:
        return moment + hours
    except OverflowError:
        return (datetime.max if hours > timedelta(0) else datetime.min).replace(
            tzinfo=moment.tzinfo
        )


def summary_from_row(
    row: Row[tuple[str, datetime, str, int | None, str, str, bool, str | None]] | Sequence[object],
) -> EntrySummary:
    """An `EntrySummary` from the values of `SUMMARY_COLUMNS`, in that order."""
    entry_id, created_at, headline, mood, feelings, tags, shared, zone = tuple(row)[:8]
    assert isinstance(created_at, datetime)
    return EntrySummary(
        id=str(entry_id),
        created_at=created_at,
        headline=str(headline),
        mood=Mood(int(str(mood))) if mood is not None else None,
        feelings=split(str(feelings)),
        tags=split(str(tags)),
        shared=bool(shared),
        zone=str(zone) if zone else None,
    )


def _timeline_summary(row: Any) -> EntrySummary:
    """An `EntrySummary` from a row of `_TIMELINE_COLUMNS`, its headline made here."""
    values = tuple(row)
    return summary_from_row((*values[:2], stored_headline(row.title, row.packed), *values[4:]))


def clean_feelings(feelings: Sequence[str]) -> tuple[str, ...]:
    """Feelings tidied as ``normalise_feeling`` does, empty or too long ones left out, each
    once, in the order given.
    """
    cleaned = (normalise_feeling(feeling) for feeling in feelings)
    return tuple(dict.fromkeys(feeling for feeling in cleaned if feeling))


def _row_values(
    entry: Entry,
    feelings: tuple[str, ...] | None = None,
    tags: tuple[str, ...] | None = None,
) -> dict[str, object]:
    """The row of ``entry`` (every column but ``seq``); ``feelings`` and ``tags`` when
    already cleaned (`clean_feelings`, each tag once), else cleaned here."""
    feelings = clean_feelings(entry.feelings) if feelings is None else feelings
    tags = tuple(dict.fromkeys(entry.tags)) if tags is None else tags
    return {
        "id": entry.id,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "title": entry.title,
        "body": entry.body,
        "mood": int(entry.mood) if entry.mood is not None else None,
        "shared": entry.shared,
        "prompt_id": entry.prompt_id,
        "tags": JOIN.join(tags),
        "feelings": JOIN.join(feelings),
        "zone": entry.zone,
    }


def _journal_tags(session: Session, entry_id: str, tags: Sequence[str]) -> list[str]:
    """The spellings the journal's other entries give the kinds of ``tags`` (str), of
    two of one kind the first used first (`one_spelling`). An English tag is asked
    about too: "weiss" is "weiß", and "baby" is the full-width "ｂａｂｙ" a Chinese
    keyboard types (`tag_key`); before, a tag of ASCII letters skipped the rule and
    the journal kept two spellings of one tag (break test 51, F1)."""
    if not tags:
        return []
    return _journal_spellings(session, {tag_key(tag) for tag in tags}, entry_id)


#: Each tag the journal holds, once, in the order of the index by tag: one seek of the
#: index per tag (SQLite's "skip-scan" done by hand, sqlite.org/lang_with.html), where
#: ``SELECT DISTINCT`` read every link (142k at 100k entries: 4.6 ms on each save).
_SPELLINGS = text(
    "WITH RECURSIVE spelled(tag) AS (SELECT min(tag) FROM entry_tags UNION ALL "
    "SELECT (SELECT min(tag) FROM entry_tags WHERE tag > spelled.tag) FROM spelled "
    "WHERE spelled.tag IS NOT NULL) SELECT tag FROM spelled WHERE tag IS NOT NULL"
)
_USED_ELSEWHERE = text(
    "SELECT 1 FROM entry_tags AS t JOIN entries AS e ON e.seq = t.entry_seq "
    "WHERE t.tag = :tag AND e.id != :id LIMIT 1"
)
_FIRST_USE = text(
    "SELECT MIN(e.created_at) FROM entry_tags AS t JOIN entries AS e ON e.seq = t.entry_seq "
    "WHERE t.tag = :tag AND e.id != :id"
)


def _spellings_by_key(session: Session, keys: set[str]) -> dict[str, list[str]]:
    """The spellings (str) the journal holds of each of ``keys`` (`tag_key`) that it
    holds any of, in the order of the index by tag."""
    by_key: dict[str, list[str]] = {}
    for tag in session.scalars(_SPELLINGS):
        if (key := tag_key(tag)) in keys:
            by_key.setdefault(key, []).append(tag)
    return by_key


def stored_spellings(session: Session, key: str) -> list[str]:
    """Every spelling (str) the journal holds of the tags whose `tag_key` is ``key``,
    in the order of the index by tag; [] when it holds none."""
    return _spellings_by_key(session, {key}).get(key, [])


def _journal_spellings(session: Session, keys: set[str], other_than: str = "") -> list[str]:
    """The journal's spellings (str) of the tags whose `tag_key` is one of ``keys``, in
    entries other than the one whose id is ``other_than``; of two of one kind, the
    first used comes first.

    The journal's tags are listed from the index by tag (`_SPELLINGS`); only where it
    holds two spellings of one kind (a journal from before `one_spelling`) are their
    first uses read. Before, every tag's first use was read by joining each of its
    entries (142k links at 100k entries, 1.3 s on every save of an entry with a tag
    that is not ASCII, issue 12), for the few kinds asked about."""
    found: list[tuple[str, str]] = []
    for spellings in _spellings_by_key(session, keys).values():
        if len(spellings) == 1:
            used = session.scalar(_USED_ELSEWHERE, {"tag": spellings[0], "id": other_than})
            found += [("", spellings[0])] if used else []
            continue
        for tag in spellings:
            first = session.scalar(_FIRST_USE, {"tag": tag, "id": other_than})
            if first is not None:
                found.append((str(first), tag))
    return [tag for _, tag in sorted(found)]


def insert_entries(
    session: Session,
    entries: Iterable[Entry],
    chunk: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Insert new entries within ``session``'s transaction; ids already in the journal
    (or repeated in ``entries``) are skipped. Returns the ids inserted, in order.
    ``progress(done, total)`` (new entries written, of how many) is called before the
    first chunk and after each, from the calling thread: a large import showed a bar
    alone for a minute (break test 16 of session 18, R7).

    Rows go in with executemany in chunks of ``chunk``, through the database driver's
    cursor on the session's own connection (so in its transaction), each value turned
    into what SQLite stores by its column's own type (`_Writer`): the same rows as
    SQLAlchemy's Core insert writes, without its work per row and per value, which was
    a sixth of an import of 100k entries (issue 12). The word index is filled by the
    same triggers as for `EntryRepository.save`, the pairs index
    (``journal.storage.ngrams``) here, as `EntryRepository.save` writes it. Raises
    `EntryTooLong` before writing anything when a body is over the limit.
    """
    pending = list(entries)
    for entry in pending:
        problem = check_entry_size(entry.body)
        if problem:
            raise EntryTooLong(problem)
    existing = set(session.scalars(select(EntryRow.id)))
    fresh: dict[str, Entry] = {}
    for entry in pending:
        if entry.id not in existing and entry.id not in fresh:
            fresh[entry.id] = entry
    ordered = list(fresh.values())
    tags_of = _spelled_as_the_journal(session, ordered)
    entries_table = cast(Table, EntryRow.__table__)
    writer = _Writer(session, entries_table, list(_ENTRY_COLUMNS))
    cursor = writer.cursor
    cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
    cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    trigger = _word_index_trigger(cursor)
    try:
        for start in range(0, len(ordered), chunk):
            if progress is not None:
                progress(start, len(ordered))
            part = [
                (e, clean_feelings(e.feelings), tags_of[e.id])
                for e in ordered[start : start + chunk]
            ]
            writer.write([_row_values(e, feelings, tags) for e, feelings, tags in part])
            marks = ", ".join("?" * len(part))
            seqs = dict(
                cursor.execute(
                    f"SELECT id, seq FROM entries WHERE id IN ({marks})", [e.id for e, _, _ in part]
                ).fetchall()
            )
            cursor.execute(_FILL_WORD_INDEX.format(marks=marks), list(seqs.values()))
            feelings = [(seqs[e.id], f) for e, kept, _ in part for f in kept]
            tags = [(seqs[e.id], t) for e, _, kept in part for t in kept]
            grams = [
                (seqs[e.id], g)
                for e, _, kept in part
                if (g := index_grams(e.title, e.body, JOIN.join(kept)))
            ]
            if feelings:
                cursor.executemany(
                    "INSERT INTO entry_feelings (entry_seq, feeling) VALUES (?, ?)", feelings
                )
            if tags:
                cursor.executemany("INSERT INTO entry_tags (entry_seq, tag) VALUES (?, ?)", tags)
            if grams:
                cursor.executemany("INSERT INTO entries_grams (rowid, grams) VALUES (?, ?)", grams)
    except BaseException:
        if trigger:  # the session's rollback brings it back; a caller's commit too
            with contextlib.suppress(Exception):
                cursor.execute(trigger)
        raise
    else:
        if trigger:  # in the same transaction: no commit ever sees it gone
            cursor.execute(trigger)
        if progress is not None:
            progress(len(ordered), len(ordered))
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(cache)}")
        cursor.close()
    return [e.id for e in ordered]


_WORD_INDEX_TRIGGER = "entries_fts_insert"
# The word index's rows for some entries (by seq), as its insert trigger writes them:
# read through its own content view, ``entries_text`` (migrations 0009 and 0013).
_FILL_WORD_INDEX = (
    "INSERT INTO entries_fts (rowid, title, body, tags, feelings) "
    "SELECT seq, title, body, tags, feelings FROM entries_text WHERE seq IN ({marks})"
)


def _word_index_trigger(cursor: Any) -> str:
    """Drop the word index's insert trigger within the transaction of the DB-API
    ``cursor``, and return its SQL to create it again before that transaction ends
    ("" when there is none). `insert_entries` fills the index once per chunk instead
    (`_FILL_WORD_INDEX`): one statement for 500 rows in place of 500 trigger programs
    (issue 12: the trigger was 4.8 s of an import of 20k entries taking 9.2 s). The
    schema's own SQL is kept, so the trigger comes back exactly as the migrations
    made it; were the import to fail or the process to stop, the transaction's
    rollback brings it back too. The transaction is begun first: the driver begins
    one by itself only before a row is written, and a DROP run outside it was
    committed at once (a failed import then left the journal without the trigger)."""
    if not cursor.connection.in_transaction:
        cursor.execute("BEGIN")
    row = cursor.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (_WORD_INDEX_TRIGGER,),
    ).fetchone()
    if row is None:
        return ""
    cursor.execute(f"DROP TRIGGER {_WORD_INDEX_TRIGGER}")
    return str(row[0])


def _spelled_as_the_journal(session: Session, entries: list[Entry]) -> dict[str, tuple[str, ...]]:
    """The tags of each of ``entries`` (by id), each once, spelled as the journal
    already spells its kind (`tags.tag_key`: ی and ي, ک and ك, with and without the
    half-space are one tag), else as the oldest of ``entries`` that has it spells it:
    `one_spelling`'s rule, as `EntryRepository.save` keeps it, for an import or a
    rescue (an import of كتاب into a journal that has کتاب is one tag, کتاب)."""
    spellings: dict[str, str] = {}
    keys = {tag_key(tag) for entry in entries for tag in entry.tags}
    for tag in _journal_spellings(session, keys) if keys else []:
        spellings.setdefault(tag_key(tag), tag)
    return {
        entry.id: spelled_as(entry.tags, spellings)
        for entry in sorted(entries, key=lambda entry: entry.created_at)
    }


IMPORT_CACHE_KIB = 64 * 1024
"""The page cache while `insert_entries` writes, in KiB (SQLite takes it only as pages
are used, and it is set back after). With the 8,000 KiB the bundled SQLCipher starts
with, the word index's pages of a large import were evicted and then read,
HMAC-checked and decrypted again as FTS5 merged its segments (as for the checks, see
`journal.storage.safekeeping.checks.CHECK_CACHE_KIB`)."""


_ENTRY_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "title",
    "body",
    "mood",
    "shared",
    "prompt_id",
    "tags",
    "feelings",
    "zone",
)
"""The columns `_row_values` gives, in the order `insert_entries` writes them."""


class _Writer:
    """Rows of ``columns`` for ``table``, written with one executemany on a driver
    cursor of ``session``'s connection (its transaction), each value turned into what
    SQLite stores by the column type's own bind processor for this dialect, as
    SQLAlchemy's compiled statements use (`TypeEngine.dialect_impl(...).bind_processor`:
    an aware time into naive UTC text with its microseconds, a body packed, True into
    1; the generic type's processor left a time to the driver, which wrote year 1
    without its microseconds)."""

    def __init__(self, session: Session, table: Table, columns: list[str]) -> None:
        connection = session.connection()
        dialect = connection.dialect
        self.columns = columns
        self.processors = [
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
        ]
        self.sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        self.cursor = connection.connection.cursor()

    def write(self, rows: list[dict[str, object]]) -> None:
        """Insert ``rows`` (each a dict with every one of the columns)."""
        pairs = list(zip(self.columns, self.processors, strict=True))
        self.cursor.executemany(
            self.sql,
            [
                tuple(
                    row[name] if process is None else process(row[name]) for name, process in pairs
                )
                for row in rows
            ],
        )


class EntryRepository:
    """The entries of one open journal."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # writing --------------------------------------------------------------------
    def save(self, entry: Entry) -> bool:
        """Insert or update one entry (a single short transaction). Returns True when
        the entry was new (inserted), False when it was updated or unchanged.

        Only columns that changed are written, so saving a new mood does not
        re-index the text. ``created_at`` (aware UTC) may change: an entry can be
        moved to the day it is about. Raises `EntryTooLong` before writing anything.
        """
        return self.save_as_kept(entry)[0]

    def save_as_kept(self, entry: Entry) -> tuple[bool, Entry]:
        """`save`, returning also the entry as written: its tags spelled as the journal
        keeps them (`one_spelling`), which the Journal's list then shows (re-test 51,
        N3: "weiss" was listed where "weiß" was kept)."""
        problem = check_entry_size(entry.body)
        if problem:
            raise EntryTooLong(problem)
        feelings = clean_feelings(entry.feelings)
        tags = tuple(dict.fromkeys(entry.tags))
        with self.db.session() as session:
            tags = one_spelling(tags, _journal_tags(session, entry.id, tags))
            values = _row_values(entry, feelings, tags)
            del values["id"]
            columns = EntryRow.__table__.c
            current = session.execute(
                select(columns.seq, *(columns[key] for key in values)).where(
                    EntryRow.id == entry.id
                )
            ).one_or_none()
            if current is None:
                seq = session.execute(
                    insert(EntryRow).values(id=entry.id, **values).returning(EntryRow.seq)
                ).scalar_one()
                self._write_links(session, seq, feelings, tags, replace=False)
                self._write_grams(session, seq, values, replace=False)
                return True, dataclasses.replace(entry, tags=tags)
            seq = current.seq
            changed = {
                key: value for key, value in values.items() if getattr(current, key) != value
            }
            if not changed:
                return False, dataclasses.replace(entry, tags=tags)
            session.execute(update(EntryRow).where(EntryRow.seq == seq).values(**changed))
            if "feelings" in changed or "tags" in changed:
                self._write_links(session, seq, feelings, tags, replace=True)
            if changed.keys() & {"title", "body", "tags"}:
                self._write_grams(session, seq, values, replace=True)
            return False, dataclasses.replace(entry, tags=tags)

    @staticmethod
    def _write_grams(session: Session, seq: int, values: dict[str, Any], *, replace: bool) -> None:
        """Keep the pairs index (search inside Chinese, Japanese, Thai..., and for emoji
        and symbols) in step."""
        if replace:
            session.execute(text("DELETE FROM entries_grams WHERE rowid = :seq"), {"seq": seq})
        grams = index_grams(values["title"], values["body"], values["tags"])
        if grams:
            session.execute(
                text("INSERT INTO entries_grams(rowid, grams) VALUES (:seq, :grams)"),
                {"seq": seq, "grams": grams},
            )

    @staticmethod
    def _write_links(
        session: Session, seq: int, feelings: Sequence[str], tags: Sequence[str], *, replace: bool
    ) -> None:
        if replace:
            session.execute(delete(EntryFeeling).where(EntryFeeling.entry_seq == seq))
            session.execute(delete(EntryTag).where(EntryTag.entry_seq == seq))
        if feelings:
            session.execute(
                insert(EntryFeeling), [{"entry_seq": seq, "feeling": f} for f in feelings]
            )
        if tags:
            session.execute(insert(EntryTag), [{"entry_seq": seq, "tag": t} for t in tags])

    def add_many(self, entries: Iterable[Entry]) -> list[str]:
        """Insert new entries in one transaction (the import path); ids already in the
        journal are skipped. Returns the ids inserted. See `insert_entries`."""
        with self.db.session() as session:
            return insert_entries(session, entries)

    def delete(self, entry_id: str) -> bool:
        """Delete for good: the row, its feelings and tags (cascade) and its index
        entries (trigger). With secure_delete the freed space is zeroed."""
        with self.db.session() as session:
            result = session.execute(delete(EntryRow).where(EntryRow.id == entry_id))
            return bool(getattr(result, "rowcount", 0))

    # reading --------------------------------------------------------------------
    def get(self, entry_id: str) -> Entry | None:
        with self.db.session() as session:
            row = session.scalar(select(EntryRow).where(EntryRow.id == entry_id))
            if row is None:
                return None
            return Entry(
                id=row.id,
                created_at=row.created_at,
                updated_at=row.updated_at,
                title=row.title,
                body=row.body,
                mood=Mood(row.mood) if row.mood is not None else None,
                feelings=split(row.feelings),
                tags=split(row.tags),
                shared=row.shared,
                prompt_id=row.prompt_id,
                zone=row.zone,
            )

    def count(self) -> int:
        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(EntryRow)) or 0)

    def summaries(
        self, limit: int, after: Cursor | None = None
    ) -> tuple[list[EntrySummary], Cursor | None]:
        """One page of the timeline (at most ``limit`` entries) in the order of every
        list (`local_time.newest_first`: the day as shown, where each entry was
        written, newest first; within a day the newest moment first), and the cursor
        for the next page (None when there are no more).

        Rows are read newest UTC first, a batch at a time, and an entry's day is only
        known from its own zone, so a page is complete once no row not yet read can
        have a later day than the page's last one: that day is at least the latest
        day any zone has at the oldest moment read (`_latest_anywhere`), or, once many
        rows were read for one page (entries imported at one moment), any of the
        journal's own zones (`_latest_day`, one scan of the zones column). A page costs
        the rows of its own days plus those within a day of them."""
        bound = None if after is None else (after.day, after.created_at, after.seq)
        query = select(*_TIMELINE_COLUMNS).order_by(EntryRow.created_at.desc(), EntryRow.seq.desc())
        if after is not None:  # no entry of a later-shown day is read UTC-newer than this
            start = datetime(after.day.year, after.day.month, after.day.day, tzinfo=UTC)
            query = query.where(EntryRow.created_at < reach(start, timedelta(days=1) + ZONE_REACH))
        batch_size = max(limit, _BATCH)
        found: list[tuple[tuple[date, datetime, int], Any]] = []
        zones: list[str | None] | None = None
        reads = 0
        read: tuple[datetime, int] | None = None
        with self.db.session() as session:
            while True:
                page = query
                if read is not None:
                    page = page.where(
                        (EntryRow.created_at < read[0])
                        | ((EntryRow.created_at == read[0]) & (EntryRow.seq < read[1]))
                    )
                rows = session.execute(page.limit(batch_size)).all()
                for row in rows:
                    key = (*newest_first(row.created_at, row.zone), row.seq)
                    if bound is None or key < bound:
                        found.append((key, row))
                if len(rows) < batch_size:
                    break  # every row is read
                read = (rows[-1].created_at, rows[-1].seq)
                if len(found) < limit:
                    continue
                found.sort(key=lambda pair: pair[0], reverse=True)
                del found[limit:]
                reads += 1
                if zones is None and reads > _CHEAP_READS:
                    zones = list(session.scalars(select(EntryRow.zone).distinct()))
                latest = _latest_anywhere(read[0]) if zones is None else _latest_day(read[0], zones)
                if found[-1][0][0] >= latest:
                    break  # no row left to read is shown on a later day
        found.sort(key=lambda pair: pair[0], reverse=True)
        del found[limit:]
        if not found:
            return [], None
        day, moment, seq = found[-1][0]
        return [_timeline_summary(row) for _, row in found], Cursor(day, moment, seq)

    def summaries_page(self, offset: int, limit: int) -> list[EntrySummary]:
        """A page by position in the timeline's order (see `summaries`, which is
        cheaper deep down)."""
        cursor = self.summaries(offset)[1] if offset else None
        if offset and cursor is None:
            return []
        return self.summaries(limit, cursor)[0]

    def days_with_entries(self, year: int, month: int) -> set[int]:
        """Local days (1..31) of a month that have at least one entry."""
        return set(self.entries_per_day(year, month))

    def entries_per_day(self, year: int, month: int) -> dict[int, int]:
        """How many entries each day (1..31) of a month has, each entry on its day where
        it was written (its own zone, see `Entry.zone`); days without any are left out.
        One indexed range query (the calendar's marks and day names)."""
        first = date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        start, end = day_range(first, last)
        query = select(EntryRow.created_at, EntryRow.zone).where(
            EntryRow.created_at >= reach(start, -ZONE_REACH),
            EntryRow.created_at < reach(end, ZONE_REACH),
        )
        with self.db.session() as session:
            days = (local_day(moment, zone) for moment, zone in session.execute(query))
            return dict(Counter(d.day for d in days if d.year == year and d.month == month))

    @staticmethod
    def _any_in_year(session: Session, year: int) -> bool:
        """Whether an entry may fall in ``year`` somewhere (UTC year, with a day's
        reach on either side for its zone)."""
        start, end = day_range(date(year, 1, 1), date(year, 12, 31))
        first = session.execute(
            select(EntryRow.created_at)
            .where(
                EntryRow.created_at >= reach(start, -ZONE_REACH),
                EntryRow.created_at < reach(end, ZONE_REACH),
            )
            .limit(1)
        ).first()
        return first is not None

    @staticmethod
    def _next_year_with_entries(session: Session, year: int) -> int:
        """The first year after ``year`` in which an entry may fall, or 10000 (none):
        a journal holding years 1 and 2026 is not asked about every year between."""
        start, _end = day_range(date(year, 12, 31), date(year, 12, 31))
        after = session.execute(
            select(func.min(EntryRow.created_at)).where(EntryRow.created_at >= start)
        ).scalar()
        if after is None:
            return 10_000
        return max(year + 1, reach(after, -ZONE_REACH).year)

    def entry_days(self, month: int, day: int) -> list[date]:
        """Dates, in any year, with entries on this month and day (for looking back),
        each entry on its day where it was written (its own zone).

        A few indexed range queries per year that holds entries (29 February only in
        leap years); years between that hold none are skipped in one query.
        """
        with self.db.session() as session:
            oldest, newest = session.execute(
                select(func.min(EntryRow.created_at), func.max(EntryRow.created_at))
            ).one()
            if oldest is None or newest is None:
                return []
            found: list[date] = []
            year, last_year = reach(oldest, -ZONE_REACH).year, reach(newest, ZONE_REACH).year
            while year <= last_year:
                if not self._any_in_year(session, year):
                    year = self._next_year_with_entries(session, year)
                    continue
                try:
                    wanted = date(year, month, day)
                except ValueError:
                    year += 1
                    continue
                year += 1
                start, end = day_range(wanted, wanted)
                near = session.execute(
                    select(EntryRow.created_at, EntryRow.zone).where(
                        EntryRow.created_at >= reach(start, -ZONE_REACH),
                        EntryRow.created_at < reach(end, ZONE_REACH),
                    )
                )
                if any(local_day(moment, zone) == wanted for moment, zone in near):
                    found.append(wanted)
            return found

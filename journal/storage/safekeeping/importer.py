"""Writing an import into the open journal: a backup first, then one transaction.

Entries go in through the entries' bulk insert (`insert_entries`), so the search
index and the tag and feeling tables are filled as for any entry; ids already in
the journal are skipped. Other tables from a Solace export are merged row by row,
each row checked first against what Solace can read (`rows.check_row`: one it
could not read is left out, counted with its reason for the preview, and never
written); a row whose key is already there is left as it is; rows of tables keyed
by a counter are added only when no identical row exists.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint, and_, insert, select
from sqlalchemy.orm import Session

from journal.domain.common.local_time import known_zone, now_utc
from journal.domain.entries.entry import Entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.tags import extract_hashtags
from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan, RowsPreview
from journal.domain.safekeeping.rotation import Reason
from journal.domain.safekeeping.sources import Progress
from journal.errors import DiskFull, SolaceError
from journal.storage.database import Database
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import insert_entries
from journal.storage.id_batches import id_batches
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.lock.engine import open_own_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.migrate import compact
from journal.storage.models import JournalSetting
from journal.storage.nearest_zone import MOMENT_OF, give_nearest_zones
from journal.storage.safekeeping.backups import as_told, take_backup
from journal.storage.safekeeping.export import SKIPPED_TABLES
from journal.storage.safekeeping.rows import UNKNOWN_KIND, RowCheck, check_row
from journal.storage.safekeeping.unfinished import UNFINISHED_IMPORT
from journal.storage.schema import metadata


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many entries and other rows were added (duplicates are not counted), and
    why no backup holds them yet ("" when the backup taken after the import holds
    them, or none was asked for)."""

    entries: int
    rows: int
    not_backed_up: str = ""
    # Rows added by table (table name -> count), and one sentence per kind of row left
    # out and why (`RowCheck.reasons`, said as done), for a rescue's summary.
    by_table: dict[str, int] = field(default_factory=dict)
    left_out: tuple[str, ...] = ()
    # When that backup found no room: the bytes it needs (0 when not known), for one
    # sentence that says so (break test 16 of session 19, finding 3: DiskFull's own
    # "Nothing has been changed. Please free some space and try again." was said after
    # "6 entries were imported"); None otherwise.
    backup_room_needed: int | None = None


def existing_ids(db: Database) -> set[str]:
    """The ids of every entry already in the journal, so an import adds nothing twice."""
    with db.session() as session:
        return set(session.scalars(select(EntryRow.id)))


def differing_ids(db: Database, plan: ImportPlan, existing: set[str]) -> set[str]:
    """The ids of ``plan``'s entries already in the journal (``existing``: its ids, as
    `existing_ids` gives them) whose words (title or text) in the file differ from the
    journal's: the import keeps the journal's, which the preview says (re-test of break
    test 38: an exported file whose text was edited, its id kept, was previewed only
    as "already in your journal"). Only those entries are read (`id_batches`)."""
    words = {e.id: (e.title, e.body) for e in plan.entries if e.id in existing}
    differ: set[str] = set()
    with db.session() as session:
        for ids in id_batches(list(words)):
            rows = session.execute(
                select(EntryRow.id, EntryRow.title, EntryRow.body).where(EntryRow.id.in_(ids))
            )
            differ.update(row.id for row in rows if words[row.id] != (row.title, row.body))
    return differ


@contextmanager
def own_database(journal: OpenJournal) -> Iterator[Database]:
    """The open journal through a connection of its own, for a worker thread."""
    database = Database(open_own_engine(journal.folder / DATABASE_NAME, journal.data_key))
    try:
        yield database
    finally:
        database.close()


def apply(
    journal: OpenJournal,
    plan: ImportPlan,
    *,
    db: Database | None = None,
    backup: bool = True,
    keep_shared: bool = False,
    name: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Back up (``Reason.BEFORE_IMPORT``), write ``plan`` in one transaction, then back
    up again (``Reason.AFTER_IMPORT``), so that a backup holds what was imported the
    moment it is in (break test 16, finding 1: the source is often deleted next).

    Entries come in private unless ``keep_shared`` (the person chose to keep those that
    were shared with a partner where they came from shared here too): an import never
    shows anything to a partner by itself.

    ``db`` is the connection to write through (the journal's own by default; a
    worker thread passes `own_database`). Raises what a backup raises (then nothing
    is imported), `EntryTooLong`, `DiskFull` told for this import (with about the room
    it needs: `import_needs`), or another storage error (then the transaction is
    rolled back and nothing is imported). A backup after the import that fails does
    not undo it: its reason is in `ImportResult.not_backed_up`, and the next lock or
    close takes one (`rotation.is_due`).

    ``progress(done, total)`` counts the new entries as they are written, from the
    thread that writes them (`insert_entries`).

    ``name`` (the file's name) is kept in the journal's settings while the import runs
    and cleared in its transaction, so an import cut short is told at the next unlock
    (`unfinished.unfinished_import`).
    """
    database = db or journal.db
    doing = importing(plan)
    before: Path | None = None
    try:
        if backup:
            before = take_backup(
                database.engine, journal.folder, journal.data_key, Reason.BEFORE_IMPORT
            ).folder
        if name:  # after the backup, which is the journal as it was without this word
            database.set_setting(UNFINISHED_IMPORT, name)
        with database.session() as session:
            if name:
                session.merge(JournalSetting(key=UNFINISHED_IMPORT, value=""))
            entries = [_entry(e, keep_shared, plan.whole_tags) for e in plan.entries]
            added = insert_entries(session, entries, progress=progress)
            by_table: Counter[str] = Counter()
            rows, refused = _merge_tables(session, plan, counts=by_table)
    except Exception as error:
        # Nothing was imported: the copy just taken is of the journal as it still is,
        # and adds nothing but weight to a disk that may be full (break test 16 of
        # session 12, finding 7: each failed try left one more).
        if before is not None:
            shutil.rmtree(before, ignore_errors=True)
        needed = import_needs(journal, plan)
        if name:  # not cut short: it ended here, and is told now
            with suppress(Exception):
                database.set_setting(UNFINISHED_IMPORT, "")
        told = as_told(error, needed, journal.folder, doing, "Nothing was imported.")
        if isinstance(told, DiskFull):
            raise told from error
        raise  # a backup that failed its check, a storage error: told as they are
    compact_after_import(database, len(added))
    not_backed_up, room = "", None
    if backup and (added or rows):
        try:
            take_backup(database.engine, journal.folder, journal.data_key, Reason.AFTER_IMPORT)
        except SolaceError as error:
            not_backed_up = error.message
            room = error.needed if isinstance(error, DiskFull) else None
    return ImportResult(
        len(added), rows, not_backed_up, dict(by_table), tuple(refused.reasons(done=True)), room
    )


#: The fewest entries an import writes for the file to be compacted after it: two of
#: `insert_entries`' chunks of 500 and more leave the word index in segments of its
#: own, which every later save searches (`migrate.compact`).
COMPACTS_FROM = 1_000


def compact_after_import(database: Database, added: int) -> None:
    """After an import that wrote ``added`` (int) entries, at least `COMPACTS_FROM`:
    merge the word indexes into one segment and give the free pages back
    (`migrate.compact`, which needs room for twice the file and leaves the journal as
    it was when it cannot). After an import of 100k entries, a save took 40 ms and the
    file held 6 % of free pages; compacted (2 s), a save takes 4.6 ms (issue 12). Never
    raises: a journal left as imported is whole."""
    if added >= COMPACTS_FROM:
        compact(database.engine)


def importing(plan: ImportPlan) -> str:
    """The import named for a message: "import this entry", "import these 20,000
    entries", or "import these records" (a Solace export of other tables only)."""
    count = len(plan.entries)
    if count == 1:
        return "import this entry"
    return f"import these {count:,} entries" if count else "import these records"


def import_needs(journal: OpenJournal, plan: ImportPlan) -> int:
    """About the bytes an import of ``plan`` needs free: the backup taken before it (the
    database's size) and three times the text it brings (the rows, their FTS5 index
    and the write-ahead log holding both until the commit)."""
    text = sum(len(e.body.encode("utf-8", "replace")) + len(e.title) for e in plan.entries)
    try:
        database = (journal.folder / DATABASE_NAME).stat().st_size
    except OSError:
        database = 0
    return database + 3 * text


def _with_hashtags(tags: tuple[str, ...], body: str) -> tuple[str, ...]:
    """The imported tags as they are (a Solace export comes back exactly), then the
    ``#tags`` of the text not among them: they count at once, as when typed."""
    return tags + tuple(tag for tag in sorted(extract_hashtags(body)) if tag not in tags)


def storable(text: str) -> str:
    """``text`` as SQLite can store it: a lone UTF-16 surrogate (``"\\ud800"`` in a JSON
    file), which no UTF-8 holds and which made the whole import fail on writing,
    becomes U+FFFD (the replacement character); every other character is kept."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


_MOODS = frozenset(m.value for m in Mood)


def _entry(e: ImportedEntry, keep_shared: bool, whole_tags: bool) -> Entry:
    mood = Mood(e.mood) if e.mood is not None and e.mood in _MOODS else None
    body = storable(e.body)
    tags = tuple(storable(t) for t in e.tags)
    return Entry(
        id=storable(e.id),
        created_at=e.created_at,
        updated_at=e.updated_at,
        title=storable(e.title),
        body=body,
        mood=mood,
        feelings=tuple(storable(f) for f in e.feelings),
        tags=tags if whole_tags else _with_hashtags(tags, body),
        shared=e.shared and keep_shared,
        prompt_id=storable(e.prompt_id) if e.prompt_id is not None else None,
        zone=known_zone(e.zone),  # where it was written (Day One's timeZone)
    )


def new_rows(db: Database, plan: ImportPlan) -> RowsPreview:
    """What the plan's other tables would add (for the preview; nothing is written)."""
    with db.session() as session:
        added, check = _merge_tables(session, plan, write=False)
    return RowsPreview(added, tuple(check.reasons()))


def _merge_tables(
    session: Session,
    plan: ImportPlan,
    *,
    write: bool = True,
    counts: Counter[str] | None = None,
) -> tuple[int, RowCheck]:
    """Merge (or, without ``write``, count) every table of the plan: each row is
    checked first (`check_row`), and one that Solace could not read is left out and
    counted with its reason, never written. ``counts``, when given, gets the rows
    added by table name. A response, an appointment, a couple-prompt answer or a warning
    sign written without a zone (from a journal or an export of before 0024, 0018 or
    0025) is given the zone of the journal's
    nearest zoned record, as those migrations give the journal's own
    (`nearest_zone.give_nearest_zones`)."""
    now = now_utc()
    entry_ids = set(session.scalars(select(EntryRow.id))) | {e.id for e in plan.entries}
    check = RowCheck()
    added = 0
    unzoned: dict[str, list[int]] = {name: [] for name in MOMENT_OF}
    for name, rows in plan.tables.items():
        if name in SKIPPED_TABLES:
            continue
        table = metadata().tables.get(name)
        if table is None:
            check.refused[(name, UNKNOWN_KIND)] += len(rows)
            continue
        merged = _merge(
            session, table, rows, now, entry_ids, check, write=write, unzoned=unzoned.get(name)
        )
        added += merged
        if counts is not None and merged:
            counts[name] += merged
    if write:  # after every table: a body log of the file may be the nearest
        for name, ids in unzoned.items():
            give_nearest_zones(session, name, ids)
    return added, check


def _merge(
    session: Session,
    table: Table,
    rows: list[Any],
    now: datetime,
    entry_ids: set[str],
    check: RowCheck,
    *,
    write: bool,
    unzoned: list[int] | None = None,
) -> int:
    """Write (with ``write``) or count each row of ``rows`` that `check_row` takes and
    the journal does not hold yet; the rowids of those written without a zone are added to
    ``unzoned`` when it is given. Returns how many were (or would be) added."""
    keys = [c.name for c in table.primary_key.columns]
    counter = len(keys) == 1 and table.c[keys[0]].autoincrement is True
    uniques = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ] + [(c.name,) for c in table.columns if c.unique]
    seen: set[tuple[Any, ...]] = set()
    seen_unique: set[tuple[Any, ...]] = set()
    added = 0
    for raw in rows:
        row, reason = check_row(table, raw, now, entry_ids)
        if row is None:
            check.refused[(table.name, reason)] += 1
            continue
        if counter:
            row.pop(keys[0], None)
            identity: dict[str, Any] = row
        else:
            identity = {k: row[k] for k in keys}
        marker = tuple(sorted(identity.items()))
        if marker in seen or _row_exists(session, table, identity):
            continue  # already in the journal (or earlier in the file): left as it is
        unique = [
            (names, tuple(row.get(n) for n in names))
            for names in uniques
            if all(row.get(n) is not None for n in names)
        ]
        if any(
            (names, values) in seen_unique
            or _row_exists(session, table, dict(zip(names, values, strict=True)))
            for names, values in unique
        ):
            continue  # the same idea or day under another number: already there
        seen.add(marker)
        seen_unique.update(unique)
        if write:
            written = session.execute(insert(table).values(**row))
            if unzoned is not None and row.get("zone") is None:
                unzoned.append(written.lastrowid)  # type: ignore[attr-defined]
        added += 1
    return added


def _row_exists(session: Session, table: Table, values: dict[str, Any]) -> bool:
    condition = and_(
        *(table.c[k] == v if v is not None else table.c[k].is_(None) for k, v in values.items())
    )
    return (
        session.execute(select(1).select_from(table).where(condition).limit(1)).first() is not None
    )

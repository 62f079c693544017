"""Bringing a journal's schema up to date, safely.

Migrations run from code on the keyed connection (no URL anywhere). Before any
upgrade of an existing journal an encrypted snapshot is taken. A database that
carries a revision this app does not know was written by a newer Solace and is
refused, untouched. Feature areas add migrations that branch from the first one,
so the app upgrades to all heads.

A journal already at `HEADS` (nearly every unlock) is opened without loading
Alembic or reading its scripts: its version table is read with one query, and one
row of ``journal_meta`` says whether an earlier upgrade's compaction is still to be
done. Alembic's load was 17 ms of the first unlock of a session, beyond the key
derivation, and Alembic with Mako and Pygments is about 17 MB the process then held
to its end (issue 12).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from journal.errors import DatabaseTooNew, JournalDamaged
from journal.storage import known_damage, read_back

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The newest revisions the scripts in `MIGRATIONS_DIR` end in (`head_revisions`
#: reads them from the scripts; a test checks that the two agree). A migration added
#: changes them.
HEADS = frozenset(
    {
        "0008_own_idea_offers",
        "0022_answers_not_noted",
        "0027_shared_index_partial",
        "0031_headlines_made_when_read",
    }
)
#: Alembic's table of the revisions a database has applied, one row per head.
VERSION_TABLE = "alembic_version"
#: Said (`JournalDamaged`) when a journal's tables and its record of the revisions
#: applied disagree: the record is missing or empty while the tables are there, or it
#: lacks a revision whose tables are there. Upgrading would build them again and fail
#: ("table … already exists"), which was told as Solace's own fault, and a missing
#: record was even left made, empty (break test 36, findings 1 and 2).
VERSION_RECORD_DAMAGED = (
    "Its record of which version of Solace wrote it is missing or does not match what it holds."
)
log = logging.getLogger(__name__)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once: they do not change while the app runs."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def known_revisions() -> set[str]:
    """Every Alembic revision this version of Solace ships."""
    return {rev.revision for rev in _scripts().walk_revisions()}


def head_revisions() -> set[str]:
    """The newest Alembic revision(s): what a database is migrated to."""
    return set(_scripts().get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The Alembic revision(s) the database behind ``engine`` has applied (empty when
    new), read from Alembic's `VERSION_TABLE` as Alembic reads it, without loading
    Alembic. Raises SQLAlchemyError when the database cannot be read."""
    with engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        )
        if tables.first() is None:
            return set()
        rows = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}")
        return {str(revision) for revision in rows.scalars()}


def _holds_tables(engine: Engine) -> bool:
    """Whether the database behind ``engine`` holds any table (a new one holds none)."""
    with engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
        return tables.first() is not None


def _missing(current: set[str]) -> set[str]:
    """Revisions this app has that the database has not applied yet."""
    known = known_revisions()
    if current - known:
        raise DatabaseTooNew()
    applied: set[str] = set()
    for rev in current:
        applied |= {r.revision for r in _scripts().iterate_revisions(rev, "base")}
    return known - applied


# Revisions that leave much of an existing file free (0009 packs every body, 0027
# and 0030 drop an index of every entry or feeling, 0031 a column of every entry) or
# change how the word indexes are written (0028): the file is rewritten compactly after
# them (`compact`), so the space comes back at once.
COMPACTING = frozenset(
    {
        "0009_compact_entries",
        "0027_shared_index_partial",
        "0028_index_leaves_fit_pages",
        "0030_feelings_one_index",
        "0031_headlines_made_when_read",
    }
)
#: The FTS5 word indexes `compact` merges (when the journal has them).
WORD_INDEXES = ("entries_fts", "entries_grams")
#: The room a compaction needs free, in sizes of the file (`compact`).
COMPACTION_ROOM = 2
#: The key of the ``journal_meta`` row that says the file is still to be compacted:
#: written in the transaction of a `COMPACTING` revision, deleted once the file is
#: compact, so a compaction cut short (the process ended, a lock, no room) is done at a
#: later unlock (break test 41, finding 2: the file stayed 14 % larger for good).
COMPACTION_PENDING = "compaction_pending"
#: The key of the ``journal_meta`` row that says the person is still to be told that an
#: upgrade changed the file (`OpenJournal.updated`): written in the upgrade's
#: transaction, deleted at the lock after its note was read (`forget_update_untold`).
#: Kept in memory only, the note was lost to a Cancel, a lock or a crash before it was
#: read, and the file had changed with no word (re-test 41, F3).
UPDATE_UNTOLD = "update_untold"
#: Its value: the update of an unlock (after its snapshot), or of a restore, whose copy
#: of an older Solace's backup was updated as it was restored (re-test 41, F8).
BY_UNLOCK = "1"
BY_RESTORE = "restore"


def upgrade(
    engine: Engine, snapshot: Callable[[], object] | None = None, *, restored: bool = False
) -> bool:
    """Upgrade to every head; snapshot first when an existing journal changes.

    Returns True when anything was migrated. An existing journal migrated after its
    snapshot, or as it is ``restored`` from an older Solace's backup, is marked
    `UPDATE_UNTOLD` in the same transaction (`update_untold`). Raises DatabaseTooNew
    for a revision this version does not know, JournalDamaged when the record of the
    revisions applied disagrees with the tables (`VERSION_RECORD_DAMAGED`),
    SQLAlchemyError when the database cannot be read or written.
    """
    current = current_revisions(engine)
    if current == HEADS:  # every revision is an ancestor of a head: all are applied
        _compact_if_pending(engine)
        return False
    if not current and _holds_tables(engine):
        raise JournalDamaged(VERSION_RECORD_DAMAGED)
    missing = _missing(current)
    if not missing:
        return False
    if snapshot is not None and current:
        snapshot()
    from alembic import command

    config = _config()
    try:
        with engine.begin() as connection:  # one transaction: all of it, or nothing
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
            if current and (snapshot is not None or restored):  # told until read
                _mark(connection, UPDATE_UNTOLD, BY_RESTORE if restored else BY_UNLOCK)
            if current and missing & COMPACTING:
                _mark(connection, COMPACTION_PENDING, "1")
    except OperationalError as error:
        # SQLite says only this in words: a table the record calls missing is there.
        if current and "already exists" in str(error.orig):
            raise JournalDamaged(VERSION_RECORD_DAMAGED) from None
        raise
    _compact_if_pending(engine)
    return True


def _mark(connection: Connection, key: str, value: str) -> None:
    """Write the ``journal_meta`` row ``key`` = ``value`` in ``connection``'s transaction."""
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO journal_meta (key, value) VALUES (?, ?)", (key, value)
    )


def needs_upgrade(engine: Engine) -> bool:
    """Whether the journal behind ``engine`` lacks a revision this version has (an
    `upgrade` would change it). Raises DatabaseTooNew, JournalDamaged and
    SQLAlchemyError as `upgrade` does."""
    current = current_revisions(engine)
    if current == HEADS:
        return False
    if not current and _holds_tables(engine):
        raise JournalDamaged(VERSION_RECORD_DAMAGED)
    return bool(_missing(current))


#: The key of the ``journal_meta`` row that keeps the notes an unlock told of what it
#: found (a log kept aside as cut short, a key file put back, work cut short) and that
#: were not read before the journal locked: a JSON list of their words, said again at
#: the next unlock (`OpenJournal.notes_unread`). Said once from memory, they were lost
#: to a lock first.
NOTES_UNREAD = "notes_unread"


def untold(engine: Engine) -> tuple[str, list[str]]:
    """What the journal behind ``engine`` still has to tell, read at an unlock in one
    query: how it was upgraded with that note not yet read (`UPDATE_UNTOLD`:
    `BY_UNLOCK` or `BY_RESTORE`, "" when there is nothing to tell), and the words of the
    notes kept unread (`NOTES_UNREAD`, oldest first; [] when none or not a list of
    texts). Raises SQLAlchemyError when the database cannot be read."""
    with engine.connect() as connection:
        rows: dict[str, str] = dict(
            connection.exec_driver_sql(
                "SELECT key, value FROM journal_meta WHERE key IN (?, ?)",
                (UPDATE_UNTOLD, NOTES_UNREAD),
            ).all()
        )
    try:
        notes = json.loads(rows.get(NOTES_UNREAD) or "[]")
    except ValueError:
        notes = []
    kept = [str(note) for note in notes] if isinstance(notes, list) else []
    return str(rows.get(UPDATE_UNTOLD) or ""), kept


def keep_notes_unread(engine: Engine, notes: list[str]) -> None:
    """Keep ``notes`` (their words) as `NOTES_UNREAD`, or delete the row when there is
    none. Raises SQLAlchemyError when the database cannot be written."""
    with engine.begin() as connection:
        if notes:
            _mark(connection, NOTES_UNREAD, json.dumps(notes, ensure_ascii=False))
        else:
            connection.exec_driver_sql("DELETE FROM journal_meta WHERE key = ?", (NOTES_UNREAD,))


def forget_update_untold(engine: Engine) -> None:
    """Delete `UPDATE_UNTOLD`: the note of the upgrade has been read. Raises
    SQLAlchemyError when the database cannot be written (a full disk)."""
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM journal_meta WHERE key = ?", (UPDATE_UNTOLD,))


def _compact_if_pending(engine: Engine) -> None:
    """`compact` when the journal's ``journal_meta`` says it is still to be compacted
    (`COMPACTION_PENDING`); one read of one row otherwise."""
    with engine.connect() as connection:
        pending = connection.exec_driver_sql(
            "SELECT 1 FROM journal_meta WHERE key = ?", (COMPACTION_PENDING,)
        ).first()
    if pending is not None:
        compact(engine)


def compact(engine: Engine) -> None:
    """Merge each word index into one segment, then VACUUM, outside any migration's or
    import's transaction: the file shrinks to what it holds, and each save is quick
    again (after an import of 100k entries a save took 40 ms, 4.6 ms once compacted:
    FTS5's secure-delete looks for the old words in every segment; issue 12). Run after
    a `COMPACTING` revision and after a large import (`importer.compact_after_import`).

    FTS5 keeps what each transaction wrote as a segment of its own until it merges
    them, and a word is kept once per segment it is in: ``'optimize'`` merges them all
    (15 of the 339 pages of the benchmark's 1k journal, issue 12), leaving the old
    segments' pages free for the VACUUM to drop. Each step is one transaction: a
    failure (a full disk) leaves the journal as it was, perhaps larger, and still to
    be compacted (`COMPACTION_PENDING`), which a later unlock does. Nothing is started
    without room for twice the file (`COMPACTION_ROOM`): the merge and the VACUUM
    write through the log, which reached 1.37 times the file of a journal written
    entry by entry, and with the file's size alone free it filled the disk to its
    last byte (re-test 41, F1). Without that room the file stays as it is until an
    unlock finds it; a compaction that fails all the same gives its log's room back.
    """
    from journal.storage.safekeeping.backups import OPEN_ROOM, lacks_room

    path = known_damage.file_of(engine)
    if path is not None and lacks_room(
        path.parent, COMPACTION_ROOM * path.stat().st_size + OPEN_ROOM
    ):
        log.info("the journal is left to be compacted when there is room")
        return
    try:
        with engine.connect() as connection:
            present = {
                name
                for (name,) in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            for index in WORD_INDEXES:
                if index in present:
                    connection.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES('optimize')")
            connection.commit()
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql(
                "DELETE FROM journal_meta WHERE key = ?", (COMPACTION_PENDING,)
            )
            connection.commit()
            read_back.checkpoint(connection, path)
    except SQLAlchemyError:
        log.warning("the journal could not be compacted")
        _give_log_room_back(engine)


def _give_log_room_back(engine: Engine) -> None:
    """Empty the log of a compaction that failed (its work was rolled back): a VACUUM
    that ran out of room left a log as large as the file beside it, on a disk then
    full, and the next unlock could not open the journal (re-test 41, F1)."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except SQLAlchemyError:
        log.warning("the log of a failed compaction could not be emptied")

"""An open journal database: the engine and short, one-per-operation sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

from journal.errors import JournalFileDamaged
from journal.storage import known_damage, read_back
from journal.storage.failures import told
from journal.storage.lock import page_check
from journal.storage.models import JournalSetting

log = logging.getLogger(__name__)

BRIEF_WAIT_MS = 200  # a save takes a few ms; longer means another program holds the lock


class Database:
    """Owns the engine while a journal is unlocked; `close` forgets it."""

    def __init__(self, engine: Engine) -> None:
        self._engine: Engine | None = engine
        self._sessions: sessionmaker[Session] | None = sessionmaker(engine, expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the journal is locked")
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on error. A write
        SQLite refuses (full disk, locked by another program, read-only file), and a
        page it cannot read (a damaged file, read or written), is raised as its
        `SolaceError` (`journal.storage.failures.told`); any other SQLite error as
        it is. On a file known damaged (`known_damage`: a page of it failed before,
        here or on another connection) no session begins: raises JournalFileDamaged,
        and nothing more is read from or written to it."""
        if self._sessions is None or self._engine is None:
            raise RuntimeError("the journal is locked")
        if known_damage.is_known(self._engine):
            raise JournalFileDamaged()
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            found = told(error)
            if found is error:
                raise
            if isinstance(found, JournalFileDamaged):
                known_damage.mark(self._engine)
            raise found from error

    def wait_briefly(self) -> None:
        """Wait at most `BRIEF_WAIT_MS` for another connection's write lock (instead of
        the engine's 5 s): for the connection the window saves through, so a journal
        another program holds never freezes the window; the save is tried again."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {BRIEF_WAIT_MS}")

    def busy_timeout_ms(self) -> int:
        """How long a write waits for another connection's lock (ms)."""
        with self.engine.connect() as connection:
            return int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one())

    def get_setting(self, key: str, default: str = "") -> str:
        with self.session() as session:
            row = session.scalar(select(JournalSetting).where(JournalSetting.key == key))
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(JournalSetting(key=key, value=value))

    def replace_engine(self, engine: Engine) -> None:
        """Go on with ``engine``: the same journal opened under a new key (after the key
        is rotated), so that everything holding this Database keeps working. The old
        engine is checkpointed and disposed (see `close`)."""
        old = self._engine
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        if old is not None:
            self._close_engine(old)

    def close(self) -> None:
        """Checkpoint, dispose the engine and drop every reference to it. A file known
        damaged (`known_damage`) is not checkpointed, and its connections close without
        SQLite's own checkpoint: journal.db and its WAL stay exactly as they were."""
        engine, self._engine, self._sessions = self._engine, None, None
        if engine is not None:
            self._close_engine(engine)

    @staticmethod
    def _close_engine(engine: Engine) -> None:
        """Checkpoint ``engine``'s WAL into the file, then dispose it. A checkpoint
        refused (a full disk, a file-size limit, a read-only file) is logged and not
        raised: every commit is in the WAL, which SQLite reads at the next open, and a
        raw error here replaced the one the caller was telling (a full disk during an
        export was told as "Something went wrong"). A file known damaged
        (`known_damage`) is not checkpointed at all, nor one whose pages are being
        checked (`page_check.running`)."""
        if known_damage.is_known(engine):  # each connection closes without one
            engine.dispose()
            return
        db_path = known_damage.file_of(engine)
        if db_path is not None and page_check.running(db_path):
            # Nothing to copy (every write waits for the check), and the checkpoint
            # would wait for it too: closing an import's preview or an export's
            # connection froze the window for the whole check (break test 35, F7).
            engine.dispose()
            return
        try:
            with engine.connect() as connection:
                read_back.checkpoint(connection, db_path)
        except DBAPIError as error:
            log.warning("the WAL stays for the next open: %s", type(told(error)).__name__)
        finally:
            engine.dispose()


def set_up_models() -> None:
    """Set up the ORM's mapping of every model imported so far (SQLAlchemy's
    ``configure_mappers``: about 6 ms here for Solace's models), which the first query
    of a process does otherwise. For a background thread before the first unlock."""
    configure_mappers()

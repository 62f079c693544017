"""Bringing a journal's schema up to date, safely.

Migrations run from code on the keyed connection (no URL anywhere). Before any
upgrade of an existing journal an encrypted snapshot is taken. A database that
carries a revision this app does not know was written by a newer Solace and is
refused, untouched. Feature areas add migrations that branch from the first one,
so the app upgrades to all heads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from journal.errors import DatabaseTooNew
from journal.storage import known_damage, read_back

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once: they do not change while the app runs."""
    return ScriptDirectory.from_config(_config())


def known_revisions() -> set[str]:
    """Every Alembic revision this version of Solace ships."""
    return {rev.revision for rev in _scripts().walk_revisions()}


def head_revisions() -> set[str]:
    """The newest Alembic revision(s): what a database is migrated to."""
    return set(_scripts().get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The Alembic revision(s) the database behind ``engine`` has applied (empty when new)."""
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def _missing(current: set[str]) -> set[str]:
    """Revisions this app has that the database has not applied yet."""
    known = known_revisions()
    if current - known:
        raise DatabaseTooNew()
    applied: set[str] = set()
    for rev in current:
        applied |= {r.revision for r in _scripts().iterate_revisions(rev, "base")}
    return known - applied


# Revisions that leave much of an existing file free (0009 packs every body): the
# file is rewritten compactly after them (VACUUM), so the space comes back at once.
COMPACTING = frozenset({"0009_compact_entries"})


def upgrade(engine: Engine, snapshot: Callable[[], object] | None = None) -> bool:
    """Upgrade to every head; snapshot first when an existing journal changes.

    Returns True when anything was migrated.
    """
    current = current_revisions(engine)
    missing = _missing(current)
    if not missing:
        return False
    if snapshot is not None and current:
        snapshot()
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    if current and missing & COMPACTING:
        _compact(engine)
    return True


def _compact(engine: Engine) -> None:
    """VACUUM, outside the migration's transaction: the file shrinks to what it holds.

    One transaction: a failure (a full disk) leaves the journal as it was, only larger.
    """
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM")
            read_back.checkpoint(connection, known_damage.file_of(engine))
    except SQLAlchemyError:
        log.warning("the journal could not be compacted after its upgrade")

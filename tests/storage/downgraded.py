"""A journal's schema taken back to an older revision, as an older Solace left it: the
set-up every migration test shares (real SQLCipher journals, Alembic's own downgrade)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from sqlalchemy import Connection, Engine

from journal.storage import migrate


@contextmanager
def downgraded(engine: Engine, revision: str) -> Iterator[Connection]:
    """Take the journal behind ``engine`` back to the Alembic ``revision`` (for example
    ``"0017_visible_headlines"``) and yield the same transaction's connection, so a test
    can write rows as the older code wrote them; committed when the block ends."""
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        yield connection


def downgrade(engine: Engine, revision: str) -> None:
    """Take the journal behind ``engine`` back to the Alembic ``revision`` and commit."""
    with downgraded(engine, revision):
        pass

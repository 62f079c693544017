"""Library times become UTC like every other table's (they were the local wall clock).

Bookmarks and closeness ideas were stamped with ``datetime.now()``, the local
wall clock, while every other table stores UTC. Each stored time is read as the
person's local time under the rules in force on its day and rewritten as UTC.

Revision ID: 0005_library_utc
Revises: 0003_library
"""

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from journal.domain.common.local_time import from_local, to_local

revision = "0005_library_utc"
down_revision = "0003_library"
branch_labels = None
depends_on = None

COLUMNS = (
    ("library_bookmarks", "slug", "created_at"),
    ("closeness_marks", "idea_id", "updated_at"),
    ("closeness_own_ideas", "id", "created_at"),
)
STORED = "%Y-%m-%d %H:%M:%S.%f"


def _rewrite(convert: Callable[[datetime], datetime]) -> None:
    connection = op.get_bind()
    for table, key, column in COLUMNS:
        rows = connection.execute(sa.text(f"SELECT {key}, {column} FROM {table}")).all()
        for row_key, stored in rows:
            moment = convert(datetime.fromisoformat(str(stored)))
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = :moment WHERE {key} = :key"),
                {"moment": moment.strftime(STORED), "key": row_key},
            )


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: library times
    become UTC like every other table's (they were the local wall clock)."""
    _rewrite(lambda wall: from_local(wall).replace(tzinfo=None))


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    _rewrite(lambda utc: to_local(utc.replace(tzinfo=UTC)).replace(tzinfo=None))

"""Each body log and pad change keeps the time zone it was noted in (issue 9, break
test findings 2 and 9), as entries do since 0010.

``body_logs.zone`` and ``body_pad_changes.zone`` are IANA zone names
("Europe/Berlin"), or NULL for "the computer's zone", which is what every log and
pad change noted before this revision is shown and counted in, so an existing
journal reads exactly as before. New ones record the computer's zone when they are
noted; an edit keeps the zone the log had. Adding a nullable column rewrites no row
(a snapshot is taken before any migration of an existing journal).

Revision ID: 0012_body_zone
Revises: 0004_body (the body branch; numbered after 0011)
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_body_zone"
down_revision = "0004_body"
branch_labels = None
depends_on = None

_TABLES = ("body_logs", "body_pad_changes")


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each body
    log and pad change keeps the time zone it was noted in (issue 9)."""
    for table in _TABLES:
        op.add_column(table, sa.Column("zone", sa.String(64), nullable=True))


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    for table in _TABLES:
        op.drop_column(table, "zone")  # SQLite's own DROP COLUMN

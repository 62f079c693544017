"""Each entry keeps the time zone it was written in (issue 16, break test finding 6).

``entries.zone`` is an IANA zone name ("Asia/Tokyo"), or NULL for "the computer's
zone", which is what every entry written before this revision is shown in, so an
existing journal reads exactly as before. New entries record the computer's zone
when they are written; a Day One import records each entry's ``timeZone``. Adding a
nullable column rewrites no row.

Revision ID: 0010_entry_zone
Revises: 0009_compact_entries
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_entry_zone"
down_revision = "0009_compact_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each entry
    keeps the time zone it was written in (issue 16, break test finding 6)."""
    op.add_column("entries", sa.Column("zone", sa.String(64), nullable=True))


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_column("entries", "zone")  # SQLite's own DROP COLUMN: triggers and view stay

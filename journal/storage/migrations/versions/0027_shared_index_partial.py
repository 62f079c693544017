"""Together's index of shared entries holds the shared entries only.

``ix_entries_shared_created`` (0006_together) held a row for every entry, private or
shared, so that Together's reads (``WHERE shared = 1 ORDER BY created_at, seq``)
never read a private row. A partial index (``WHERE shared = 1``) answers the same
reads from the shared rows alone, and a journal where little is shared no longer
keeps a second date index of all its entries: 7 of the 342 pages of the benchmark's
1k journal, about 2 % of every journal's file (issue 12). Nothing but the index
changes. The file is compacted after this revision (`journal.storage.migrate`), so
the pages the old index held come back at once. A snapshot is taken before any
migration of an existing journal.

Revision ID: 0027_shared_index_partial
Revises: 0025_answer_and_sign_zones (the Together branch)
"""

import sqlalchemy as sa
from alembic import op

revision = "0027_shared_index_partial"
down_revision = "0025_answer_and_sign_zones"
branch_labels = None
depends_on = None

INDEX = "ix_entries_shared_created"


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the index
    of shared entries by date is made again with only the shared entries in it."""
    op.drop_index(INDEX, "entries")
    # ``shared`` stays its first column: SQLite then answers ``shared = 1`` with a search
    # of this index rather than a scan of ``ix_entries_created`` (its cost model, with
    # no statistics, does not count the rows a partial index leaves out).
    op.create_index(INDEX, "entries", ["shared", "created_at"], sqlite_where=sa.text("shared = 1"))


def downgrade() -> None:
    """Alembic's step back to the previous revision: the index of every entry by
    whether it is shared and its date, as 0006_together made it."""
    op.drop_index(INDEX, "entries")
    op.create_index(INDEX, "entries", ["shared", "created_at"])

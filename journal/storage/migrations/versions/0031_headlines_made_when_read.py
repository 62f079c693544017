"""An entry's headline is made when it is read, not stored (issue 12).

``entries.headline`` held what lists show of an entry: its title, or else its body's
first line with something in it, as plain words (`make_headline`). It was a copy of
words the row holds anyway, 8 % of the benchmark journal's file (52 of every 633
bytes of text), and each change to the rule that makes it had every entry written
again (0017, 0019, 0026). Lists now make it as each row is read: the SQL function
``solace_headline(title, body)`` (`journal.storage.types.stored_headline`) unpacks a
body only as far as its first line with words.

The column is dropped (SQLite rewrites the table without it), and the compaction
after this revision (`journal.storage.migrate.COMPACTING`) gives its pages back. No
entry's words change. A snapshot is taken before any migration of an existing journal.

Revision ID: 0031_headlines_made_when_read
Revises: 0030_feelings_one_index (the entries branch)
"""

import sqlalchemy as sa
from alembic import op

from journal.storage.migrations.headlines import remake_headlines

revision = "0031_headlines_made_when_read"
down_revision = "0030_feelings_one_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the
    stored headlines are dropped."""
    op.execute("ALTER TABLE entries DROP COLUMN headline")


def downgrade() -> None:
    """Alembic's step back to the previous revision: the column comes back, each
    entry's headline made again."""
    op.add_column("entries", sa.Column("headline", sa.Text(), nullable=False, server_default=""))
    remake_headlines("1")

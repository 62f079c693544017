"""The tag and feeling links keep one B-tree each (issue 12).

``entry_tags`` and ``entry_feelings`` are WITHOUT ROWID tables keyed by (entry, tag)
and (entry, feeling) since 0009, and each also kept an index by tag or feeling alone,
a second copy of every row. No query is the quicker for it: a filter by tag or by
feeling asks whether an entry has it (a lookup of the key: `EntrySearch`), and the
list of a journal's tags and the count of its feelings read every row either way
(SQLite's query plans, before and after). Each index was 7 to 9 of the 331 pages of
the benchmark's 1k journal, and every save of an entry wrote both copies.

Both indexes are dropped; the compaction after this revision
(`journal.storage.migrate.COMPACTING`) gives their pages back. No entry changes. A
snapshot is taken before any migration of an existing journal.

Revision ID: 0030_links_one_index
Revises: 0029_invisible_characters (the entries branch)
"""

from alembic import op

revision = "0030_links_one_index"
down_revision = "0029_invisible_characters"
branch_labels = None
depends_on = None

#: (link table, the column its dropped index was by)
LINKS = (("entry_feelings", "feeling"), ("entry_tags", "tag"))


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the links'
    second indexes are dropped."""
    for table, column in LINKS:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}")


def downgrade() -> None:
    """Alembic's step back to the previous revision: the indexes are made again."""
    for table, column in LINKS:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column} ON {table} ({column})")

"""The feeling links keep one B-tree (issue 12).

``entry_feelings`` is a WITHOUT ROWID table keyed by (entry, feeling) since 0009,
and it also kept an index by feeling alone, a second copy of every row. No query is
the quicker for it, and one was far slower:

* the filter by feeling asks whether an entry has it, a lookup of the key
  (`EntrySearch`), with or without the index;
* the feelings named most (`MoodStats.top_feelings`) walked the index and read each
  row's entry by its key, one page here and one there: 1.68 s at 100k entries,
  against 0.28 s reading the table in order (medians of 7, this 2-core machine).

The index was 9 of the 331 pages of the benchmark's 1k journal, and every save of an
entry wrote both copies. It is dropped; the compaction after this revision
(`journal.storage.migrate.COMPACTING`) gives its pages back. No entry changes. A
snapshot is taken before any migration of an existing journal.

The tags' index by tag stays: a tag filter and a save list the journal's tags from it
(`EntrySearch._spellings`, `repository._SPELLINGS`), one seek of it per tag, where
reading the table took 12.2 ms at 100k on every keystroke.

Revision ID: 0030_feelings_one_index
Revises: 0029_invisible_characters (the entries branch)
"""

from alembic import op

revision = "0030_feelings_one_index"
down_revision = "0029_invisible_characters"
branch_labels = None
depends_on = None

#: The index dropped, and what it was made of.
DROPPED_INDEX = "ix_entry_feelings_feeling"


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the
    feelings' second index is dropped."""
    op.execute(f"DROP INDEX IF EXISTS {DROPPED_INDEX}")


def downgrade() -> None:
    """Alembic's step back to the previous revision: the index is made again."""
    op.execute(f"CREATE INDEX IF NOT EXISTS {DROPPED_INDEX} ON entry_feelings (feeling)")

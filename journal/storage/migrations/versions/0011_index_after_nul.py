"""The word index holds every word of a body that holds a NUL character.

Until now ``solace_unpack`` handed SQLite a body's text only up to its first NUL
(sqlcipher3 ends a Python function's text there), so the words after it were never
indexed. The function now gives a space for each NUL (`journal.storage.types.
index_text`); the index is rebuilt once from the bodies so that it holds exactly
what the triggers will remove again when an entry changes (a snapshot is taken
before any migration of an existing journal).

Revision ID: 0011_index_after_nul
Revises: 0010_entry_zone
"""

from alembic import op

revision = "0011_index_after_nul"
down_revision = "0010_entry_zone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the word index
    holds every word of a body that holds a NUL character."""
    op.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")


def downgrade() -> None:
    """Nothing to undo: the rebuilt index is right for the earlier revision's text."""

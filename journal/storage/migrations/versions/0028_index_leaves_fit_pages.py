"""The word indexes' leaves fit SQLCipher's pages (issue 12).

FTS5 writes an index in leaves of up to ``pgsz`` bytes, 4,050 by default: sized for
SQLite's 4,096-byte page. SQLCipher keeps 80 bytes of every page for the page's IV
and HMAC (16 + 64 with its default HMAC-SHA512), so a row keeps at most 3,981 bytes
on its page (the 4,016 usable less 35, SQLite's rule for a table's leaf page) and
each larger leaf put its last 3.5 KB in an overflow page of its own: 70 of the 87
leaves of the word index of the benchmark's 1k journal did. Leaves of `LEAF_BYTES`
fit a page each, with room for the row's header. After a rebuild of that index: 311
pages in all against 317.

Only the setting changes here, for both indexes (the word index and the pairs
index); FTS5 writes leaves of the new size from now on, and the compaction after
this revision (`journal.storage.migrate.COMPACTING`) merges each index, so every
leaf is written again at once. A word index made again must be given the setting
again. No entry changes. A snapshot is taken before any migration of an existing
journal.

Revision ID: 0028_index_leaves_fit_pages
Revises: 0026_backslash_headlines (the entries branch)
"""

from alembic import op

revision = "0028_index_leaves_fit_pages"
down_revision = "0026_backslash_headlines"
branch_labels = None
depends_on = None

#: Bytes of an FTS5 leaf: within the 3,981 bytes of a row kept on a SQLCipher page,
#: less the row's own header (4 bytes: its size, the id's and the block's types), with
#: room to spare.
LEAF_BYTES = 3960
#: FTS5's own default, for the step back.
FTS5_DEFAULT_LEAF_BYTES = 4050
INDEXES = ("entries_fts", "entries_grams")


def _set_leaf_bytes(size: int) -> None:
    for index in INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('pgsz', {size})")


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: both
    indexes write leaves of `LEAF_BYTES` from now on."""
    _set_leaf_bytes(LEAF_BYTES)


def downgrade() -> None:
    """Alembic's step back to the previous revision: FTS5's default leaves again."""
    _set_leaf_bytes(FTS5_DEFAULT_LEAF_BYTES)

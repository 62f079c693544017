"""Search reads a word as whole when a character that shows nothing sits inside it.

`journal.domain.common.letters.search_fold` now drops the soft hyphen, the zero-width
space, the word joiner, the zero-width no-break space, the direction marks and the
bidirectional embeddings and isolates (``INVISIBLE`` there), and the search of scripts
written without spaces drops them too (``journal.storage.ngrams``): "fever" finds an
entry whose "fe\\u200bver" was pasted from a chat (re-test 47, N4).

Only an entry whose title, body or tags hold one of them is indexed differently, so
both search indexes are rebuilt from the bodies
(`journal.storage.migrations.reindex.reindex_search`) when one entry does, and nothing
is done otherwise (one read of the entries, stopping at the first that does). No
entry's text or time changes. A snapshot is taken before any migration of an existing
journal.

Revision ID: 0029_invisible_characters
Revises: 0028_index_leaves_fit_pages (the entries branch)
"""

import re

import sqlalchemy as sa
from alembic import op

from journal.storage.migrations.reindex import reindex_search

revision = "0029_invisible_characters"
down_revision = "0028_index_leaves_fit_pages"
branch_labels = None
depends_on = None

#: The characters search drops from this revision on, as it wrote them: U+00AD, U+061C,
#: U+200B, U+200E, U+200F, U+202A to U+202E, U+2060 to U+2064, U+2066 to U+2069, U+FEFF.
SHOW_NOTHING = (
    "\u00ad\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SHOWS_NOTHING = re.compile(f"[{SHOW_NOTHING}]")


def _holds_any() -> bool:
    """Whether an entry's title, body or tags hold one of `SHOW_NOTHING`: each entry
    read once (its body unpacked once), until one does."""
    rows = op.get_bind().execute(sa.text("SELECT title, solace_unpack(body), tags FROM entries"))
    try:
        return any(_SHOWS_NOTHING.search(text) for row in rows for text in row if text)
    finally:
        rows.close()


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: both
    indexes made again when an entry holds a character search now drops."""
    if _holds_any():
        reindex_search()


def downgrade() -> None:
    """Alembic's step back: the indexes are built again by the code that runs it (an
    earlier app refuses a newer journal, so only this app steps back), when they
    differ."""
    if _holds_any():
        reindex_search()

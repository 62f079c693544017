"""Journal search inside Chinese, Japanese, Korean, Thai...: a pairs index beside the word index.

``entries_grams`` is a contentless FTS5 table (the text already lives in
``entries``; only the pair tokens are kept, see ``journal.storage.ngrams``),
with secure-delete so a deleted entry leaves no tokens behind. The repository
writes its row when an entry's title, body or tags change; a trigger removes
it with the entry. Existing entries are indexed here (a snapshot is taken
before any migration of an existing journal).

Revision ID: 0006_entries_grams
Revises: 0002_entries
"""

import sqlalchemy as sa
from alembic import op

from journal.storage.ngrams import GRAMS_TOKENIZER, grams_text

revision = "0006_entries_grams"
down_revision = "0002_entries"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: journal search
    inside Chinese, Japanese, Korean, Thai...: a pairs index beside the word index."""
    op.execute(
        "CREATE VIRTUAL TABLE entries_grams USING fts5("
        f'grams, content="", contentless_delete=1, tokenize="{GRAMS_TOKENIZER}")'
    )
    op.execute("INSERT INTO entries_grams(entries_grams, rank) VALUES ('secure-delete', 1)")
    op.execute(
        "CREATE TRIGGER entries_grams_delete AFTER DELETE ON entries BEGIN "
        "DELETE FROM entries_grams WHERE rowid = old.seq; END"
    )
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT seq, title, body, tags FROM entries WHERE seq > :last "
                "ORDER BY seq LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        values = [
            {"seq": seq, "grams": grams}
            for seq, title, body, tags in rows
            if (grams := grams_text(title, body, tags))
        ]
        if values:
            connection.execute(
                sa.text("INSERT INTO entries_grams(rowid, grams) VALUES (:seq, :grams)"), values
            )
        last = rows[-1][0]


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.execute("DROP TRIGGER IF EXISTS entries_grams_delete")
    op.execute("DROP TABLE IF EXISTS entries_grams")

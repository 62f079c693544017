"""A stored headline shows something: a first line holding only invisible characters is
skipped, and control characters show as their visible marks.

`journal.domain.entries.entry.make_headline` now skips a line that holds nothing that
shows (a direction mark, a zero-width space, a byte-order mark alone:
``journal.domain.entries.visible``) as it skipped a blank one, and shows a control
character as its mark ("␀"), as imports do (break test 9 of session 14, finding 10).
Each entry keeps its headline in the ``headline`` column, written at save; only a
headline the old rule made with nothing visible in it or with a control character in
it can differ under the new rule, so only those are written again. A snapshot is
taken before any migration of an existing journal.

Revision ID: 0017_visible_headlines
Revises: 0016_tags_read_as_the_editor
"""

import sqlalchemy as sa
from alembic import op

from journal.domain.entries.entry import make_headline
from journal.domain.entries.visible import has_visible
from journal.domain.safekeeping.controls import has_controls
from journal.storage.types import unpack_text

revision = "0017_visible_headlines"
down_revision = "0016_tags_read_as_the_editor"
branch_labels = None
depends_on = None

BATCH = 500


def _unseen(headline: str | None) -> bool:
    """Whether the old rule may have made ``headline`` differently from today's."""
    text = headline or ""
    return not has_visible(text) or has_controls(text)


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each
    headline with nothing visible or with a control character is made again from its
    entry's title and body."""
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT seq, headline FROM entries WHERE seq > :last ORDER BY seq LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        for seq, headline in rows:
            if not _unseen(headline):
                continue
            title, body = connection.execute(
                sa.text("SELECT title, body FROM entries WHERE seq = :seq"), {"seq": seq}
            ).one()
            made = make_headline(title or "", unpack_text(body) or "")
            if made != headline:
                connection.execute(
                    sa.text("UPDATE entries SET headline = :headline WHERE seq = :seq"),
                    {"headline": made, "seq": seq},
                )
        last = rows[-1][0]


def downgrade() -> None:
    """Nothing to undo: a headline that shows something is right for the earlier
    revision too."""

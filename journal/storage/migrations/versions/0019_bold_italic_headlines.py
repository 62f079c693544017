"""Stored headlines of bold italic lines are made again by today's rule.

Since bold italic is read as such (``***x***`` and ``_**x**_``, as CommonMark reads
them; `journal.domain.entries.markup`), a headline made from such a line takes off all
its stars (``I miss you``), but an entry saved before kept the old rule's headline
(``*I miss you*``) in its ``headline`` column until it was saved again. The old rule
differed only in which ``*`` and ``_`` it took off, so only a stored headline that
still holds a ``*`` or a ``_`` can differ: those are made again from the entry's title
and body with `make_headline`, and written only when they differ. No text, time or tag
changes. A snapshot is taken before any migration of an existing journal.

Revision ID: 0019_bold_italic_headlines
Revises: 0017_visible_headlines (the entries branch)
"""

import sqlalchemy as sa
from alembic import op

from journal.domain.entries.entry import make_headline
from journal.storage.types import unpack_text

revision = "0019_bold_italic_headlines"
down_revision = "0017_visible_headlines"
branch_labels = None
depends_on = None

BATCH = 500
# A headline with a star or an underscore in it (the only ones the old rule made
# differently); "\" escapes "_", which LIKE reads as "any one character".
_MAY_DIFFER = "(headline LIKE '%*%' OR headline LIKE '%\\_%' ESCAPE '\\')"


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each
    headline that holds a star or an underscore is made again from its entry's title
    and body, and written when today's rule makes another."""
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                f"SELECT seq, headline, title FROM entries WHERE seq > :last AND {_MAY_DIFFER}"
                " ORDER BY seq LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        for seq, headline, title in rows:
            (body,) = connection.execute(
                sa.text("SELECT body FROM entries WHERE seq = :seq"), {"seq": seq}
            ).one()
            made = make_headline(title or "", unpack_text(body) or "")
            if made != headline:
                connection.execute(
                    sa.text("UPDATE entries SET headline = :headline WHERE seq = :seq"),
                    {"headline": made, "seq": seq},
                )
        last = rows[-1][0]


def downgrade() -> None:
    """Nothing to undo: today's headline is right for the earlier revision too."""

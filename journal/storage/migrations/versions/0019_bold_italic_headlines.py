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

from journal.storage.migrations.headlines import remake_headlines

revision = "0019_bold_italic_headlines"
down_revision = "0017_visible_headlines"
branch_labels = None
depends_on = None

# A headline with a star or an underscore in it (the only ones the old rule made
# differently); "\" escapes "_", which LIKE reads as "any one character".
_MAY_DIFFER = "(headline LIKE '%*%' OR headline LIKE '%\\_%' ESCAPE '\\')"


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each
    headline that holds a star or an underscore is made again from its entry's title
    and body, and written when today's rule makes another."""
    remake_headlines(_MAY_DIFFER)


def downgrade() -> None:
    """Nothing to undo: today's headline is right for the earlier revision too."""

"""Search reads measurements one way however they are typed (issue 9).

The pairs index now holds each measurement in one spelling, whatever way it was
typed ("39C", "38,5 °C", "102F", "39 degrees", "ºC": ``journal.storage.measures``), and
each decimal number ("38.5"), so that "°F" finds "102F" and "38.5°C" no longer finds
"38 °C" (break test 9 of session 15, finding 9). Entries written before hold none of
these tokens, so the pairs index is written again for every entry and the word index
rebuilt from the bodies (`journal.storage.migrations.reindex.reindex_search`). No
entry's text or time changes. A snapshot is taken before any migration of an existing
journal.

Revision ID: 0022_measures_and_persian_search
Revises: 0017_visible_headlines (the entries branch; the lead relinks it after any other
revision that follows 0017 there)
"""

from journal.storage.migrations.reindex import reindex_search

revision = "0022_measures_and_persian_search"
down_revision = "0017_visible_headlines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: both
    search indexes hold what today's code reads in every entry."""
    reindex_search()


def downgrade() -> None:
    """Alembic's step back: the indexes are built again by the code that runs it (an
    earlier app refuses a newer journal, so only this app steps back)."""
    reindex_search()

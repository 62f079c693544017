"""Search reads Persian and Urdu letters as their Arabic twins (issue 9).

`journal.storage.word_forms.search_fold` now also writes the Farsi yeh ی and the yeh
barree ے as the Arabic yeh ي, the keheh ک as the kaf ك, and the heh with yeh ۀ and the
heh goal ہ as the heh ه: the pairs look alike in most fonts and which one a word holds
depends on the keyboard it was typed on, so "یک" typed in Persian and "يك" pasted from
an Arabic text are one word (break test 9 of session 14, finding 5). Both indexes are
rebuilt from the bodies (`journal.storage.migrations.reindex.reindex_search`), with
everything else the index learned in the same release: a unit written against a number
("38.5°C") is also indexed alone ("°c"), so "°C" finds it (finding 8). A snapshot is
taken before any migration of an existing journal.

Revision ID: 0015_persian_letters
Revises: 0014_arabic_letters
"""

from journal.storage.migrations.reindex import reindex_search

revision = "0015_persian_letters"
down_revision = "0014_arabic_letters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: both
    indexes hold the words' forms as `search_fold` folds them."""
    reindex_search()


def downgrade() -> None:
    """Alembic's step back: the indexes are built again by the code that runs it (an
    earlier app refuses a newer journal, so only this app steps back)."""
    reindex_search()

"""Search reads Arabic letters written in more than one way as one (issue 9).

`journal.storage.word_forms.search_fold` now also writes أ إ آ ٱ as ا, ى as ي and ة as
ه, and takes off harakat and the tatweel, for a query and for the forms the word index
holds beside each body (`journal.storage.word_forms.index_forms`); the symbol tokens
of the pairs index are folded by it too (``journal.storage.symbols``). The word index
is rebuilt from the bodies through its view (``solace_index_body``), so it holds exactly
what its triggers will remove again when an entry changes, and the pairs index is
written again for every entry, as 0013 wrote it. A snapshot is taken before any
migration of an existing journal.

Revision ID: 0014_arabic_letters
Revises: 0013_word_forms
"""

from journal.storage.migrations.reindex import reindex_search

revision = "0014_arabic_letters"
down_revision = "0013_word_forms"
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

"""Search finds Hebrew and Arabic words inside their written form, words written with
compatibility characters, and emoji and symbols (issue 9, break test findings 6, 7).

* The word index reads each body with the other forms of the entry's words after it
  (`journal.storage.word_forms.index_forms`: NFKC-folded words, Hebrew and Arabic words
  without their attached prefixes), through the view ``entries_text`` and the
  triggers with ``solace_index_body`` (`journal.storage.types.index_body`,
  registered on every connection), so one unpacking of a body serves both: the
  search's snippets read no body twice. A text that is ASCII, or that NFKC leaves
  alone and holds no Hebrew or Arabic, has no forms: its index is as before.
* The pairs index also holds emoji and symbol tokens (``journal.storage.symbols``):
  it is emptied and written again for every entry, as 0006 first wrote it.

The word index is made again and rebuilt from the bodies, as 0009 did (same
options: no positions, prefix indexes for 2-5 letters, no column sizes,
secure-delete); a snapshot is taken before any migration of an existing journal.

Revision ID: 0013_word_forms
Revises: 0011_index_after_nul
"""

from alembic import op

from journal.storage.migrations.reindex import rewrite_grams
from journal.storage.ngrams import grams_text, index_grams

revision = "0013_word_forms"
down_revision = "0011_index_after_nul"
branch_labels = None
depends_on = None

_TRIGGERS = ("entries_fts_insert", "entries_fts_delete", "entries_fts_update")
_OPTIONS = (
    "tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '2 3 4 5', columnsize = 0"
)


def _word_index(with_forms: bool) -> list[str]:
    """The view, the word index and its triggers: the body read with its word forms
    after it (``solace_index_body``), or without (``solace_unpack``, as 0009 made it)."""
    columns = "title, body, tags, feelings"

    def body(row: str) -> str:
        if with_forms:
            return f"solace_index_body({row}body, {row}title, {row}tags)"
        return f"solace_unpack({row}body)"

    def values(row: str) -> str:
        return f"{row}.title, {body(row + '.')}, {row}.tags, {row}.feelings"

    return [
        f"CREATE VIEW entries_text AS SELECT seq, title, {body('')} AS body, "
        "tags, feelings FROM entries",
        f"""CREATE VIRTUAL TABLE entries_fts USING fts5(
            {columns}, content='entries_text', content_rowid='seq', {_OPTIONS})""",
        "INSERT INTO entries_fts(entries_fts, rank) VALUES ('secure-delete', 1)",
        f"""CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts(rowid, {columns}) VALUES (new.seq, {values("new")});
        END""",
        f"""CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, {columns})
            VALUES ('delete', old.seq, {values("old")});
        END""",
        f"""CREATE TRIGGER entries_fts_update AFTER UPDATE OF {columns} ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, {columns})
            VALUES ('delete', old.seq, {values("old")});
            INSERT INTO entries_fts(rowid, {columns}) VALUES (new.seq, {values("new")});
        END""",
        "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
    ]


def _replace_word_index(with_forms: bool) -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entries_fts")
    op.execute("DROP VIEW IF EXISTS entries_text")
    for statement in _word_index(with_forms):
        op.execute(statement)


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the word
    index's ``forms`` column, and emoji and symbols in the pairs index."""
    _replace_word_index(with_forms=True)
    rewrite_grams(index_grams)


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    _replace_word_index(with_forms=False)
    rewrite_grams(grams_text)

"""A journal file under twice its text (issue 12): packed bodies, a lean word index.

Measured at 100k generated entries (62 MB of text; file / text, with the table of
every option tried in the issue's note):

* bodies are stored zlib-packed (``journal.storage.types.PackedText``): the
  ``entries`` table goes from 1.43x to 0.84x the text;
* the word index keeps no positions (``detail=none``, 1.16x -> 0.11x): every token
  of a query is its own term ANDed with the others (see
  ``journal.storage.entries.search.match_expression``), so positions were only
  used by snippets, which FTS5 then finds by re-reading the few rows shown;
* prefix indexes for 2 to 5 letters (+0.30x): a prefix query that has no index of
  its length reads every matching term's whole list, so "the"* took 40 ms at
  100k with only the 2-letter index; with them every prefix of 1 to 5 letters is
  one list read newest first and cut at the page size;
* ``columnsize=0``: nothing reads the column sizes (results are ordered by date,
  not bm25), so the per-row size table is not kept;
* ``entry_feelings`` and ``entry_tags`` are WITHOUT ROWID tables (the primary key
  is the table), which drops one copy of every row.

The index reads the bodies through the view ``entries_text`` (``solace_unpack``,
registered on every connection). Secure-delete stays on for the index, and the
tables are rewritten with ``secure_delete`` on, so no old page keeps a body's
plain bytes; the encrypted snapshot before every migration keeps the old form.

Revision ID: 0009_compact_entries
Revises: 0006_entries_grams
"""

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from journal.storage.types import pack_text, unpack_text

revision = "0009_compact_entries"
down_revision = "0006_entries_grams"
branch_labels = None
depends_on = None

BATCH = 500
_COLUMNS = "title, body, tags, feelings"
_TRIGGERS = ("entries_fts_insert", "entries_fts_delete", "entries_fts_update")
_LINKS = (("entry_feelings", "feeling"), ("entry_tags", "tag"))
WORD_INDEX_OPTIONS = (
    "tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '2 3 4 5', columnsize = 0"
)


def _word_index(content: str, body: str, options: str) -> list[str]:
    """The word index over ``content`` and its triggers; ``body`` wraps the body
    column for the index ("solace_unpack({})" when bodies are packed)."""
    old = f"old.title, {body.format('old.body')}, old.tags, old.feelings"
    new = f"new.title, {body.format('new.body')}, new.tags, new.feelings"
    return [
        f"""CREATE VIRTUAL TABLE entries_fts USING fts5(
            {_COLUMNS}, content='{content}', content_rowid='seq', {options})""",
        "INSERT INTO entries_fts(entries_fts, rank) VALUES ('secure-delete', 1)",
        f"""CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts(rowid, {_COLUMNS}) VALUES (new.seq, {new});
        END""",
        f"""CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.seq, {old});
        END""",
        f"""CREATE TRIGGER entries_fts_update AFTER UPDATE OF {_COLUMNS} ON entries BEGIN
            INSERT INTO entries_fts(entries_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.seq, {old});
            INSERT INTO entries_fts(rowid, {_COLUMNS}) VALUES (new.seq, {new});
        END""",
        "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
    ]


def _drop_word_index() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entries_fts")


def _rewrite_bodies(convert: Callable[[Any], object]) -> None:
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text("SELECT seq, body FROM entries WHERE seq > :last ORDER BY seq LIMIT :batch"),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        connection.execute(
            sa.text("UPDATE entries SET body = :body WHERE seq = :seq"),
            [{"seq": seq, "body": convert(body)} for seq, body in rows],
        )
        last = rows[-1][0]


def _rebuild_links(without_rowid: bool) -> None:
    suffix = " WITHOUT ROWID" if without_rowid else ""
    for table, column in _LINKS:
        op.execute(
            f"""CREATE TABLE {table}_new (
                entry_seq INTEGER NOT NULL REFERENCES entries (seq) ON DELETE CASCADE,
                {column} VARCHAR(40) NOT NULL,
                PRIMARY KEY (entry_seq, {column})){suffix}"""
        )
        op.execute(f"INSERT INTO {table}_new SELECT entry_seq, {column} FROM {table}")
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
        op.execute(f"CREATE INDEX ix_{table}_{column} ON {table} ({column})")


def _pack(body: object) -> object:
    return pack_text(body) if isinstance(body, str) else body


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: a journal file
    under twice its text (issue 12): packed bodies, a lean word index."""
    _drop_word_index()
    _rewrite_bodies(_pack)
    op.execute(
        "CREATE VIEW entries_text AS SELECT seq, title, solace_unpack(body) AS body, "
        "tags, feelings FROM entries"
    )
    for statement in _word_index("entries_text", "solace_unpack({})", WORD_INDEX_OPTIONS):
        op.execute(statement)
    _rebuild_links(without_rowid=True)


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    _drop_word_index()
    op.execute("DROP VIEW IF EXISTS entries_text")
    _rewrite_bodies(unpack_text)
    for statement in _word_index(
        "entries", "{}", "tokenize = 'unicode61 remove_diacritics 2', prefix = '2'"
    ):
        op.execute(statement)
    op.execute(
        "INSERT INTO entries_fts(entries_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 4.0, 4.0)')"
    )
    _rebuild_links(without_rowid=False)

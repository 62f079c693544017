"""The recovery journal: entries, feelings, tags, prompts, remembrance dates,
and the full-text index kept in step by triggers.

Revision ID: 0002_entries
Revises: 0001_vault
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_entries"
down_revision = "0001_vault"
branch_labels = None
depends_on = None

_FTS_COLUMNS = "title, body, tags, feelings"
_OLD = "old.title, old.body, old.tags, old.feelings"
_NEW = "new.title, new.body, new.tags, new.feelings"

_FTS = [
    # External content: the words live once, in `entries`. Accents are folded
    # ("cafe" finds "café"). One prefix index (two letters) keeps search-as-you-type
    # quick; more prefix indexes make every save slower, because secure-delete
    # has to rewrite each indexed form of the old text.
    f"""CREATE VIRTUAL TABLE entries_fts USING fts5(
        {_FTS_COLUMNS}, content='entries', content_rowid='seq',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2')""",
    # FTS5's own secure-delete: a deleted row's tokens are removed from the
    # index b-tree itself, not just masked by a delete marker.
    "INSERT INTO entries_fts(entries_fts, rank) VALUES ('secure-delete', 1)",
    "INSERT INTO entries_fts(entries_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 4.0, 4.0)')",
    f"""CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts(rowid, {_FTS_COLUMNS}) VALUES (new.seq, {_NEW});
    END""",
    f"""CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.seq, {_OLD});
    END""",
    f"""CREATE TRIGGER entries_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.seq, {_OLD});
        INSERT INTO entries_fts(rowid, {_FTS_COLUMNS}) VALUES (new.seq, {_NEW});
    END""",
]


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the recovery
    journal: entries, feelings, tags, prompts, remembrance dates, and the full-text index
    kept in step by triggers."""
    op.create_table(
        "entries",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("prompt_id", sa.String(80), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("feelings", sa.Text(), nullable=False),
        sa.CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="ck_entries_mood_range"),
        sa.UniqueConstraint("id", name="uq_entries_id"),
    )
    op.create_index("ix_entries_created", "entries", ["created_at", "seq"])
    for table, column in (("entry_feelings", "feeling"), ("entry_tags", "tag")):
        op.create_table(
            table,
            sa.Column(
                "entry_seq",
                sa.Integer(),
                sa.ForeignKey("entries.seq", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(column, sa.String(40), primary_key=True),
        )
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_table(
        "custom_prompts",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "skipped_prompts",
        sa.Column("prompt_id", sa.String(80), primary_key=True),
        sa.Column("skipped_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "remembrance_dates",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("acknowledge", sa.Boolean(), nullable=False),
    )
    for statement in _FTS:
        op.execute(statement)


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    for trigger in ("entries_fts_insert", "entries_fts_delete", "entries_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entries_fts")
    for table in (
        "remembrance_dates",
        "skipped_prompts",
        "custom_prompts",
        "entry_tags",
        "entry_feelings",
        "entries",
    ):
        op.drop_table(table)

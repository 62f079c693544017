"""The library's bookmarks and the closeness ideas a person marks.

Revision ID: 0003_library
Revises: 0001_vault
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_library"
down_revision = "0001_vault"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the library's
    bookmarks and the closeness ideas a person marks."""
    op.create_table(
        "library_bookmarks",
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("slug", name="pk_library_bookmarks"),
    )
    op.create_table(
        "closeness_marks",
        sa.Column("idea_id", sa.String(64), nullable=False),
        sa.Column("response", sa.String(16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("idea_id", name="pk_closeness_marks"),
    )
    op.create_table(
        "closeness_done",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idea_id", sa.String(64), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_closeness_done"),
        sa.UniqueConstraint("idea_id", "done_on", name="uq_closeness_done_idea_id"),
    )
    op.create_table(
        "closeness_own_ideas",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_closeness_own_ideas"),
    )


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_table("closeness_own_ideas")
    op.drop_table("closeness_done")
    op.drop_table("closeness_marks")
    op.drop_table("library_bookmarks")

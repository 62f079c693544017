"""Closeness marks: whether the note beside an idea may be shown in Together.

Revision ID: 0007_idea_notes
Revises: 0005_library_utc
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_idea_notes"
down_revision = "0005_library_utc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: closeness
    marks: whether the note beside an idea may be shown in Together."""
    with op.batch_alter_table("closeness_marks") as batch:
        batch.add_column(
            sa.Column("note_shared", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    with op.batch_alter_table("closeness_marks") as batch:
        batch.drop_column("note_shared")

"""Together: responses, couple-prompt answers and who wrote an entry in a shared journal.

Revision ID: 0006_together
Revises: 0002_entries
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_together"
down_revision = "0002_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: together:
    responses, couple-prompt answers and who wrote an entry in a shared journal."""
    op.create_table(
        "together_responses",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("writer", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_together_responses"),
    )
    op.create_index("ix_together_responses_entry", "together_responses", ["entry_id"])
    op.create_table(
        "couple_answers",
        sa.Column("prompt_id", sa.String(80), nullable=False),
        sa.Column("writer", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("prompt_id", "writer", name="pk_couple_answers"),
    )
    op.create_table(
        "entry_writers",
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("writer", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name="fk_entry_writers_entry_id_entries",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", name="pk_entry_writers"),
    )
    # Together reads shared entries by date; this keeps that query off the private rows.
    op.create_index("ix_entries_shared_created", "entries", ["shared", "created_at"])


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_index("ix_entries_shared_created", "entries")
    op.drop_table("entry_writers")
    op.drop_table("couple_answers")
    op.drop_index("ix_together_responses_entry", "together_responses")
    op.drop_table("together_responses")

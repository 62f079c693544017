"""A person's own closeness ideas get a lasting id, can be suggested to the partner, and
remember who suggested one that came from the partner's journal.

Revision ID: 0008_own_idea_offers
Revises: 0007_idea_notes
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008_own_idea_offers"
down_revision = "0007_idea_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: a person's own
    closeness ideas get a lasting id, can be suggested to the partner, and remember who
    suggested one that came from the partner's journal."""
    with op.batch_alter_table("closeness_own_ideas") as batch:
        batch.add_column(sa.Column("uid", sa.String(36), nullable=True))
        batch.add_column(
            sa.Column("offered", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("suggested_by", sa.String(80), nullable=False, server_default="")
        )
    connection = op.get_bind()
    for (number,) in connection.execute(sa.text("SELECT id FROM closeness_own_ideas")).all():
        connection.execute(
            sa.text("UPDATE closeness_own_ideas SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": number},
        )
    with op.batch_alter_table("closeness_own_ideas") as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint("uq_closeness_own_ideas_uid", ["uid"])


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    with op.batch_alter_table("closeness_own_ideas") as batch:
        batch.drop_constraint("uq_closeness_own_ideas_uid", type_="unique")
        batch.drop_column("suggested_by")
        batch.drop_column("offered")
        batch.drop_column("uid")

"""A body log's cramping may be "not noted" (NULL), not only 0 to 10 (issue 15, break
test 14, finding 1: a cramping never entered was stored as 0 and read "0 of 10" in the
chart and its summary, "None" in Past logs).

Only the column's rule changes (``body_logs.cramping`` may hold NULL); no row is
rewritten. A 0 stored before this revision cannot be told apart: the form stored 0
both for a cramping never touched and for "0, none" chosen on purpose, so old rows
keep their 0 and read as before. From now on the form stores NULL when the cramping
field was never touched. SQLite cannot change a column's NULL rule in place, so the
table is copied under the new rule (Alembic's batch mode; a snapshot is taken before
any migration of an existing journal).

Revision ID: 0020_cramping_not_noted
Revises: 0018_appointment_zone (the body branch)
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_cramping_not_noted"
down_revision = "0018_appointment_zone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision: ``body_logs.cramping`` may be NULL."""
    with op.batch_alter_table("body_logs") as batch:
        batch.alter_column("cramping", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    """Alembic's step back to the previous revision: a cramping not noted becomes 0
    again (what it was stored as before), then the column refuses NULL."""
    op.execute("UPDATE body_logs SET cramping = 0 WHERE cramping IS NULL")
    with op.batch_alter_table("body_logs") as batch:
        batch.alter_column("cramping", existing_type=sa.Integer(), nullable=False)

"""Each follow-up appointment keeps the time zone it was set in (issue 9, break test 9
of session 14, finding 12), as body logs do since 0012.

``body_appointments.zone`` is an IANA zone name ("Europe/Berlin"), or NULL for "the
computer's zone", which is what every appointment set before this revision is shown
in, so an existing journal reads exactly as before. A new appointment records the
computer's zone; a change keeps the zone it had. Adding a nullable column rewrites no
row (a snapshot is taken before any migration of an existing journal).

Revision ID: 0018_appointment_zone
Revises: 0012_body_zone (the body branch)
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_appointment_zone"
down_revision = "0012_body_zone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision: the appointments' ``zone`` column."""
    op.add_column("body_appointments", sa.Column("zone", sa.String(64), nullable=True))


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_column("body_appointments", "zone")  # SQLite's own DROP COLUMN

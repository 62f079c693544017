"""Every answer of a body log may be "not noted" (NULL): bleeding, clots, tissue passed,
chills, discharge and pain with sex, as cramping may since 0020 (break test 10 of
session 15, finding 6: the form's untouched "No bleeding", "No clots", "No discharge"
and unticked boxes were stored as answers, "bleeding none, clots none, chills no" in
the export, though the form itself said nothing had been chosen).

Only the columns' rule changes; no row is rewritten. A "none" or a "no" stored before
this revision cannot be told apart from a field left as it opened, so old logs keep
what they hold and read as before. From now on the form stores NULL for every field
left at "Not noted". SQLite cannot change a column's NULL rule in place, so the table
is copied under the new rule (Alembic's batch mode; a snapshot is taken before any
migration of an existing journal).

Revision ID: 0022_answers_not_noted
Revises: 0021_appointment_zone_kept (the body branch)
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0022_answers_not_noted"
down_revision = "0021_appointment_zone_kept"
branch_labels = None
depends_on = None

#: Each answer column, its type and what it held for "none" or "no" before.
_ANSWERS: tuple[tuple[str, sa.types.TypeEngine[Any], str], ...] = (
    ("bleeding", sa.Integer(), "0"),
    ("clots", sa.String(16), "'none'"),
    ("tissue_passed", sa.Boolean(), "0"),
    ("chills", sa.Boolean(), "0"),
    ("discharge", sa.String(24), "'none'"),
    ("pain_with_sex", sa.Boolean(), "0"),
)


def upgrade() -> None:
    """Alembic's step up to this revision: each answer column of ``body_logs`` may be
    NULL (not noted)."""
    with op.batch_alter_table("body_logs") as batch:
        for name, kind, _before in _ANSWERS:
            batch.alter_column(name, existing_type=kind, nullable=True)


def downgrade() -> None:
    """Alembic's step back to 0021: an answer not noted becomes what the form stored
    for it before ("none", 0, "no"), then the columns refuse NULL."""
    for name, _kind, before in _ANSWERS:
        op.execute(f"UPDATE body_logs SET {name} = {before} WHERE {name} IS NULL")
    with op.batch_alter_table("body_logs") as batch:
        for name, kind, _before in _ANSWERS:
            batch.alter_column(name, existing_type=kind, nullable=False)

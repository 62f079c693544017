"""An appointment set before 0018 gets the zone the journal was used in at its time
(break test 9 of session 15, finding 7: a 10:00 scan set in Berlin read 04:00 in New
York, beside one set after the upgrade that read "10:00 CET").

0018 left the appointments set before it with a NULL zone ("the computer's"), so they
still moved with every travel. An appointment keeps no moment of its own making, so
each such one is given the zone of the record, with a zone, written nearest in time to
the appointment itself: an entry (``entries.created_at``), a body log
(``body_logs.logged_at``) or a pad change (``body_pad_changes.changed_at``), before or
after it. That is where the person lived around the appointment; with one zone in the
whole journal it is the journal's last known zone. An appointment in a journal with no
zoned record at all stays NULL (nothing says where it was set), read as before. Rows
only change from NULL to a zone: nothing else is touched (a snapshot is taken before
any migration of an existing journal).

Revision ID: 0021_appointment_zone_kept
Revises: 0020_cramping_not_noted (the body branch); after 0010_entry_zone (entries' zones)
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_appointment_zone_kept"
down_revision = "0020_cramping_not_noted"
branch_labels = None
depends_on = "0010_entry_zone"

# Every moment with a known zone, as stored (naive UTC, one text format: julianday reads it).
_ZONED = (
    "SELECT created_at AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT logged_at, zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT changed_at, zone FROM body_pad_changes WHERE zone IS NOT NULL"
)
_NEAREST = sa.text(
    f"SELECT zone FROM ({_ZONED}) ORDER BY abs(julianday(at) - julianday(:when)), at DESC LIMIT 1"
)


def upgrade() -> None:
    """Alembic's step up to this revision: each appointment with no zone takes the zone
    of the zoned record nearest to it in time (the later one on a tie); none when the
    journal has no zoned record."""
    connection = op.get_bind()
    unzoned = connection.execute(
        sa.text('SELECT id, "when" FROM body_appointments WHERE zone IS NULL')
    ).all()
    for appointment_id, when in unzoned:
        zone = connection.execute(_NEAREST, {"when": when}).scalar()
        if zone is not None:
            connection.execute(
                sa.text("UPDATE body_appointments SET zone = :zone WHERE id = :id"),
                {"zone": zone, "id": appointment_id},
            )


def downgrade() -> None:
    """Alembic's step back: nothing to undo (0018's column holds a zone either way; which
    ones were NULL before is not kept, and a zone read as it was set is right there too)."""

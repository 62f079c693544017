"""Together's responses keep the zone they were written in, as shared entries do since
0010 (break test 9 of session 15, finding 10: "Ben responded, Tuesday 1 December,
21:02" written in New York read "Wednesday 2 December, 07:32" in Kolkata).

``together_responses.zone`` is an IANA zone name, or NULL for "the computer's". A
response kept before this revision is given the zone of the record, with a zone, that
its journal (the responder's own) holds nearest to it in time: an entry, a body log or a
pad change (as 0021_appointment_zone_kept does for appointments): where its writer was
writing then. A response in a journal with no zoned record stays NULL and reads as
before. Nothing else is touched (a snapshot is taken before any migration of an
existing journal). A response of an older journal brought in by a rescue or an import
is given its zone by the same rule (`journal.storage.nearest_zone`).

Revision ID: 0024_response_zone
Revises: 0006_together (the Together branch); after 0010_entry_zone and 0012_body_zone
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_response_zone"
down_revision = "0006_together"
branch_labels = None
depends_on = ("0010_entry_zone", "0012_body_zone")

_ZONED = (
    "SELECT created_at AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT logged_at, zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT changed_at, zone FROM body_pad_changes WHERE zone IS NOT NULL"
)
_NEAREST = sa.text(
    f"SELECT zone FROM ({_ZONED}) ORDER BY abs(julianday(at) - julianday(:when)), at DESC LIMIT 1"
)


def upgrade() -> None:
    """Alembic's step up to this revision: the responses' ``zone`` column, and a zone for
    each response already kept, from the zoned record nearest to it in time (the later
    one on a tie); none when the journal has no zoned record."""
    op.add_column("together_responses", sa.Column("zone", sa.String(64), nullable=True))
    connection = op.get_bind()
    kept = connection.execute(sa.text("SELECT id, created_at FROM together_responses")).all()
    for response_id, written in kept:
        zone = connection.execute(_NEAREST, {"when": written}).scalar()
        if zone is not None:
            connection.execute(
                sa.text("UPDATE together_responses SET zone = :zone WHERE id = :id"),
                {"zone": zone, "id": response_id},
            )


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    op.drop_column("together_responses", "zone")  # SQLite's own DROP COLUMN

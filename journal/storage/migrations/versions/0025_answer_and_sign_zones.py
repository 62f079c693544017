"""Couple-prompt answers and remembered warning signs keep the zone they were written
in, as entries (0010), body logs (0012), appointments (0018) and Together's responses
(0024) do (issue 9, fid17 finding 1: "Sam's answer, Tuesday 1 December 2026, 21:02"
kept in New York read "Wednesday 2 December 2026, 07:32" in Kolkata; a warning sign
the log no longer shows read its log's time in the computer's zone).

``couple_answers.zone`` and ``body_signs.zone`` are IANA zone names, or NULL for "the
computer's". A row kept before this revision is given the zone of the record, with a
zone, that the journal holds nearest to it in time (an entry, a body log or a pad
change; the later one on a tie), the rule of 0021 and 0024: where its writer was then.
A sign's moment is its log's own, so it takes that log's zone. A row in a journal with
no zoned record stays NULL and reads as before. Nothing else is touched (a snapshot is
taken before any migration of an existing journal). Rows of an older journal brought
in by a rescue or an import are given their zone by the same rule
(`journal.storage.nearest_zone`).

One sorted read of the zoned moments and a binary search for each row (not a scan of
them per row), so a journal of 100k entries migrates in about the time of one read.

Revision ID: 0025_answer_and_sign_zones
Revises: 0024_response_zone (the Together branch; after 0010_entry_zone and
0012_body_zone, so after 0004_body's ``body_signs`` too). No body-branch revision after
0004 touches ``body_signs``, so none is waited for (a ``depends_on`` the body head would
leave that head out of the journal's recorded revisions)
"""

from bisect import bisect_right

import sqlalchemy as sa
from alembic import op

revision = "0025_answer_and_sign_zones"
down_revision = "0024_response_zone"
branch_labels = None
depends_on = None

# Every moment with a known zone, as stored (naive UTC, one text format: julianday reads it).
_ZONED = (
    "SELECT julianday(created_at) AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT julianday(logged_at), zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT julianday(changed_at), zone FROM body_pad_changes"
    " WHERE zone IS NOT NULL ORDER BY at"
)
_TABLES = {"couple_answers": "updated_at", "body_signs": "evidence_at"}


def _nearest(times: list[float], zones: list[str], at: float) -> str:
    """The zone of the moment in ``times`` (julian days, ascending) nearest ``at``, the
    later one on a tie, as 0021's ``ORDER BY abs(...), at DESC`` chooses."""
    after = bisect_right(times, at)
    if after == len(times):
        return zones[-1]
    if after == 0 or times[after] - at <= abs(times[after - 1] - at):
        return zones[after]
    return zones[after - 1]


def upgrade() -> None:
    """Alembic's step up to this revision: a ``zone`` column on both tables, and a zone
    for each row already kept, from the zoned record nearest to it in time."""
    for table in _TABLES:
        op.add_column(table, sa.Column("zone", sa.String(64), nullable=True))
    connection = op.get_bind()
    zoned = connection.execute(sa.text(_ZONED)).all()
    if not zoned:
        return
    times, zones = [float(at) for at, _zone in zoned], [zone for _at, zone in zoned]
    for table, moment in _TABLES.items():
        kept = connection.execute(
            sa.text(f"SELECT rowid, julianday({moment}) FROM {table} WHERE zone IS NULL")
        ).all()
        given = [
            {"zone": _nearest(times, zones, at), "row": row} for row, at in kept if at is not None
        ]
        if given:
            connection.execute(
                sa.text(f"UPDATE {table} SET zone = :zone WHERE rowid = :row"), given
            )


def downgrade() -> None:
    """Alembic's step back to the previous revision: undoes `upgrade`."""
    for table in _TABLES:
        op.drop_column(table, "zone")  # SQLite's own DROP COLUMN

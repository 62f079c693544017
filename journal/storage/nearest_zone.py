"""The zone a record kept without one is read in: that of the journal's record, with a
zone, written nearest to it in time.

A Together response kept before 0024_response_zone, an appointment set before
0018_appointment_zone, or a couple-prompt answer or a remembered warning sign kept
before 0025_answer_and_sign_zones, has no zone ("the computer's"), so it moved with
every travel. Migrations 0021_appointment_zone_kept, 0024_response_zone and 0025 give each such
record the zone of the entry (``entries.created_at``), body log (``body_logs.logged_at``)
or pad change (``body_pad_changes.changed_at``), with a zone, nearest to it in time (the
later one on a tie): where its writer was living then. A journal read at an older
revision (a rescue reads a damaged journal as its own revision holds it; an import may
come from an export of an older Solace) brings such records in after those
migrations have run, so the importer gives them a zone by the same rule
(`give_nearest_zones`). A record in a journal with no zoned record stays without one,
read as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["MOMENT_OF", "give_nearest_zones"]

#: The tables whose rows may come without a zone, and the column of each row's moment.
MOMENT_OF = {
    "body_appointments": '"when"',
    "together_responses": "created_at",
    "couple_answers": "updated_at",
    "body_signs": "evidence_at",
}

# Every moment with a known zone, as stored (naive UTC, one text format: julianday reads it).
_ZONED = (
    "SELECT created_at AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT logged_at, zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT changed_at, zone FROM body_pad_changes WHERE zone IS NOT NULL"
)


def give_nearest_zones(session: Session, table: str, ids: Iterable[int]) -> int:
    """Give each row of ``table`` (a key of `MOMENT_OF`) among ``ids`` (SQLite rowids)
    that has no zone the zone of the journal's zoned record nearest to it in time,
    in ``session``'s transaction; returns how many were given one. Raises KeyError for a
    table not in `MOMENT_OF`."""
    moment = MOMENT_OF[table]
    given = 0
    for row_id in ids:
        result = session.execute(
            text(
                f"UPDATE {table} SET zone = (SELECT zone FROM ({_ZONED})"
                f" ORDER BY abs(julianday(at) - julianday({table}.{moment})), at DESC LIMIT 1)"
                " WHERE rowid = :id AND zone IS NULL"
                f" AND EXISTS (SELECT 1 FROM ({_ZONED}))"
            ),
            {"id": row_id},
        )
        given += result.rowcount or 0  # type: ignore[attr-defined]
    return given

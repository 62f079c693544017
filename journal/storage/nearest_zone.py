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

The zoned moments are read once, sorted by time, and each row's nearest is found by a
binary search among them: O((n + m) log n) for n zoned records and m rows, where the
migrations' own rule (0021, 0024: one sorted scan of every zoned record per row) cost
n log n for each of the m rows (an import of thousands of rows paid that thousands
of times). The distance is the migrations' own, ``abs(julianday(at) - julianday(row))``
in double precision, and a tie goes to the later record, as their ``at DESC`` does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from journal.storage.id_batches import id_batches

__all__ = ["MOMENT_OF", "ZonedMoments", "give_nearest_zones"]

#: The tables whose rows may come without a zone, and the column of each row's moment.
MOMENT_OF = {
    "body_appointments": '"when"',
    "together_responses": "created_at",
    "couple_answers": "updated_at",
    "body_signs": "evidence_at",
}

# Every moment with a known zone, as a julian day (what the migrations' rule measures
# distance in), oldest first; the zone breaks no tie here, the search does.
_ZONED = text(
    "SELECT julianday(created_at) AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT julianday(logged_at), zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT julianday(changed_at), zone FROM body_pad_changes"
    " WHERE zone IS NOT NULL ORDER BY at"
)


class ZonedMoments:
    """The journal's zoned moments (``times``: julian days, ascending; ``zones``: the
    IANA zone of each, same order), searched for the one nearest a moment."""

    def __init__(self, times: Sequence[float], zones: Sequence[str]) -> None:
        self.times, self.zones = list(times), list(zones)

    @classmethod
    def read(cls, session: Session) -> ZonedMoments:
        """Every zoned entry, body log and pad change of the journal in ``session``."""
        rows = session.execute(_ZONED).all()
        return cls([float(at) for at, _zone in rows], [zone for _at, zone in rows])

    def nearest(self, at: float | None) -> str | None:
        """The zone of the moment nearest ``at`` (a julian day), the later one on a tie
        (for None, a moment SQLite cannot read, the latest, as the migrations' rule
        orders NULL distances); None when there is no zoned moment."""
        times = self.times
        if not times:
            return None
        if at is None:
            return self.zones[-1]
        after = bisect_right(times, at)  # times[after - 1] <= at < times[after]
        if after == len(times):
            return self.zones[-1]
        if after == 0 or times[after] - at <= abs(times[after - 1] - at):
            return self.zones[after]
        return self.zones[after - 1]


def give_nearest_zones(session: Session, table: str, ids: Iterable[int]) -> int:
    """Give each row of ``table`` (a key of `MOMENT_OF`) among ``ids`` (SQLite rowids)
    that has no zone the zone of the journal's zoned record nearest to it in time,
    in ``session``'s transaction; returns how many were given one. Raises KeyError for a
    table not in `MOMENT_OF`."""
    moment = MOMENT_OF[table]
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return 0
    zoned = ZonedMoments.read(session)
    if not zoned.times:
        return 0
    given: list[dict[str, object]] = []
    for chunk in id_batches(wanted):
        marks = ", ".join(f":r{i}" for i in range(len(chunk)))
        rows = session.execute(
            text(
                f"SELECT rowid, julianday({moment}) FROM {table}"
                f" WHERE zone IS NULL AND rowid IN ({marks})"
            ),
            {f"r{i}": row_id for i, row_id in enumerate(chunk)},
        ).all()
        given += [{"zone": zoned.nearest(at), "row": row} for row, at in rows]
    if given:
        session.execute(text(f"UPDATE {table} SET zone = :zone WHERE rowid = :row"), given)
    return len(given)

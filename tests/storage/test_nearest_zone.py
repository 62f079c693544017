"""`give_nearest_zones` gives exactly the zones the migrations' rule gives (0021 and
0024: for each row, the zoned entry, body log or pad change nearest in time, the later
one on a tie), on mixed data: records with and without zones, rows before the first and
after the last, on a record's very moment, halfway between two, and twice in ``ids``
(issue 9, fid17 finding 2: it now reads the zoned moments once and searches them, where
it scanned them all for each row). Real SQLCipher journal in tmp_path."""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from journal.domain.body.log import BodyLog, PadChange, PadKind, Soaking
from journal.domain.entries.entry import new_entry
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.nearest_zone import give_nearest_zones
from journal.storage.types import stored_text

ZONES = ("America/New_York", "Asia/Kolkata", "Europe/Berlin", "Australia/Sydney", None)
START = datetime(2026, 3, 1, tzinfo=UTC)

# The migrations' own rule (0024_response_zone), one row at a time: the reference.
_RULE = text(
    "SELECT zone FROM (SELECT created_at AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT logged_at, zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT changed_at, zone FROM body_pad_changes WHERE zone IS NOT NULL)"
    " ORDER BY abs(julianday(at) - julianday(:when)), at DESC LIMIT 1"
)


def _moments(chance: random.Random) -> list[datetime]:
    """Distinct moments to the millisecond, over about half a year."""
    seconds = chance.sample(range(0, 180 * 86_400), 120)
    return [START + timedelta(seconds=s, milliseconds=chance.randrange(1000)) for s in seconds]


def test_the_same_zones_as_the_migrations_rule_on_mixed_data(journal):
    chance = random.Random(9)
    entries, body = EntryRepository(journal.db), BodyRepository(journal.db)
    zoned: list[datetime] = []
    for number, moment in enumerate(_moments(chance)):
        zone = chance.choice(ZONES)
        if zone is not None:
            zoned.append(moment)
        kind = number % 3
        if kind == 0:
            entries.save(dataclasses.replace(new_entry(moment), body=f"e{number}", zone=zone))
        elif kind == 1:
            body.save_log(BodyLog(id=f"log{number}", logged_at=moment, zone=zone))
        else:
            body.save_pad_change(
                PadChange(f"pad{number}", moment, PadKind.REGULAR, Soaking.PARTLY, zone=zone)
            )
    zoned.sort()
    asked = [START - timedelta(days=3), zoned[-1] + timedelta(days=40), zoned[0], zoned[-1]]
    asked += [chance.choice(zoned) for _ in range(20)]  # on a record's very moment
    asked += [a + (b - a) / 2 for a, b in itertools.pairwise(zoned)][::3]  # halfway
    asked += [START + timedelta(seconds=chance.randrange(200 * 86_400)) for _ in range(150)]
    with journal.db.engine.begin() as connection:
        for number, moment in enumerate(asked):
            connection.execute(
                text(
                    "INSERT INTO together_responses (id, entry_id, text, created_at)"
                    " VALUES (:id, 'x', 'r', :at)"
                ),
                {"id": f"r{number}", "at": stored_text(moment)},
            )
        connection.exec_driver_sql(
            "UPDATE together_responses SET zone = 'UTC' WHERE id IN ('r5', 'r6')"
        )  # already zoned: left as they are
        expected = {
            row_id: zone if zone == "UTC" else connection.execute(_RULE, {"when": at}).scalar()
            for row_id, at, zone in connection.exec_driver_sql(
                "SELECT rowid, created_at, zone FROM together_responses"
            )
        }
    rowids = list(expected)
    with journal.db.session() as session:
        given = give_nearest_zones(session, "together_responses", rowids + rowids[:10])
    assert given == len(asked) - 2
    with journal.db.engine.connect() as connection:
        found = dict(connection.exec_driver_sql("SELECT rowid, zone FROM together_responses").all())
    assert found == expected
    assert len(set(found.values())) > 3  # the data really is mixed


def test_a_journal_without_a_zoned_record_gives_none(journal):
    with journal.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO together_responses (id, entry_id, text, created_at)"
            " VALUES ('r', 'x', 'r', '2026-03-01 10:00:00.000000')"
        )
        (rowid,) = connection.exec_driver_sql("SELECT rowid FROM together_responses").one()
    with journal.db.session() as session:
        assert give_nearest_zones(session, "together_responses", [rowid]) == 0

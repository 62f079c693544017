"""A cramping never noted is stored as NULL and read back as None (issue 15, break
test 14, finding 1: it was stored as 0 and read "0 of 10"). Migration 0020 lets the
column hold NULL and leaves every older row as it was: a 0 stored before cannot be
told from a cramping never touched, so it stays 0."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from journal.domain.body.log import BleedingLevel, BodyLog, ClotSize, Discharge
from journal.storage import migrate
from journal.storage.body.export import body_to_csv, read_body_csv, write_body_csv
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgrade


def _not_null(journal: OpenJournal) -> int:
    with journal.db.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA table_info(body_logs)")
        return next(int(r[3]) for r in rows if r[1] == "cramping")


def test_old_logs_keep_their_cramping_and_a_new_one_may_be_not_noted(journal: OpenJournal):
    body = BodyRepository(journal.db)
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    old = [
        BodyLog(
            f"old-{n}",
            start + timedelta(hours=n),
            BleedingLevel.LIGHT,
            cramping=c,
            # What the form stored for every other answer before 0022: "none" and "no".
            clots=ClotSize.NONE,
            tissue_passed=False,
            chills=False,
            discharge=Discharge.NONE,
            pain_with_sex=False,
        )
        for n, c in enumerate((0, 7, 10))
    ]
    body.save_logs(old)
    downgrade(journal.db.engine, "0018_appointment_zone")  # the body log before 0020
    assert _not_null(journal) == 1
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert _not_null(journal) == 0
    assert body.logs() == old  # a 0 stored before stays 0: it cannot be told apart

    new = BodyLog("new", start + timedelta(days=1), BleedingLevel.HEAVY, cramping=None)
    body.save_log(new)
    assert body.logs()[-1] == new
    assert body.logs()[-1].cramping is None


def test_a_cramping_not_noted_is_an_empty_csv_cell_and_reads_back(tmp_path):
    moment = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    logs = [
        BodyLog("none", moment, BleedingLevel.LIGHT, cramping=None),
        BodyLog("zero", moment + timedelta(hours=1), BleedingLevel.LIGHT, cramping=0),
    ]
    rows = list(csv.DictReader(io.StringIO(body_to_csv(logs, []))))
    assert [row["cramping_0_to_10"] for row in rows] == ["", "0"]
    path = tmp_path / "body.csv"
    write_body_csv(path, logs, [])
    assert [log.cramping for log in read_body_csv(path).logs] == [None, 0]

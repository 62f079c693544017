"""Every answer of a body log may be stored as not noted (NULL) and read back as None
(break test 10 of session 15, finding 6: the form's untouched "No bleeding", "No clots"
were stored, and exported, as answers). Migration 0022 lets the columns hold NULL and
leaves every older row as it was: a "none" or "no" stored before cannot be told from a
field left as it opened, so it stays."""

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

ANSWERS = ("bleeding", "clots", "tissue_passed", "chills", "discharge", "pain_with_sex")


def _not_null(journal: OpenJournal) -> dict[str, int]:
    with journal.db.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA table_info(body_logs)")
        return {r[1]: int(r[3]) for r in rows if r[1] in ANSWERS}


def test_old_logs_keep_their_answers_and_a_new_one_may_leave_them_not_noted(
    journal: OpenJournal,
) -> None:
    body = BodyRepository(journal.db)
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    old = [
        BodyLog(
            f"old-{n}",
            start + timedelta(hours=n),
            level,
            clots=ClotSize.NONE,
            tissue_passed=False,
            cramping=2,
            chills=n == 1,
            discharge=Discharge.NONE,
            pain_with_sex=False,
        )
        for n, level in enumerate((BleedingLevel.NONE, BleedingLevel.HEAVY))
    ]
    body.save_logs(old)
    downgrade(journal.db.engine, "0021_appointment_zone_kept")  # the body log before 0022
    assert set(_not_null(journal).values()) == {1}
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert set(_not_null(journal).values()) == {0}
    assert body.logs() == old  # a "none" or "no" stored before stays: it cannot be told apart

    new = BodyLog("new", start + timedelta(days=1), cramping=3)  # every other answer not noted
    body.save_log(new)
    assert body.logs()[-1] == new
    assert [getattr(body.logs()[-1], name) for name in ANSWERS] == [None] * len(ANSWERS)


def test_answers_not_noted_are_empty_csv_cells_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    moment = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    logs = [
        BodyLog("not-noted", moment, cramping=3),
        BodyLog(
            "answered",
            moment + timedelta(hours=1),
            BleedingLevel.NONE,
            clots=ClotSize.NONE,
            tissue_passed=False,
            chills=False,
            discharge=Discharge.NONE,
            pain_with_sex=False,
        ),
    ]
    rows = list(csv.DictReader(io.StringIO(body_to_csv(logs, []))))
    assert [rows[0][name] for name in ANSWERS] == [""] * len(ANSWERS)
    assert [rows[1][name] for name in ANSWERS] == ["none", "none", "no", "no", "none", "no"]
    path = tmp_path / "body.csv"
    write_body_csv(path, logs, [])
    assert read_body_csv(path).logs == logs

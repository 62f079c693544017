"""A warning sign remembered in the history keeps the zone of the log that showed it
(issue 9, fid17 finding 1): once the log no longer shows it, its time was said in the
computer's zone, so a log of 21:02 in New York read 07:32 the next day in Kolkata.
Real SQLCipher journal; the expected wall time comes from ``zoneinfo``."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from alembic import command

from journal.domain.body.warning_signs import RaisedSign, SignId
from journal.storage import migrate
from journal.storage.body.repository import BodyRepository
from journal.ui.body.timeline import TimelineView
from tests.time_zones import in_zone

NEW_YORK = "America/New_York"
LOGGED = datetime(2026, 12, 2, 2, 2, tzinfo=UTC)  # 21:02 on 1 December in New York


def _said(moment: datetime, zone: str) -> str:
    wall = moment.astimezone(ZoneInfo(zone))
    return f"{wall:%A} {wall.day} {wall:%B %Y}, {wall:%H:%M} {wall.tzname()}"


def test_a_sign_the_log_no_longer_shows_reads_in_its_logs_zone(qtbot, journal):
    sign = next(iter(SignId))
    raised = RaisedSign(sign, LOGGED, f"{sign.value}:log-1", NEW_YORK)
    BodyRepository(journal.db).record_signs([raised], LOGGED)
    with in_zone("Asia/Kolkata"):
        (record,) = BodyRepository(journal.db).sign_history()
        assert record.zone == NEW_YORK
        view = TimelineView()
        qtbot.addWidget(view)
        view.show_history([record], {})  # the log no longer shows it
        assert f"from your log of {_said(LOGGED, NEW_YORK)};" in view.history.text()


def test_a_sign_remembered_before_zones_takes_its_logs_zone(journal):
    """Migration 0025: the zone of the zoned record nearest in time, its own log's."""
    from journal.domain.body.log import BodyLog

    repository = BodyRepository(journal.db)
    with in_zone(NEW_YORK):
        repository.save_log(BodyLog(id="log-1", logged_at=LOGGED, zone=NEW_YORK))
    sign = next(iter(SignId))
    repository.record_signs([RaisedSign(sign, LOGGED, f"{sign.value}:x")], LOGGED)
    config = migrate._config()
    with journal.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0024_response_zone")
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)
    (record,) = repository.sign_history()
    assert record.zone == NEW_YORK

""""Taken at" belongs to its log (break test 7, F11: a log back-dated to 20 Nov was
saved with ibuprofen "taken at" 1 Dec, eleven days later, without a word).

Pain relief follows the log's Time until the person sets it; a time the person set
that is after the log, or long before it, is asked about once beside the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt

from journal.domain.body.log import BodyLog
from journal.ui.common.local_time import from_qdatetime, to_qdatetime
from tests.ui.body import support
from tests.ui.body.support import now, saved_logs

body_area = support.body_area


@pytest.fixture(autouse=True)
def c_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale.c())  # times typed as "yyyy-MM-dd HH:mm"
    yield
    QLocale.setDefault(QLocale.system())


def _type_time(qtbot, field, moment: datetime) -> None:  # type: ignore[no-untyped-def]
    """Type ``moment`` (local) over the whole field and leave it with Tab."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, moment.strftime("%Y-%m-%d %H:%M"))
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def _save(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def _back_dated() -> datetime:
    return (datetime.now() - timedelta(days=11)).replace(hour=9, minute=5, second=0, microsecond=0)


def test_a_back_dated_log_keeps_its_pain_relief_on_its_own_day(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    qtbot.keyClicks(form.pain_relief, "ibuprofen 400 mg")
    when = _back_dated()
    _type_time(qtbot, form.time, when)
    # "Taken at" shows the log's time straight away, not today.
    assert form.pain_relief_at.dateTime().toString("yyyy-MM-dd HH:mm") == when.strftime(
        "%Y-%m-%d %H:%M"
    )
    form.submit()
    (log,) = saved_logs(journal)
    assert log.pain_relief == "ibuprofen 400 mg"
    assert log.pain_relief_at == log.logged_at == when.astimezone().astimezone(log.logged_at.tzinfo)


def test_a_past_log_moved_to_another_day_takes_its_relief_along(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    logged = now() - timedelta(hours=3)
    support.store(journal, [BodyLog("p", logged, pain_relief="paracetamol", pain_relief_at=logged)])
    body_area.refresh()
    form = body_area.form
    form.load(saved_logs(journal)[0])
    moved = _back_dated()
    _type_time(qtbot, form.time, moved)
    form.submit()
    (log,) = saved_logs(journal)
    assert log.pain_relief_at == log.logged_at
    assert log.logged_at.astimezone().strftime("%Y-%m-%d %H:%M") == moved.strftime("%Y-%m-%d %H:%M")


def test_pain_relief_set_after_the_log_is_asked_about_once(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    when = _back_dated()
    _type_time(qtbot, form.time, when)
    qtbot.keyClicks(form.pain_relief, "ibuprofen")
    _type_time(qtbot, form.pain_relief_at, when + timedelta(days=5, hours=-1))
    _save(qtbot, form)
    assert saved_logs(journal) == []
    note = form.problem_text()
    assert note.startswith("This is 4 days after the time of this log.")
    assert form.notes.shown() == "pain_relief_at"
    _save(qtbot, form)  # the person means it
    (log,) = saved_logs(journal)
    assert log.pain_relief_at - log.logged_at == timedelta(days=5, hours=-1)


def test_pain_relief_taken_long_before_the_log_is_asked_about(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    when = _back_dated()
    _type_time(qtbot, form.time, when)
    qtbot.keyClicks(form.pain_relief, "ibuprofen")
    _type_time(qtbot, form.pain_relief_at, when - timedelta(hours=20))
    _save(qtbot, form)
    assert saved_logs(journal) == []
    assert form.problem_text().startswith("This is 20 hours before the time of this log.")
    # Choosing a time near the log takes the question away and saves.
    _type_time(qtbot, form.pain_relief_at, when - timedelta(hours=2))
    _save(qtbot, form)
    (log,) = saved_logs(journal)
    assert log.logged_at - log.pain_relief_at == timedelta(hours=2)
    assert from_qdatetime(to_qdatetime(log.logged_at)) == log.logged_at

"""The recovery timeline, the charts, and the body log across a lock."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCharts import QLineSeries

from journal.domain.body.log import BleedingLevel, BodyLog, RecoveryDetails, Treatment
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.area import BodyArea
from journal.ui.common.local_time import say_day, today_local
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.body import support as support
from tests.ui.body.support import now, store

body_area = support.body_area


def _bleeding_then_quiet(journal) -> None:  # type: ignore[no-untyped-def]
    t = now() - timedelta(minutes=10)
    logs = [
        BodyLog(id=f"b{i}", logged_at=t - timedelta(days=9 - i), bleeding=BleedingLevel.LIGHT)
        for i in range(5)
    ]
    logs += [  # "No bleeding" chosen: a log that left it not noted tells of no quiet day
        BodyLog(id=f"q{i}", logged_at=t - timedelta(days=i), bleeding=BleedingLevel.NONE)
        for i in range(4)
    ]
    # Ten days before the app's own today (`today_local`, what the timeline counts
    # from), not before the day of ``t``: in the ten minutes after midnight ``t`` is
    # still yesterday, and the loss was 11 days ago.
    loss = today_local() - timedelta(days=10)
    store(journal, logs, recovery=RecoveryDetails(loss_date=loss, treatment=Treatment.NONE))


def test_the_timeline_says_where_things_are_without_counting_down(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    view = body_area.timeline
    assert "When you are ready, you can add the day of the loss" in view.summary.text()
    _bleeding_then_quiet(journal)
    body_area.refresh()
    body_area.tabs.setCurrentIndex(1)
    assert view.summary.text().startswith("It has been 10 days since the loss")
    assert "Days with bleeding noted so far: 5." in view.bleeding.text()
    cards = [view._milestones.itemAt(i).widget() for i in range(view._milestones.count())]
    titles = [c.accessibleName() for c in cards]
    assert titles == [
        "Bleeding settling",
        "Tampons and sex",
        "Ovulation can return early",
        "The first period",
    ]
    words = " ".join(w.text() for c in cards for w in c.findChildren(type(view.summary)))
    assert "!" not in words
    assert not re.search(r"\b(days left|remaining|countdown|you must)\b", words, re.IGNORECASE)
    assert "Your own doctor's advice comes first." in words

    # The log suggests the bleeding stopped; the person confirms it.
    assert view.confirm_button.isVisibleTo(body_area)
    suggested = view._suggested
    view.confirm_button.click()
    assert f"You noted that the bleeding stopped on {say_day(suggested)}." in view.bleeding.text()
    assert not view.confirm_button.isVisibleTo(body_area)
    assert BodyRepository(journal.db).recovery().bleeding_stopped_on == suggested

    more = cards[0].findChildren(type(body_area.doctor_button))[0]
    more.click()
    assert body_area.opened_links == [
        "solace://article/bleeding-and-cramping#how-long-bleeding-may-last"
    ]


def test_the_chart_shows_bleeding_cramping_and_temperature_by_day(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    t = support.midday()
    logs = [
        BodyLog(
            id=f"l{i}",
            logged_at=t - timedelta(days=i // 2, hours=i % 2),
            bleeding=BleedingLevel.MEDIUM,
            cramping=i % 5,
            temperature=Temperature(37.0, TemperatureUnit.CELSIUS) if i % 3 == 0 else None,
        )
        for i in range(12)
    ]
    store(journal, logs)
    body_area.refresh()
    body_area.tabs.setCurrentIndex(2)
    # A line is cut where a day has no value (test_chart.py): count the points of
    # every piece of each line.
    points: dict[str, list[float]] = {}
    for s in body_area.chart.chart().series():
        if isinstance(s, QLineSeries):
            points.setdefault(s.objectName(), []).extend(p.y() for p in s.points())
    assert set(points) == {"bleeding", "cramping", "temperature"}
    assert len(points["bleeding"]) == 6
    assert set(points["bleeding"]) == {3.0}
    assert len(points["temperature"]) == 4


def _area(window) -> BodyArea:  # type: ignore[no-untyped-def]
    return next(a for a in window.areas if isinstance(a, BodyArea))


def test_a_half_filled_form_survives_a_lock_encrypted_and_nothing_else_shows(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    area = _area(unlocked_window)
    unlocked_window.show_area(area)
    qtbot.keyClicks(area.form.note, "A little dizzy this morning")
    area.form.cramping.setValue(5)
    unlocked_window.lock()
    assert area.form.note.toPlainText() == "" and area.form.cramping.text() == "Not noted"
    assert area.timeline.summary.text() == ""
    ini = (
        (unlocked_window.settings.path).read_text(encoding="utf-8")
        if unlocked_window.settings.path.exists()
        else ""
    )
    assert "dizzy" not in ini

    page = unlocked_window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(unlocked_window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    area = _area(unlocked_window)  # the areas are rebuilt at each unlock
    assert area.form.note.toPlainText() == "A little dizzy this morning"
    assert area.form.cramping.value() == 5

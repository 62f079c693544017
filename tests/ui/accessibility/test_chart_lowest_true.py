"""Body log > Charts said "lowest" of the lowest of the days' highest readings (issue 15
break test): with 38.3 °C and 39.5 °C taken on one day, "Highest temperature: 39.5 °C,
…; lowest: 39.5 °C", untrue for a person showing it to a doctor. The lowest is the
lowest reading taken, and the table shows each day's lowest beside its highest."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.area import BodyArea
from journal.ui.common.local_time import local_tz, today_local
from tests.ui.accessibility.screens import area, heard_headers


def _reading(hour: int, celsius: float) -> BodyLog:
    day = today_local() - timedelta(days=1)
    moment = datetime.combine(day, time(hour), local_tz()).astimezone(UTC)
    return BodyLog(
        id=f"t{hour}",
        logged_at=moment,
        bleeding=BleedingLevel.LIGHT,
        temperature=Temperature(celsius, TemperatureUnit.CELSIUS),
    )


def test_the_lowest_temperature_said_is_the_lowest_taken_and_the_table_shows_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    BodyRepository(unlocked_window.journal.db).save_logs([_reading(9, 38.3), _reading(21, 39.5)])
    body: BodyArea = area(unlocked_window, "body")  # type: ignore[assignment]
    unlocked_window.show_area(body)
    body.refresh()
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    body.tabs.tabBar().setFocus()
    qtbot.keyClick(body.tabs.tabBar(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Cha&rts
    qtbot.waitUntil(lambda: body.chart_text.isVisible())
    summary = body.chart_text.summary.text()
    day = summary.split("Latest, ")[1].split(":")[0]
    assert f"Highest temperature: 39.5 °C, on {day}; " in summary
    assert f"lowest temperature taken: 38.3 °C, on {day}." in summary
    toggle = body.chart_text.toggle
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    table = body.chart_text.table
    assert table.isVisible() and QApplication.focusWidget() is toggle
    headers = heard_headers(table)
    high, low = headers.index("Highest temperature"), headers.index("Lowest temperature")
    assert (table.item(0, high).text(), table.item(0, low).text()) == ("39.5 °C", "38.3 °C")
    # What was not noted reads alike in every column ("not noted" beside "Not noted":
    # issue 15 break test of session 24).
    cramping, mood = headers.index("Cramping"), headers.index("Mood")
    assert table.item(0, cramping).text() == table.item(0, mood).text() == "Not noted"

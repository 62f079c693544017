"""A chart's summary is read across the width of its chart, at any text size (seen in
a walk at 200 % on 1366x768: the body log's summary stood beside "Show the values as
a table" in a column half as wide, a dozen lines of three or four words each)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSize, Qt

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.settings import FONT_SCALE
from journal.ui.common.chart_text import ChartText
from tests.ui.body.support import charts_shown, now
from tests.ui.shell.test_fits_any_screen import SCREENS, settle_layouts


def _assert_full_width(text: ChartText, where: object) -> None:
    assert text.summary.text(), where
    assert text.summary.width() >= text.width() - 2, (where, text.summary.width(), text.width())
    # The toggle is under the summary, not beside it.
    assert text.toggle.y() >= text.summary.geometry().bottom(), where


@pytest.mark.parametrize("scale", [100, 200])
def test_the_body_log_chart_summary_runs_the_width_of_the_chart(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, scale
) -> None:
    window = unlocked_window
    fever = Temperature(38.6, TemperatureUnit.CELSIUS)
    logs = [BodyLog("d0", now() - timedelta(hours=1), BleedingLevel.LIGHT, temperature=fever)]
    area = charts_shown(qtbot, window, scale, logs)
    for screen in SCREENS:
        window.resize(QSize(screen))
        settle_layouts(window)
        _assert_full_width(area.chart_text, (scale, screen))


def test_the_mood_chart_summary_runs_the_width_of_the_chart(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    journal = window.area("journal")
    window.show_area(journal)
    qtbot.mouseClick(journal.chart_button, Qt.MouseButton.LeftButton)
    for screen in SCREENS:
        window.resize(QSize(screen))
        settle_layouts(window)
        visible = [t for t in window.findChildren(ChartText) if t.isVisible()]
        assert visible, screen
        for shown in visible:
            _assert_full_width(shown, screen)

"""The mood chart: one period shows on a day axis that never says a date twice, and
its colours and labels follow the theme when it changes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QPalette

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.settings import Theme
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.stats import MoodStats
from journal.ui.common.theme import palette_for
from journal.ui.entries.mood_chart import LINE_COLOURS, MoodChart
from tests.ui.common.charting import date_axis, plot_pixels, theme, tick_labels


def _chart_with_one_entry(qtbot, journal) -> MoodChart:  # type: ignore[no-untyped-def]
    entry = dataclasses.replace(
        new_entry(datetime.now(UTC) - timedelta(minutes=10)), body="A quiet day.", mood=Mood(3)
    )
    EntryRepository(journal.db).save(entry)
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    stats = MoodStats(journal.db)
    chart.attach(stats.mood_series, stats.top_feelings)
    return chart


def test_one_period_is_a_point_and_no_date_repeats(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    with theme(Theme.LIGHT):
        chart = _chart_with_one_entry(qtbot, journal)
        for bucket in range(chart.bucket.count()):
            chart.bucket.setCurrentIndex(bucket)
            chart.refresh()
            assert len(chart.points) == 1
            labels = tick_labels(date_axis(chart.chart))
            assert len(labels) == len(set(labels)), labels
            qtbot.waitUntil(lambda: plot_pixels(chart.view, LINE_COLOURS[False]["mood"]) > 20)


def test_the_mood_chart_follows_the_theme(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    with theme(Theme.LIGHT):
        chart = _chart_with_one_entry(qtbot, journal)
        chart.refresh()
        for dark in (True, False):
            with theme(Theme.DARK if dark else Theme.LIGHT):
                text = palette_for(dark).color(QPalette.ColorRole.WindowText)
                for axis in chart.chart.axes():
                    assert axis.labelsColor() == text
                    assert axis.titleBrush().color() == text
                (line,) = chart.chart.series()
                assert line.pen().color().name() == LINE_COLOURS[dark]["mood"]
                qtbot.waitUntil(
                    lambda dark=dark: plot_pixels(chart.view, LINE_COLOURS[dark]["mood"]) > 20
                )

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
from journal.ui.common.local_time import today_local
from journal.ui.common.theme import palette_for
from journal.ui.entries.mood_chart import LINE_COLOURS, MoodChart
from tests.ui.common.charting import axis_label, date_axis, plot_pixels, theme, tick_labels


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


def test_the_line_breaks_at_periods_without_an_entry(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """The mood line joined a day of last year to this week as a steady slope, across
    months without an entry; the body charts break there. Every chart follows one rule
    (`charts.period_lines`): a line joins periods in a row only, by day, week or month,
    and a lone period is a point of its own."""
    from PySide6.QtCharts import QLineSeries

    from journal.domain.common.local_time import from_local

    today = today_local()  # the app's own clock
    monday = today - timedelta(days=today.weekday() + 70)  # ten weeks back, a Monday
    days = [monday, monday + timedelta(days=1), monday + timedelta(days=7 * 5)]
    for n, day in enumerate(days):
        at = from_local(datetime.combine(day, datetime.min.time()).replace(hour=12))
        entry = dataclasses.replace(new_entry(at), body=f"Day {n}.", mood=Mood(1 + 2 * n))
        EntryRepository(journal.db).save(entry)
    chart = MoodChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    stats = MoodStats(journal.db)
    chart.attach(stats.mood_series, stats.top_feelings)
    chart.range.setCurrentIndex(chart.range.findData(0))  # everything
    expected = {"By day": [2, 1], "By week": [1, 1]}
    for bucket in range(chart.bucket.count()):
        chart.bucket.setCurrentIndex(bucket)
        chart.refresh()
        name = chart.bucket.currentText()
        lines = chart.chart.series()
        assert all(isinstance(line, QLineSeries) and line.pointsVisible() for line in lines)
        runs = [len(line.points()) for line in lines]
        if name in expected:
            assert runs == expected[name], name
        else:  # by month: five weeks apart are in the same, the next or a later month
            months = (days[-1].year - days[0].year) * 12 + days[-1].month - days[0].month
            assert runs == {0: [1], 1: [2]}.get(months, [1, 1]), name


def test_the_mood_axis_runs_over_the_period_chosen(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """One rule for every chart's day axis (break test 10 of session 17, findings 11 and
    16): by day, "The last month" is drawn over that month up to today, never rounded
    out to whole steps of labels, whatever the chart's width."""
    from PySide6.QtCore import Qt

    from journal.ui.common.charts import DAY_MSECS, noon_msecs

    chart = _chart_with_one_entry(qtbot, journal)
    chart.bucket.setFocus()
    qtbot.keyClick(chart.bucket, Qt.Key.Key_Home)  # By day
    assert chart.bucket.currentText() == "By day"
    chart.range.setFocus()
    qtbot.keyClick(chart.range, Qt.Key.Key_Home)
    assert chart.range.currentText() == "The last month"
    today = today_local()
    first = today - timedelta(days=31)
    for width in (800, 420):
        chart.resize(width, 500)
        chart.refresh()
        axis = date_axis(chart.chart)
        assert axis.min() < noon_msecs(first) <= axis.min() + 2 * DAY_MSECS, tick_labels(axis)
        assert axis.max() - 2 * DAY_MSECS <= noon_msecs(today) < axis.max(), tick_labels(axis)
        assert tick_labels(axis)[-1] == axis_label(today, first, today)


def test_the_summary_and_table_say_each_period_as_a_day_a_week_or_a_month(  # type: ignore[no-untyped-def]
    qtbot, journal
) -> None:
    """Break test 15 of session 30, finding 9: by week, one week was heard as "from 30
    November 2026 to 30 November 2026", a single day."""
    from PySide6.QtCore import Qt

    chart = _chart_with_one_entry(qtbot, journal)
    chart.bucket.setFocus()
    qtbot.keyClick(chart.bucket, Qt.Key.Key_Home)  # By day, then each grouping in turn
    chart.refresh()
    said: dict[str, tuple[str, str, object]] = {}  # summary, first row, first day
    for _ in range(chart.bucket.count()):
        said[chart.bucket.currentText()] = (
            chart.chart_text.summary.text(),
            chart.chart_text.table.item(0, 0).text(),
            chart.points[0].period,
        )
        qtbot.keyClick(chart.bucket, Qt.Key.Key_Down)
    summary, row, week = said["By week"]
    assert summary.startswith(f"1 period with a mood: the week of {week:%d %B %Y}.")
    assert f"Heaviest: somewhere in between, in the week of {week:%d %B %Y}." in summary
    assert row == f"The week of {week:%d %B %Y}"  # a cell starts with a capital
    summary, row, first = said["By month"]
    assert summary.startswith(f"1 period with a mood: {first:%B %Y}.") and row == f"{first:%B %Y}"
    summary, _row, _first = said["By day"]
    assert " to " not in summary and ", on " in summary

"""Feelings over time: mood by day, week or month, and the feelings named most.

Calm colours from the palette, readable in light and dark, and again when the
theme changes; each period is a point on its own day of the axis, which never
says a date twice, and a line joins periods in a row only (a week without an entry
is a gap in the line, as a day without a log is in the body log's charts). The axis speaks in
the mood words, not numbers, and a sentence below says the same for screen
readers. Nothing here is a score or a goal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCharts import QCategoryAxis, QChart, QValueAxis
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.domain.common.local_time import today_local
from journal.domain.common.words import count
from journal.domain.entries.feelings import nearest_mood
from journal.storage.entries.stats import Bucket, MoodPoint
from journal.ui.common.chart_text import ChartText
from journal.ui.common.chart_view import ChartView
from journal.ui.common.charts import add_lines, day_axis, next_day, period_lines, style_chart
from journal.ui.common.widgets import label

SeriesLookup = Callable[[Bucket, date | None], list[MoodPoint]]
FeelingsLookup = Callable[[date | None], list[tuple[str, int]]]

# Days back; 0 is everything (never None as item data: see MoodPicker).
RANGES: tuple[tuple[str, int], ...] = (
    ("The last month", 31),
    ("The last three months", 92),
    ("The last year", 366),
    ("Everything", 0),
)
LINE_COLOURS = {False: {"mood": "#5b7f8f"}, True: {"mood": "#9cc7d8"}}


def next_period(bucket: Bucket) -> Callable[[date], date]:
    """The first day of the period after a period's first day, by day, week or month:
    a line joins two periods only when the second follows the first."""
    if bucket is Bucket.WEEK:
        return lambda first: first + timedelta(days=7)
    if bucket is Bucket.MONTH:
        return lambda first: (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_day


def period_words(period: date, bucket: Bucket) -> str:
    """A period of the chart by its first day, in words: "30 November 2026" for a day,
    "the week of 30 November 2026", "November 2026". A week read as its first day
    alone was heard as one day ("from 30 November 2026 to 30 November 2026": break test
    15 of session 30, finding 9)."""
    if bucket is Bucket.WEEK:
        return f"the week of {period:%d %B %Y}"
    if bucket is Bucket.MONTH:
        return f"{period:%B %Y}"
    return f"{period:%d %B %Y}"


def _word(average: float) -> str:
    """The mood word nearest an average (1 very heavy .. 5 lighter), in lower case."""
    return nearest_mood(average).label.lower()


class MoodChart(QWidget):
    """The mood over time, by day, week or month, with a summary sentence and a table a
    keyboard can read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series_lookup: SeriesLookup | None = None
        self._feelings_lookup: FeelingsLookup | None = None
        self.points: list[MoodPoint] = []
        self.bucket = QComboBox()
        self.bucket.setAccessibleName("Show mood by")
        for text, bucket in (
            ("By day", Bucket.DAY),
            ("By week", Bucket.WEEK),
            ("By month", Bucket.MONTH),
        ):
            self.bucket.addItem(text, bucket)
        self.bucket.setCurrentIndex(1)
        self.range = QComboBox()
        self.range.setAccessibleName("Period")
        for text, days in RANGES:
            self.range.addItem(text, days)
        self.range.setCurrentIndex(1)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setBackgroundRoundness(6)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = ChartView(self.chart, least_height=240)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("Mood over time")
        self.chart_text = ChartText("Mood by period, newest first", self.view)
        self.summary = self.chart_text.summary
        self.feelings = label("")
        self.feelings.setAccessibleDescription("Feelings named most")

        row = QHBoxLayout()
        for text, combo in (("&Show", self.bucket), ("Perio&d", self.range)):
            caption = QLabel(text)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(label("Feelings over time", "heading"))
        column.addWidget(
            label(
                "How your entries described each period. There is no right direction "
                "for this to go.",
                "subtle",
            )
        )
        column.addLayout(row)
        column.addWidget(self.view, 1)
        column.addWidget(self.chart_text)
        column.addWidget(self.feelings)
        self.bucket.currentIndexChanged.connect(self.refresh)
        self.range.currentIndexChanged.connect(self.refresh)

    def attach(self, series: SeriesLookup, feelings: FeelingsLookup) -> None:
        self._series_lookup, self._feelings_lookup = series, feelings

    def start_day(self) -> date | None:
        days = int(self.range.currentData())
        return today_local() - timedelta(days=days) if days else None

    def refresh(self) -> None:
        """Read the moods of the period chosen and show them; the summary is said (the
        answer to the period or grouping chosen, even when it is the same)."""
        self._refresh(quietly=False)

    def refresh_quietly(self) -> None:
        """Read the moods again after entries changed while the chart shows (one
        deleted from the list): the summary, the chart's description, follows them,
        unsaid."""
        self._refresh(quietly=True)

    def _refresh(self, *, quietly: bool) -> None:
        if self._series_lookup is None or self._feelings_lookup is None:
            return
        start = self.start_day()
        self.points = self._series_lookup(self.bucket.currentData(), start)
        self._draw()
        named = self._feelings_lookup(start)
        self.feelings.setText(
            "Feelings you named most: " + ", ".join(f"{name} ({times})" for name, times in named)
            if named
            else "No feelings named in this period."
        )
        bucket = self.bucket.currentData()

        def when(point: MoodPoint) -> str:
            return period_words(point.period, bucket)

        def at(point: MoodPoint) -> str:
            return f"{'on' if bucket is Bucket.DAY else 'in'} {when(point)}"

        if self.points:
            heaviest = min(self.points, key=lambda p: (p.average, p.period))
            lightest = max(self.points, key=lambda p: (p.average, p.period))
            first, last = self.points[0], self.points[-1]
            span = f": {when(first)}" if first is last else f", from {when(first)} to {when(last)}"
            summary = (
                f"{count(len(self.points), 'period', 'periods')} with a mood{span}. "
                f"Heaviest: {_word(heaviest.average)}, {at(heaviest)}. "
                f"Lightest: {_word(lightest.average)}, {at(lightest)}. "
                f"Most recently: {_word(last.average)}."
            )
        else:
            summary = "No moods recorded in this period yet."
        rows = [
            [when(p), f"{_word(p.average)} ({p.average:.1f} of 5)", str(p.entries)]
            for p in reversed(self.points)
        ]
        # The answer to the chosen period, so it is said even when it is the same.
        self.chart_text.show_values(
            summary, ("Period", "Mood", "Entries"), rows, repeat=not quietly, quietly=quietly
        )

    def _draw(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        lines = period_lines(
            "mood",
            "Mood",
            [(point.period, point.average) for point in self.points],
            width=2.5,
            after=next_period(self.bucket.currentData()),
        )
        x_axis = QCategoryAxis()
        # The axis runs over the period chosen, up to today (one rule for every chart:
        # journal.ui.common.charts.day_axis), widened only to a period of data
        # starting before it (a week begun before "The last month").
        last = max([today_local(), *(p.period for p in self.points)])
        start = self.start_day()
        if start is None:
            start = self.points[0].period if self.points else last - timedelta(days=30)
        first = min([start, *(p.period for p in self.points)])
        day_axis(x_axis, first, last, max_ticks=6)
        y_axis = QValueAxis()
        y_axis.setRange(0.8, 5.2)
        y_axis.setTickCount(5)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("1 very heavy  ·  3 in between  ·  5 lighter")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        add_lines(chart, lines, x_axis, y_axis)
        self._style()

    def _style(self) -> None:
        style_chart(self.chart, self.palette(), self.font(), LINE_COLOURS)

    def changeEvent(self, event: QEvent) -> None:
        """The theme or the text size changed: colour and size the chart again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._style()

    def clear(self) -> None:
        self._series_lookup = self._feelings_lookup = None
        self.points = []
        self.chart.removeAllSeries()
        self.chart_text.clear()
        self.feelings.setText("")

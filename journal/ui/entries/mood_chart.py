"""Feelings over time: mood by day, week or month, and the feelings named most.

Calm colours from the palette, readable in light and dark. The axis speaks in
the mood words, not numbers, and a sentence below says the same for screen
readers. Nothing here is a score or a goal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.domain.common.local_time import from_local, today_local
from journal.domain.entries.feelings import Mood
from journal.storage.entries.stats import Bucket, MoodPoint
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
LINE_COLOUR = {False: "#5b7f8f", True: "#9cc7d8"}


def _msecs(day: date) -> int:
    """Local noon of ``day`` (the zone's rules on that day), in ms since the epoch."""
    return int(from_local(datetime.combine(day, time(12))).timestamp() * 1000)


class MoodChart(QWidget):
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
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("Mood over time")
        self.view.setMinimumHeight(240)
        self.summary = label("", "subtle")
        self.summary.setAccessibleName("Mood summary")
        self.feelings = label("")
        self.feelings.setAccessibleName("Feelings named most")

        row = QHBoxLayout()
        for text, combo in (("&Show", self.bucket), ("&Period", self.range)):
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
        column.addWidget(self.summary)
        column.addWidget(self.feelings)
        self.bucket.currentIndexChanged.connect(self.refresh)
        self.range.currentIndexChanged.connect(self.refresh)

    def attach(self, series: SeriesLookup, feelings: FeelingsLookup) -> None:
        self._series_lookup, self._feelings_lookup = series, feelings

    def start_day(self) -> date | None:
        days = int(self.range.currentData())
        return today_local() - timedelta(days=days) if days else None

    def refresh(self) -> None:
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
        if self.points:
            self.summary.setText(
                f"{len(self.points)} periods with a mood, from "
                f"{self.points[0].period:%d %B %Y} to {self.points[-1].period:%d %B %Y}. "
                f"Most recently: {Mood(round(self.points[-1].average)).label.lower()}."
            )
        else:
            self.summary.setText("No moods recorded in this period yet.")

    def _draw(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        text = palette.color(QPalette.ColorRole.WindowText)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        line = QLineSeries()
        dots = QScatterSeries()
        colour = QColor(LINE_COLOUR[dark])
        line.setPen(QPen(colour, 2.5))
        dots.setColor(colour)
        dots.setBorderColor(colour)
        dots.setMarkerSize(8)
        for point in self.points:
            line.append(_msecs(point.period), point.average)
            dots.append(_msecs(point.period), point.average)
        chart.addSeries(line)
        chart.addSeries(dots)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM yy")
        if self.points:
            first, last = self.points[0].period, self.points[-1].period
        else:
            last = today_local()
            first = self.start_day() or last - timedelta(days=30)
        if first == last:
            first, last = first - timedelta(days=1), last + timedelta(days=1)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(_msecs(first)),
            QDateTime.fromMSecsSinceEpoch(_msecs(last)),
        )
        x_axis.setTickCount(5)
        y_axis = QValueAxis()
        y_axis.setRange(0.8, 5.2)
        y_axis.setTickCount(5)
        y_axis.setLabelFormat("%.0f")
        y_axis.setTitleText("1 very heavy  ·  3 in between  ·  5 lighter")
        grid = palette.color(QPalette.ColorRole.Mid)
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

    def clear(self) -> None:
        self._series_lookup = self._feelings_lookup = None
        self.points = []
        self.chart.removeAllSeries()
        self.summary.setText("")
        self.feelings.setText("")

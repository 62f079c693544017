"""What every chart in Solace shares: a day axis that never says a date twice, and
colours, fonts and legends taken from the app's theme (re-applied when it changes).

QtCharts places the ticks of a ``QDateTimeAxis`` evenly between its minimum and
maximum and labels each with its format. Over one day, seven ticks all read
"30 Nov"; between two days they fall at midnight and hours in between. So the
axis here always runs from a local noon to a local noon a whole number of
``step`` days later, with one tick every ``step`` days: each tick is a
different day, and a day's point sits on its tick.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from math import ceil

from PySide6.QtCharts import QAbstractSeries, QChart, QDateTimeAxis, QXYSeries
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QColor, QFont, QPalette, QPen

from journal.domain.common.local_time import from_local

__all__ = ["MAX_TICKS", "day_axis", "is_dark_palette", "noon_msecs", "style_chart"]

#: Most date labels along an axis; more crowd each other at 200 % text.
MAX_TICKS = 7
MARKER_SIZE = 9.0


def noon_msecs(day: date) -> float:
    """Local noon of ``day`` (the zone's rules on that day), in ms since the epoch (UTC)."""
    return from_local(datetime.combine(day, time(12))).timestamp() * 1000.0


def day_axis(
    axis: QDateTimeAxis, first: date, last: date, *, max_ticks: int = MAX_TICKS
) -> list[date]:
    """Set ``axis`` to show the days ``first`` .. ``last`` with one label per tick.

    The axis gets a day of room on each side (so one day of data sits in the
    middle, between the day before and the day after), ticks every ``step``
    days (the smallest step that keeps to ``max_ticks`` labels), and the format
    "d MMM", or "d MMM yyyy" when the days cross a new year. Returns the days at
    the ticks, in order; no day is in it twice.
    """
    if last < first:
        first, last = last, first
    low, high = first - timedelta(days=1), last + timedelta(days=1)
    days = (high - low).days
    step = max(1, ceil(days / (max_ticks - 1)))
    intervals = ceil(days / step)
    high = low + timedelta(days=intervals * step)
    axis.setRange(
        QDateTime.fromMSecsSinceEpoch(int(noon_msecs(low))),
        QDateTime.fromMSecsSinceEpoch(int(noon_msecs(high))),
    )
    axis.setTickCount(intervals + 1)
    axis.setFormat("d MMM" if low.year == high.year else "d MMM yyyy")
    return [low + timedelta(days=i * step) for i in range(intervals + 1)]


def is_dark_palette(palette: QPalette) -> bool:
    """True when the palette's window colour is dark (the dark theme)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _paint_series(series: QAbstractSeries, colour: QColor, width: float) -> None:
    if isinstance(series, QXYSeries):
        series.setPen(QPen(colour, width))
        series.setColor(colour)
        series.setBrush(colour)
        series.setPointsVisible(True)
        series.setMarkerSize(float(series.property("markerSize") or MARKER_SIZE))


def style_chart(
    chart: QChart,
    palette: QPalette,
    font: QFont,
    colours: Mapping[bool, Mapping[str, str]] | None = None,
) -> None:
    """Colour and size ``chart`` after the theme: background, axis labels and titles,
    grid, legend text, and fonts from ``font`` (the app's, so 200 % text is 200 %).

    ``colours`` maps dark (True) or light (False) to a colour per series, found by
    the series' object name; each such series draws its points as well as its line,
    so a single day still shows. Safe to call again whenever the theme changes.
    """
    dark = is_dark_palette(palette)
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = palette.color(QPalette.ColorRole.Mid)
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setBackgroundPen(QPen(grid))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(text)
    chart.setTitleFont(font)
    legend = chart.legend()
    legend.setLabelColor(text)
    legend.setFont(font)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setLabelsFont(font)
        axis.setTitleBrush(text)
        axis.setTitleFont(font)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(grid)
    if colours is None:
        return
    chosen = colours[dark]
    for series in chart.series():
        name = series.objectName()
        if name in chosen:
            width = float(series.property("lineWidth") or 2.0)
            _paint_series(series, QColor(chosen[name]), width)

"""What every chart in Solace shares: a day axis that never says a date twice, lines
that join only periods in a row (`period_lines`: a gap of days without a value is a gap
in the line, never a slope across it), and colours, fonts and legends taken from the
app's theme (re-applied when it changes).

One rule for every chart's day axis (`day_axis`): the axis runs over the range the
chart shows (the days chosen, "The last 30 days", or the summary's From and To),
never over where its ticks happen to fall, with a little room at each end so the
first and last day's points are whole; the labels are days inside that range, one
every ``step`` days counted back from the last, each a different day, at that day's
point. QtCharts' ``QDateTimeAxis`` could not do this: it spreads its ticks evenly
from its minimum to its maximum, so an axis that labels whole days has to round its
range out to whole steps, and where two labels fit (200 % text on 1024x600) "The last
30 days" was drawn over 60 (break test 10 of session 17, findings 11 and 16). The
axis here is a ``QCategoryAxis`` over the same values the points have (local noon
of their day, ms since the epoch, `noon_msecs`), its labels placed on their values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from math import ceil

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QCategoryAxis,
    QChart,
    QLineSeries,
    QXYSeries,
)
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPalette, QPen

from journal.domain.common.local_time import from_local
from journal.ui.common.dark import is_dark_palette

__all__ = [
    "DAY_MSECS",
    "MAX_TICKS",
    "add_lines",
    "day_axis",
    "day_label",
    "next_day",
    "noon_msecs",
    "period_lines",
    "runs",
    "style_chart",
]

#: Most date labels along an axis; more crowd each other at 200 % text.
MAX_TICKS = 7
MARKER_SIZE = 9.0


def noon_msecs(day: date) -> float:
    """Local noon of ``day`` (the zone's rules on that day), in ms since the epoch (UTC)."""
    return from_local(datetime.combine(day, time(12))).timestamp() * 1000.0


DAY_MSECS = 24 * 60 * 60 * 1000.0
#: Room at each end of a day axis, as a share of the days shown: a point at either end
#: stays whole on a plot 300 px wide (a 15 px point needs 7.5 px; 4 % of 300 is 12).
ROOM_SHARE = 0.04


def room_days(shown: int) -> float:
    """Days of room at each end of an axis of ``shown`` days: half a day, or
    `ROOM_SHARE` of the days when that is more."""
    return max(0.5, ROOM_SHARE * shown)


def day_label(day: date, *, with_year: bool = False) -> str:
    """A day as the axis names it: "2 Dec", or "2 Dec 2026" when ``with_year``."""
    return f"{day.day} {day:%b %Y}" if with_year else f"{day.day} {day:%b}"


def day_axis(
    axis: QCategoryAxis, first: date, last: date, *, max_ticks: int = MAX_TICKS
) -> list[date]:
    """Set ``axis`` to show the days ``first`` .. ``last`` (both included: the range
    the chart shows, whatever the data in it) with at most ``max_ticks`` labels.

    The axis runs from local noon of ``first`` to local noon of ``last`` with
    `room_days` more at each end (so the points of either end day are whole, never
    cut by the axis line), at any text size and any ``max_ticks``: the range never
    grows to fit the ticks. The labels are every ``step`` days counted back from
    ``last`` (the smallest step that keeps to ``max_ticks``), so the latest day is
    always labelled; each sits on its day's point. The format is "d MMM", or "d MMM
    yyyy" when the days cross a new year. Returns the days labelled, oldest first;
    no day is in it twice.
    """
    if last < first:
        first, last = last, first
    ticks = max(2, max_ticks)
    shown = (last - first).days + 1
    step = 1 if shown <= ticks else ceil((shown - 1) / (ticks - 1))
    labelled = [last - timedelta(days=i * step) for i in range((shown - 1) // step + 1)]
    labelled.reverse()
    room = room_days(shown) * DAY_MSECS
    for old in axis.categoriesLabels():
        axis.remove(old)
    low, high = noon_msecs(first) - room, noon_msecs(last) + room
    axis.setStartValue(low)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    with_year = first.year != last.year
    for day in labelled:
        axis.append(day_label(day, with_year=with_year), noon_msecs(day))
    # QtCharts redraws an axis's labels when its range changes, not when its categories
    # do: fewer labels on the same range (a narrower window) left the old ones drawn.
    axis.setRange(low, high + DAY_MSECS)
    axis.setRange(low, high)
    return labelled


def next_day(day: date) -> date:
    """The day after ``day``: the next period of a chart by day."""
    return day + timedelta(days=1)


def runs(
    values: Sequence[tuple[date, float]], after: Callable[[date], date] = next_day
) -> list[list[tuple[date, float]]]:
    """``values`` (one per period, oldest first) cut where a period has none: each run
    holds periods in a row, ``after(period)`` being the one that follows ``period``
    (`next_day` by default; the next Monday or first of the month for charts by week
    or month). A line joins the periods of a run only, so a gap (of days or years)
    without a value is a gap in the line, and a lone period is a point of its own."""
    found: list[list[tuple[date, float]]] = []
    for period, value in values:
        if found and after(found[-1][-1][0]) == period:
            found[-1].append((period, value))
        else:
            found.append([(period, value)])
    return found


def period_lines(
    key: str,
    name: str,
    values: Sequence[tuple[date, float]],
    *,
    width: float = 2.0,
    marker_size: float | None = None,
    after: Callable[[date], date] = next_day,
) -> list[QLineSeries]:
    """One line per run of periods in a row (`runs`), each point at its first day's
    local noon, coloured later by ``key`` (`style_chart`) and drawing its points. The
    first line carries ``name`` for the legend; the others are marked as repeats, whose
    legend entry `add_lines` hides. Always at least one (empty) line."""

    def line(run: Sequence[tuple[date, float]]) -> QLineSeries:
        series = QLineSeries()
        series.setObjectName(key)
        series.setProperty("lineWidth", width)
        series.setProperty("markerSize", marker_size)
        series.setName(name)
        series.replace([QPointF(noon_msecs(period), value) for period, value in run])
        return series

    lines = [line(run) for run in runs(values, after)] or [line([])]
    for repeated in lines[1:]:
        repeated.setProperty("repeats", True)
    return lines


def add_lines(
    chart: QChart, lines: Sequence[QLineSeries], x_axis: QAbstractAxis, y_axis: QAbstractAxis
) -> None:
    """Add ``lines`` (from `period_lines`) to ``chart`` on the two axes (already added
    to it); each name is in the legend once."""
    for series in lines:
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        if series.property("repeats"):
            for marker in chart.legend().markers(series):
                marker.setVisible(False)


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

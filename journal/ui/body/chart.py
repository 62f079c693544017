"""Charts of bleeding, cramping and temperature over days (QtCharts).

Bleeding (0 none to 5 very heavy), cramping (0 to 10) and, when the journal has
it, mood (1 to 5) share the left axis; temperature has its own axis on the
right, in the unit from the settings. Every line also draws its points, so a
log of one day shows that day; the day axis never says a date twice, and the
colours, fonts and legend follow the theme (``journal.ui.common.charts``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QLabel, QWidget

from journal.domain.body.daily import DayPoint
from journal.domain.body.log import BleedingLevel
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.domain.common.words import count
from journal.domain.entries.feelings import nearest_mood
from journal.ui.common.chart_view import ChartView
from journal.ui.common.charts import MAX_TICKS, add_lines, day_axis, period_lines, style_chart
from journal.ui.common.local_time import today_local
from journal.ui.common.theme import palette_for

COLOURS = {
    False: {
        "bleeding": "#a4473b",
        "cramping": "#5b7f8f",
        "temperature": "#b07a1f",
        "mood": "#6b5d8f",
    },
    True: {
        "bleeding": "#f0a493",
        "cramping": "#9cc7d8",
        "temperature": "#e7c177",
        "mood": "#c3b4e6",
    },
}
TEMPERATURE_AXIS = {
    TemperatureUnit.CELSIUS: (35.0, 41.0),
    TemperatureUnit.FAHRENHEIT: (95.0, 106.0),
}

PRINT_POINT_SIZE = 13.0
SCALE_ROOM = 0.5  # of the 0 to 10 scale, below 0 and above 10: a point there is whole
#: Points of different sizes (pixels), drawn largest first, so two values on the same
#: spot (bleeding 0 and cramping 0 on a day) both show: a smaller point inside a larger
#: one, which shows as a ring of at least `RING` pixels. A ring of 1 px (cramping 10
#: round temperature 8) was lost in the printed summary, whose chart is drawn small
#: (break test 10 of session 26, F3).
MARKER_SIZES = {"bleeding": 18.0, "cramping": 13.0, "temperature": 8.0, "mood": 4.0}
RING = 2.0
#: What the numbers mean, said under the chart (the legend stays short enough for 200 % text).
SCALE_WORDS = (
    "Bleeding: 0 none, 1 spotting, 2 light, 3 medium, 4 heavy, 5 very heavy. "
    "Cramping: 0 none to 10 the worst."
)
#: Said after `SCALE_WORDS` only while the chart draws a mood (break test 10 of session
#: 25, F3: explained under a chart with no mood on it). See `scale_words`.
MOOD_SCALE_WORDS = "Mood, from the journal: 1 very heavy to 5 lighter."


def scale_words(with_mood: bool) -> str:
    """What the chart's numbers mean: `SCALE_WORDS`, and the mood's scale when a mood
    is drawn (``with_mood``)."""
    return f"{SCALE_WORDS} {MOOD_SCALE_WORDS}" if with_mood else SCALE_WORDS


def _lines(
    key: str, name: str, values: Sequence[tuple[date, float]], width: float = 2.0
) -> list[QLineSeries]:
    """The lines of one measure: a line per run of days in a row (`period_lines`)."""
    return period_lines(key, name, values, width=width, marker_size=MARKER_SIZES.get(key))


def build_chart(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    *,
    palette: QPalette,
    font: QFont,
    span: tuple[date, date] | None = None,
) -> QChart:
    """A chart of the given days (already cut to the range to show), coloured after
    ``palette`` (the theme) with text in ``font``. Its day axis runs over ``span``
    (the first and last day chosen; the days with data when None), `shown_span`."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    x_axis = QCategoryAxis()
    left = QValueAxis()
    # Half a step of room below 0 and above 10: a point at 0 ("none", the news she
    # hopes for) was drawn as half a dot cut by the axis (break test 10 of session 12,
    # finding 8). The ticks stay at 0, 2, ... 10.
    left.setRange(-SCALE_ROOM, 10 + SCALE_ROOM)
    left.setTickType(QValueAxis.TickType.TicksDynamic)
    left.setTickAnchor(0)
    left.setTickInterval(2)
    left.setLabelFormat("%d")
    left.setTitleText("Scale")
    right = QValueAxis()
    low, high = TEMPERATURE_AXIS[unit]
    right.setRange(low, high)
    right.setLabelFormat("%.1f")
    right.setTitleText(f"Temperature ({unit.symbol})")
    right.setGridLineVisible(False)  # one grid (the left scale's) is calmer than two
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)

    temperatures = [
        (p.day, Temperature(p.temperature_c, TemperatureUnit.CELSIUS).in_unit(unit))
        for p in days
        if p.temperature_c is not None
    ]
    series: list[tuple[QLineSeries, QValueAxis]] = [
        *(
            (line, left)
            for line in _lines(
                "bleeding",
                "Bleeding (0 to 5)",
                # A day whose bleeding was not noted is a gap, never a 0 ("none").
                [(p.day, float(p.bleeding)) for p in days if p.bleeding is not None],
                2.5,
            )
        ),
        *(
            (line, left)
            for line in _lines(
                "cramping",
                "Cramping (0 to 10)",
                # A day whose cramping was not noted is a gap, as a day with no
                # temperature is, never a 0 (break test 14 of issue 15, finding 1).
                [(p.day, float(p.cramping)) for p in days if p.cramping is not None],
            )
        ),
        *(
            (line, right)
            for line in _lines("temperature", f"Highest temperature ({unit.symbol})", temperatures)
        ),
    ]
    if moods:
        series += [(line, left) for line in _lines("mood", "Mood (1 to 5)", moods)]
    for line, axis in series:
        add_lines(chart, [line], x_axis, axis)
    first, last = shown_span(days, moods, span)
    day_axis(x_axis, first, last)
    style_chart(chart, palette, font, COLOURS)
    return chart


def shown_span(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    span: tuple[date, date] | None = None,
) -> tuple[date, date]:
    """The first and last day the chart shows: ``span`` (the range chosen: "The last
    30 days", the summary's From and To), widened only to a day of data outside it;
    without ``span`` the days with data (today when there are none)."""
    shown = [p.day for p in days] + [d for d, _ in moods]
    if span is not None:
        return min([span[0], *shown]), max([span[1], *shown])
    today = today_local()
    return min(shown, default=today), max(shown, default=today)


def legend_html(chart: QChart) -> str:
    """The chart's legend as rich text that wraps: a square of each line's colour and
    its name (each name once), for a label under the chart."""
    items = []
    for marker in chart.legend().markers():
        series = marker.series()
        if series.property("repeats") or not isinstance(series, QLineSeries):
            continue
        colour = series.color().name()
        items.append(
            f'<span style="color:{colour}">&#9632;</span>&nbsp;'
            + html.escape(marker.label()).replace(" ", "&nbsp;")  # wraps between names only
        )
    return " &nbsp; ".join(items)


MIN_HEIGHT = 280  # px, the chart at the usual text size
LINES_TALL = 17  # lines of text the chart is at least as tall as


class BodyChartView(ChartView):
    """The chart on screen; it follows the theme and the text size when they change.

    Its legend is `legend`, a label to place under it that wraps at any text size
    (QtCharts' own legend cut its names to "Bleeding (0 t…" at 200 %), and the day
    axis has as many labels as fit the width (`fitting_ticks`), so none is cut.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        # Tall enough for its scales' labels and titles at any text size (at 200 % a
        # fixed 280 px left the plot too short: the scale's labels showed as "…"); the
        # page around it scrolls instead.
        super().__init__(parent=parent, least_height=MIN_HEIGHT, lines_tall=LINES_TALL)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Chart of bleeding, cramping and temperature over days")
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._span: tuple[date, date] | None = None

    def fitting_ticks(self) -> int:
        """How many day labels fit along the axis at this width and text size (2 to
        `MAX_TICKS`): each label's width and as much again between labels."""
        metrics = self.fontMetrics()
        label_width = metrics.horizontalAdvance("30 Sep 2026") * 1.5
        axes = metrics.horizontalAdvance("41.0") * 2 + metrics.lineSpacing() * 4
        return max(2, min(MAX_TICKS, int((self.width() - axes) / label_width) + 1))

    def _fit_axis(self) -> None:
        chart = self.chart()
        if chart is None or self._span is None:
            return
        for axis in chart.axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QCategoryAxis):
                day_axis(axis, *self._span, max_ticks=self.fitting_ticks())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_axis()

    def show_days(
        self,
        days: Sequence[DayPoint],
        moods: Sequence[tuple[date, float]],
        unit: TemperatureUnit,
        span: tuple[date, date] | None = None,
    ) -> None:
        """Draw ``days`` and ``moods`` over ``span`` (the first and last day of the
        range chosen; the days with data when None: `shown_span`)."""
        chart = build_chart(days, moods, unit, palette=self.palette(), font=self.font(), span=span)
        chart.legend().hide()  # shown by `legend`, which wraps
        self._span = shown_span(days, moods, span)
        self._replace(chart)
        self._fit_axis()
        self.legend.setText(legend_html(chart))

    def clear(self) -> None:
        self._span = None
        self.legend.clear()
        self._replace(QChart())

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # its least size at the new text size
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            chart = self.chart()
            if chart is not None:
                style_chart(chart, self.palette(), self.font(), COLOURS)
                self.legend.setText(legend_html(chart))
                self._fit_axis()


def chart_image(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    width: int = 1100,
    height: int = 420,
    span: tuple[date, date] | None = None,
) -> QImage:
    """The chart drawn into an image of ``width`` x ``height`` px, light theme, for
    the printed summary; its day axis runs over ``span`` (the summary's first and last
    day; the days with data when None), never wider."""
    font = QFont(QApplication.font())
    font.setPointSizeF(PRINT_POINT_SIZE)
    chart = build_chart(days, moods, unit, palette=palette_for(False), font=font, span=span)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, width, height))
    # The chart lays itself out on posted events; let it finish before drawing.
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    chart.deleteLater()
    return image


# -- the chart in words ----------------------------------------------------------------------
TABLE_COLUMNS = (
    "Day",
    "Bleeding",
    "Cramping",
    "Highest temperature",
    "Lowest temperature",
    "Mood",
    "Logs",
)


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _temperature(point: DayPoint, unit: TemperatureUnit) -> str:
    """The day's highest temperature in ``unit`` ("38.5 °C"), or "" when none was
    taken: the one reading of it for the table and the summary."""
    if point.temperature_c is None:
        return ""
    return Temperature(point.temperature_c, TemperatureUnit.CELSIUS).format(unit)


def _lowest_c(point: DayPoint) -> float:
    """The day's lowest temperature taken, in °C (its highest when only that is known)."""
    lowest = point.lowest_c if point.lowest_c is not None else point.temperature_c
    return 0.0 if lowest is None else lowest


def _lowest(point: DayPoint, unit: TemperatureUnit) -> str:
    """The day's lowest temperature taken in ``unit`` ("38.3 °C"), or "" when none was
    taken."""
    if point.temperature_c is None:
        return ""
    return Temperature(_lowest_c(point), TemperatureUnit.CELSIUS).format(unit)


#: A cramping no log of the day noted (the field was never touched): never "0 of 10".
NOT_NOTED = "not noted"


def _cramping(point: DayPoint) -> str:
    """The day's strongest cramping in words: "6 of 10", or `NOT_NOTED`."""
    return NOT_NOTED if point.cramping is None else f"{point.cramping} of 10"


def _bleeding(point: DayPoint) -> str:
    """The day's heaviest bleeding in words: "Medium (3 of 5)", or `NOT_NOTED`."""
    if point.bleeding is None:
        return NOT_NOTED
    return f"{point.bleeding.label} ({int(point.bleeding)} of 5)"


def _mood(average: float) -> str:
    """A day's mood (the average of its entries', 1.0 to 5.0) in words with its number,
    as the Journal's mood table says it: "heavy (2.0 of 5)"."""
    return f"{nearest_mood(average).label.lower()} ({average:.1f} of 5)"


def chart_rows(
    days: Sequence[DayPoint], moods: Sequence[tuple[date, float]], unit: TemperatureUnit
) -> list[list[str]]:
    """One row per day shown (newest first): the values each line of the chart has."""
    by_day = {point.day: point for point in days}
    mood_of = dict(moods)
    rows = []
    for day in sorted(set(by_day) | set(mood_of), reverse=True):
        point = by_day.get(day)
        mood = mood_of.get(day)
        rows.append(
            [
                _day(day),
                "" if point is None else _bleeding(point),
                "" if point is None else _cramping(point),
                "" if point is None else _temperature(point, unit),
                "" if point is None else _lowest(point, unit),
                "" if mood is None else _mood(mood),
                "" if point is None else str(point.logs),
            ]
        )
    return rows


def chart_summary(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    signs: Sequence[str] = (),
) -> str:
    """What the chart shows, in words: the days it covers, the highest bleeding and
    cramping, the highest temperature and the lowest taken, the latest day, the heaviest,
    lightest and latest mood (``moods``: day and average, 1.0 to 5.0), and each warning sign
    raised (``signs``: their titles)."""
    if not days and not moods:
        return "No logs in this period yet."
    shown = [p.day for p in days] + [d for d, _ in moods]
    with_logs = count(len(days), "day", "days")
    parts = [f"{with_logs} with logs, from {_day(min(shown))} to {_day(max(shown))}."]
    if days:
        bled = [(p.bleeding, p.day) for p in days if p.bleeding is not None]
        if bled:
            level, day = max(bled)
            if level is BleedingLevel.NONE and len(bled) == len(days):
                parts.append("No bleeding on any day logged.")
            elif level is BleedingLevel.NONE:  # "none" and "not noted" are two answers
                unknown = count(len(days) - len(bled), "day", "days")
                parts.append(f"No bleeding on the days it was noted; not noted on {unknown}.")
            else:
                parts.append(f"Heaviest bleeding: {level.label.lower()}, on {_day(day)}.")
        else:
            parts.append(f"Bleeding: {NOT_NOTED}.")
        noted = [p for p in days if p.cramping is not None]
        if noted:
            cramping = max(noted, key=lambda p: (p.cramping or 0, p.day))
            parts.append(f"Strongest cramping: {_cramping(cramping)}, on {_day(cramping.day)}.")
        else:
            parts.append(f"Cramping: {NOT_NOTED}.")
        taken = [p for p in days if p.temperature_c is not None]
        if taken:
            high = max(taken, key=lambda p: (p.temperature_c or 0.0, p.day))
            # The lowest reading taken, as the table's "Lowest temperature" says it:
            # the lowest of the days' highest readings was called "lowest" (39.5 °C
            # when 38.3 °C was taken that day: issue 15 break test).
            low = min(taken, key=lambda p: (_lowest_c(p), p.day))
            parts.append(
                f"Highest temperature: {_temperature(high, unit)}, on {_day(high.day)}; "
                f"lowest temperature taken: {_lowest(low, unit)}, on {_day(low.day)}."
            )
        # The latest day as its row in the table reads it: each column's value, the
        # temperature too (break test 14 of issue 15, finding 1: it was left out).
        latest = max(days, key=lambda p: p.day)
        taken_then = _temperature(latest, unit)
        parts.append(
            f"Latest, {_day(latest.day)}: "
            f"{'bleeding ' + NOT_NOTED if latest.bleeding is None else latest.bleeding.in_words}, "
            f"cramping {_cramping(latest)}, "
            + (f"highest temperature {taken_then}." if taken_then else "no temperature taken.")
        )
    if moods:
        # Every line the chart draws is said: the mood was drawn and never said (break
        # test 15 of session 18, finding 6).
        heaviest = min(moods, key=lambda m: (m[1], m[0]))
        lightest = max(moods, key=lambda m: (m[1], m[0]))
        latest_day, latest_mood = max(moods)
        parts.append(
            f"Mood, from the journal: heaviest {_mood(heaviest[1])}, on {_day(heaviest[0])}; "
            f"lightest {_mood(lightest[1])}, on {_day(lightest[0])}; "
            f"latest {_mood(latest_mood)}, on {_day(latest_day)}."
        )
    if signs:
        parts.append("Warning signs raised: " + ", ".join(signs) + ".")
    return " ".join(parts)

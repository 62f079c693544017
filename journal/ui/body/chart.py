"""Charts of bleeding, cramping and temperature over days (QtCharts).

Bleeding (0 none to 5 very heavy), cramping (0 to 10) and, when the journal has
it, mood (1 to 5) share the left axis; temperature has its own axis on the
right, in the unit from the settings. Every line also draws its points, so a
log of one day shows that day; the day axis never says a date twice, and the
colours, fonts and legend follow the theme (``journal.ui.common.charts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene, QWidget

from journal.domain.body.daily import DayPoint
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.ui.common.charts import day_axis, noon_msecs, style_chart
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
#: What the numbers mean, said under the chart (the legend stays short enough for 200 % text).
SCALE_WORDS = (
    "Bleeding: 0 none, 1 spotting, 2 light, 3 medium, 4 heavy, 5 very heavy. "
    "Cramping: 0 none to 10 the worst. Mood, from the journal: 1 very heavy to 5 lighter."
)


def _series(key: str, name: str, points: list[QPointF], width: float = 2.0) -> QLineSeries:
    """A line with its points drawn (so one day still shows), coloured by ``key``."""
    series = QLineSeries()
    series.setObjectName(key)
    series.setProperty("lineWidth", width)
    series.setName(name)
    series.replace(points)
    return series


def build_chart(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    *,
    palette: QPalette,
    font: QFont,
) -> QChart:
    """A chart of the given days (already cut to the range to show), coloured after
    ``palette`` (the theme) with text in ``font``. Each day sits on its own tick."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    x_axis = QDateTimeAxis()
    left = QValueAxis()
    left.setRange(0, 10)
    left.setTickCount(6)
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

    series: list[tuple[QLineSeries, QValueAxis]] = [
        (
            _series(
                "bleeding",
                "Bleeding (0 to 5)",
                [QPointF(noon_msecs(p.day), float(p.bleeding)) for p in days],
                2.5,
            ),
            left,
        ),
        (
            _series(
                "cramping",
                "Cramping (0 to 10)",
                [QPointF(noon_msecs(p.day), float(p.cramping)) for p in days],
            ),
            left,
        ),
        (
            _series(
                "temperature",
                f"Highest temperature ({unit.symbol})",
                [
                    QPointF(
                        noon_msecs(p.day),
                        Temperature(p.temperature_c, TemperatureUnit.CELSIUS).in_unit(unit),
                    )
                    for p in days
                    if p.temperature_c is not None
                ],
            ),
            right,
        ),
    ]
    if moods:
        series.append(
            (
                _series(
                    "mood",
                    "Mood (1 to 5)",
                    [QPointF(noon_msecs(d), m) for d, m in moods],
                ),
                left,
            )
        )
    for line, axis in series:
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(axis)
    shown = [p.day for p in days] + [d for d, _ in moods]
    today = today_local()
    day_axis(x_axis, min(shown, default=today), max(shown, default=today))
    style_chart(chart, palette, font, COLOURS)
    return chart


MIN_HEIGHT = 280  # px, the chart at the usual text size
LINES_TALL = 17  # lines of text the chart is at least as tall as


class BodyChartView(QChartView):
    """The chart on screen; it follows the theme and the text size when they change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Chart of bleeding, cramping and temperature over days")
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for its scales' labels and titles at any text size (at
        200 % a fixed 280 px left the plot too short: the scale's labels showed
        as "…"); the page around it scrolls instead."""
        self.setMinimumHeight(max(MIN_HEIGHT, self.fontMetrics().lineSpacing() * LINES_TALL))

    def show_days(
        self,
        days: Sequence[DayPoint],
        moods: Sequence[tuple[date, float]],
        unit: TemperatureUnit,
    ) -> None:
        self._replace(build_chart(days, moods, unit, palette=self.palette(), font=self.font()))

    def clear(self) -> None:
        self._replace(QChart())

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            chart = self.chart()
            if chart is not None:
                style_chart(chart, self.palette(), self.font(), COLOURS)


def chart_image(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    width: int = 1100,
    height: int = 420,
) -> QImage:
    """The chart drawn into an image, light theme, for the printed summary."""
    font = QFont(QApplication.font())
    font.setPointSizeF(PRINT_POINT_SIZE)
    chart = build_chart(days, moods, unit, palette=palette_for(False), font=font)
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
TABLE_COLUMNS = ("Day", "Bleeding", "Cramping", "Highest temperature", "Mood", "Logs")


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


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
                "" if point is None else f"{point.bleeding.label} ({int(point.bleeding)} of 5)",
                "" if point is None else f"{point.cramping} of 10",
                ""
                if point is None or point.temperature_c is None
                else Temperature(point.temperature_c, TemperatureUnit.CELSIUS).format(unit),
                "" if mood is None else f"{mood:.1f} of 5",
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
    cramping, the highest and lowest temperature, the latest day, and each warning
    sign raised (``signs``: their titles)."""
    if not days and not moods:
        return "No logs in this period yet."
    shown = [p.day for p in days] + [d for d, _ in moods]
    count = "1 day" if len(days) == 1 else f"{len(days)} days"
    parts = [f"{count} with logs, from {_day(min(shown))} to {_day(max(shown))}."]
    if days:
        heaviest = max(days, key=lambda p: (p.bleeding, p.day))
        parts.append(
            f"Heaviest bleeding: {heaviest.bleeding.label.lower()}, on {_day(heaviest.day)}."
        )
        cramping = max(days, key=lambda p: (p.cramping, p.day))
        parts.append(f"Strongest cramping: {cramping.cramping} of 10, on {_day(cramping.day)}.")
        taken = [p for p in days if p.temperature_c is not None]
        if taken:
            high = max(taken, key=lambda p: (p.temperature_c or 0.0, p.day))
            low = min(taken, key=lambda p: (p.temperature_c or 0.0, p.day))
            parts.append(
                "Highest temperature: "
                f"{Temperature(high.temperature_c or 0.0, TemperatureUnit.CELSIUS).format(unit)}, "
                f"on {_day(high.day)}; lowest: "
                f"{Temperature(low.temperature_c or 0.0, TemperatureUnit.CELSIUS).format(unit)}."
            )
        latest = max(days, key=lambda p: p.day)
        parts.append(
            f"Latest, {_day(latest.day)}: bleeding {latest.bleeding.label.lower()}, "
            f"cramping {latest.cramping} of 10."
        )
    if signs:
        parts.append("Warning signs raised: " + ", ".join(signs) + ".")
    return " ".join(parts)

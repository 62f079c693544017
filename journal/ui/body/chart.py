"""Charts of bleeding, cramping and temperature over days (QtCharts).

Bleeding (0 none to 5 very heavy), cramping (0 to 10) and, when the journal has
it, mood (1 to 5) share the left axis; temperature has its own axis on the
right, in the unit from the settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QWidget

from journal.domain.body.daily import DayPoint
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.ui.common.local_time import local_tz

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
HALF_DAY_MS = 12 * 3600 * 1000


def _ms(day: date) -> float:
    return datetime.combine(day, time(12), local_tz()).timestamp() * 1000.0


def _series(name: str, colour: str, points: list[QPointF], width: float = 2.0) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    series.setPen(QPen(QColor(colour), width))
    series.replace(points)
    return series


def build_chart(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    *,
    dark: bool = False,
) -> QChart:
    """A chart of the given days (already cut to the range to show)."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    colours = COLOURS[dark]
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTickCount(7)
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
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)

    series: list[tuple[QLineSeries, QValueAxis]] = [
        (
            _series(
                "Bleeding (0 none to 5 very heavy)",
                colours["bleeding"],
                [QPointF(_ms(p.day), float(p.bleeding)) for p in days],
                2.5,
            ),
            left,
        ),
        (
            _series(
                "Cramping (0 to 10)",
                colours["cramping"],
                [QPointF(_ms(p.day), float(p.cramping)) for p in days],
            ),
            left,
        ),
        (
            _series(
                f"Highest temperature ({unit.symbol})",
                colours["temperature"],
                [
                    QPointF(
                        _ms(p.day),
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
                    "Mood from the journal (1 to 5)",
                    colours["mood"],
                    [QPointF(_ms(d), m) for d, m in moods],
                ),
                left,
            )
        )
    for line, axis in series:
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(axis)
    shown = [p.day for p in days] + [d for d, _ in moods]
    if shown:
        start, end = min(shown), max(shown)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_ms(start) - HALF_DAY_MS)),
            QDateTime.fromMSecsSinceEpoch(int(_ms(end) + HALF_DAY_MS)),
        )
    return chart


class BodyChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Chart of bleeding, cramping and temperature over days")
        self.setMinimumHeight(280)

    def show_days(
        self,
        days: Sequence[DayPoint],
        moods: Sequence[tuple[date, float]],
        unit: TemperatureUnit,
        *,
        dark: bool,
    ) -> None:
        self._replace(build_chart(days, moods, unit, dark=dark))

    def clear(self) -> None:
        self._replace(QChart())

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


def chart_image(
    days: Sequence[DayPoint],
    moods: Sequence[tuple[date, float]],
    unit: TemperatureUnit,
    width: int = 1100,
    height: int = 420,
) -> QImage:
    """The chart drawn into an image, light theme, for the printed summary."""
    chart = build_chart(days, moods, unit, dark=False)
    for axis in chart.axes():
        font = axis.labelsFont()
        font.setPointSizeF(PRINT_POINT_SIZE)
        axis.setLabelsFont(font)
        title = axis.titleFont()
        title.setPointSizeF(PRINT_POINT_SIZE)
        axis.setTitleFont(title)
    legend_font = chart.legend().font()
    legend_font.setPointSizeF(PRINT_POINT_SIZE)
    chart.legend().setFont(legend_font)
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

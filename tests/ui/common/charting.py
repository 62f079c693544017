"""Helpers for chart tests (no tests of their own): read what a date axis shows, count
a colour's pixels in the plot, and switch the app's theme for one test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from journal.settings import Theme
from journal.ui.common.theme import apply_theme


def tick_labels(axis: QCategoryAxis) -> list[str]:
    """The day labels a chart's day axis draws, oldest first."""
    return list(axis.categoriesLabels())


def axis_label(day: date, first: date, last: date) -> str:
    """The label a day axis over ``first`` .. ``last`` gives ``day``: "1 Mar", with the
    year ("1 Mar 2027") when the days cross a new year, so that a test of a range
    counted back from today holds in January too (one of 90 days fails until 31 March)."""
    return f"{day.day} {day:%b %Y}" if first.year != last.year else f"{day.day} {day:%b}"


def date_axis(chart: QChart) -> QCategoryAxis:
    """The chart's day axis (the one along the bottom)."""
    (axis,) = [a for a in chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QCategoryAxis)]
    return axis


def plot_pixels(view: QChartView, colour: str) -> int:
    """How many pixels inside the plot area (not the legend) are exactly ``colour``
    (the inside of a drawn point or line is; its antialiased edge is not)."""
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    area = view.mapFromScene(view.chart().plotArea()).boundingRect()
    crop = image.copy(area.intersected(image.rect()))
    # One bit per pixel, 1 where the colour is, least significant bit first.
    mask = crop.createMaskFromColor(QColor(colour).rgb(), Qt.MaskMode.MaskInColor)
    data, stride, width = bytes(mask.constBits()), mask.bytesPerLine(), mask.width()
    full, rest = divmod(width, 8)
    found = 0
    for y in range(mask.height()):
        line = data[y * stride : y * stride + full + (1 if rest else 0)]
        found += sum(bin(byte).count("1") for byte in line[:full])
        if rest:
            found += bin(line[full] & ((1 << rest) - 1)).count("1")
    return found


@contextmanager
def theme(chosen: Theme) -> Iterator[None]:
    """The whole app in ``chosen`` theme inside the block; the light theme after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, chosen)
    try:
        yield
    finally:
        apply_theme(app, Theme.LIGHT)

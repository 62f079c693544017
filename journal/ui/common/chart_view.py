"""A chart on screen whose least size follows the text size both ways.

QChartView raises its widget's minimum size to its chart's at every resize and never
lowers it (``QChartView::resizeEvent``: the chart's minimum, expanded to the minimum
the view has already). A chart's minimum grows with its axes' labels, so after 200 %
text the view kept its 200 % minimum at 150 % (173 px wide against 144 px in a window
opened at 150 %: issue 10, break test of session 18, finding 2). `ChartView` takes
its chart's minimum as it is now at each resize and each change of font, never the
largest one seen.

Its preferred height is that least height too, never the height it has: a
QGraphicsView prefers the size of its scene, which is the chart's, which is the
view's own, so a chart grown at 200 % text kept asking for that height at 100 % and
the page around it stayed taller than the window (break test 10 of session 31,
finding 3). Where the page has room, the layout gives the chart the rest of it.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

__all__ = ["ChartView"]


class ChartView(QChartView):
    """A QChartView at least ``least_height`` pixels and ``lines_tall`` lines of its
    text tall (the lines follow the text size), and at least as large as its chart's
    minimum now."""

    def __init__(
        self,
        chart: QChart | None = None,
        parent: QWidget | None = None,
        *,
        least_height: int = 0,
        lines_tall: int = 0,
    ) -> None:
        super().__init__(parent)
        if chart is not None:
            self.setChart(chart)
        self._least_height = least_height
        self._lines_tall = lines_tall
        self.fit_minimum()

    def own_minimum_height(self) -> int:
        """The least height (pixels) asked for: ``least_height``, or ``lines_tall`` lines
        of the view's text when that is more."""
        lines = math.ceil(self.fontMetrics().lineSpacing() * self._lines_tall)
        return max(self._least_height, lines)

    def fit_minimum(self) -> None:
        """Make the view's minimum size its own least height and its chart's minimum
        size now, whichever is larger in each direction."""
        wanted = QSize(0, self.own_minimum_height())
        chart = self.chart()
        if chart is not None:
            wanted = wanted.expandedTo(chart.minimumSize().toSize())
        if self.minimumSize() != wanted:
            self.setMinimumSize(wanted)

    def sizeHint(self) -> QSize:
        """Qt's preferred width, and the least height as the preferred height (pixels;
        see the module's docstring)."""
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # raises the minimum to the chart's, never lowers it
        self.fit_minimum()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_minimum()

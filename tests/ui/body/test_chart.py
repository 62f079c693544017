"""Charts with one day of data show that day, never say a date twice along the axis,
and follow the theme when it changes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from journal.domain.body.daily import daily
from journal.domain.body.log import BleedingLevel, BodyLog
from journal.settings import Theme
from journal.ui.body.chart import COLOURS
from journal.ui.common.local_time import today_local
from journal.ui.common.theme import palette_for
from tests.ui.body import support as support
from tests.ui.body.support import now, store
from tests.ui.common.charting import date_axis, plot_pixels, theme, tick_labels

body_area = support.body_area
CHARTS_TAB = 2


def _open_charts(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    bar = area.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(CHARTS_TAB).center())
    assert area.tabs.currentIndex() == CHARTS_TAB
    qtbot.waitExposed(area.chart)


def test_one_day_of_logs_shows_that_day_as_points(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    with theme(Theme.LIGHT):
        store(
            journal,
            [BodyLog("only", now() - timedelta(minutes=5), BleedingLevel.HEAVY, cramping=6)],
        )
        body_area.refresh()
        _open_charts(qtbot, body_area)
        view = body_area.chart
        qtbot.waitUntil(lambda: plot_pixels(view, COLOURS[False]["bleeding"]) > 20)
        assert plot_pixels(view, COLOURS[False]["cramping"]) > 20
        labels = tick_labels(date_axis(view.chart()))
        assert len(labels) == len(set(labels)), labels
        assert f"{today_local().day} {today_local():%b}" in labels


def test_the_day_axis_never_repeats_a_date_for_any_span(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    _open_charts(qtbot, body_area)
    for days in (1, 2, 3, 5, 8, 13, 31, 40, 90, 400):
        logs = [BodyLog(f"l{i}", now() - timedelta(days=i)) for i in range(days)]
        body_area.chart.show_days(
            daily(logs),
            [],
            body_area.unit,
        )
        labels = tick_labels(date_axis(body_area.chart.chart()))
        assert len(labels) == len(set(labels)) and 2 < len(labels) <= 7, (days, labels)


def test_axis_labels_legend_and_colours_follow_the_theme(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    store(journal, [BodyLog("only", now() - timedelta(minutes=5), BleedingLevel.LIGHT)])
    body_area.refresh()
    with theme(Theme.LIGHT):
        _open_charts(qtbot, body_area)
        for dark in (True, False, True):
            with theme(Theme.DARK if dark else Theme.LIGHT):
                chart = body_area.chart.chart()
                text = palette_for(dark).color(QPalette.ColorRole.WindowText)
                assert chart.legend().labelColor() == text
                for axis in chart.axes():
                    assert axis.labelsColor() == text
                    assert axis.titleBrush().color() == text
                bleeding = [s for s in chart.series() if s.objectName() == "bleeding"]
                assert isinstance(bleeding[0], QLineSeries)
                assert bleeding[0].pen().color().name() == COLOURS[dark]["bleeding"]
                assert chart.backgroundBrush().color() == palette_for(dark).color(
                    QPalette.ColorRole.Base
                )
                qtbot.waitUntil(
                    lambda dark=dark: plot_pixels(body_area.chart, COLOURS[dark]["bleeding"]) > 20
                )


def _drawn_texts(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The axis labels and titles QtCharts drew (the text items of the chart's scene
    outside its legend, of classes private to QtCharts deriving from QGraphicsTextItem)."""
    from PySide6.QtWidgets import QGraphicsTextItem

    legend = view.chart().legend()
    texts = []
    for item in view.scene().items():
        if legend.isAncestorOf(item):
            continue  # the legend's names (elided when long: they are also read aloud)
        shown = item.toGraphicsObject()
        if isinstance(shown, QGraphicsTextItem) and shown.toPlainText():
            texts.append(shown.toPlainText())
    return texts


def test_at_200_percent_text_the_scales_are_readable_not_cut_to_dots(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    """A chart 280 px tall at 200 % text drew its scales as "..." on a 1024x600 screen
    (the plot had no room for their labels); it is as tall as its text needs and the
    page scrolls instead."""
    from PySide6.QtCore import QSize

    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(QSize(1024, 600))
    area = window.area("body")
    window.show_area(area)
    area.save_log(BodyLog("only", now() - timedelta(minutes=5), BleedingLevel.HEAVY, cramping=6))
    _open_charts(qtbot, area)
    view = area.chart
    qtbot.waitUntil(lambda: "10" in _drawn_texts(view))
    texts = _drawn_texts(view)
    assert {"10", "41.0", "Scale", "Temperature (°C)"} <= set(texts), texts
    assert not [text for text in texts if "..." in text or "…" in text], texts

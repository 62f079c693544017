"""Charts with one day of data show that day, never say a date twice along the axis,
and follow the theme when it changes."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from PySide6.QtCharts import QLineSeries
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from journal.domain.body.daily import daily
from journal.domain.body.log import BleedingLevel, BodyLog
from journal.settings import Theme
from journal.ui.body.chart import COLOURS
from journal.ui.common.local_time import today_local
from journal.ui.common.theme import palette_for
from tests.ui.body import support as support
from tests.ui.body.support import now, store
from tests.ui.common.charting import axis_label, date_axis, plot_pixels, theme, tick_labels

body_area = support.body_area


def _open_charts(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    support.open_charts(qtbot, area)
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
        assert _today_label() in labels


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
        assert len(labels) == len(set(labels)) and 1 <= len(labels) <= 7, (days, labels)


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


def test_lines_break_at_days_without_a_log_and_a_lone_day_is_a_point(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 10, finding 8: the doctor's summary drew bleeding rising steadily from
    0 in November 2023 to 3 in November 2026, across three years without a log. A line
    joins days in a row only; a lone day is a point of its own; each name is in the
    legend once. The printed chart is drawn by the same `build_chart`."""
    from datetime import date

    from PySide6.QtGui import QFont

    from journal.domain.body.daily import DayPoint
    from journal.domain.body.temperature import TemperatureUnit
    from journal.ui.body.chart import build_chart

    days = [
        DayPoint(date(2023, 11, 30), BleedingLevel.NONE, 0, None, 1),
        DayPoint(date(2026, 11, 28), BleedingLevel.LIGHT, 2, 37.0, 1),
        DayPoint(date(2026, 11, 29), BleedingLevel.MEDIUM, 3, None, 1),
        DayPoint(date(2026, 11, 30), BleedingLevel.NONE, 1, 37.5, 1),
    ]
    chart = build_chart(days, [], TemperatureUnit.CELSIUS, palette=palette_for(False), font=QFont())
    day_ms = 24 * 3600 * 1000
    lines: dict[str, list[list[float]]] = {}
    for series in chart.series():
        assert isinstance(series, QLineSeries)
        xs = [point.x() for point in series.points()]
        assert all(0 < b - a <= day_ms + 3600 * 1000 for a, b in pairwise(xs))
        assert series.pointsVisible()
        lines.setdefault(series.objectName(), []).append(xs)
    assert [len(run) for run in lines["bleeding"]] == [1, 3]
    assert [len(run) for run in lines["temperature"]] == [1, 1]  # 28 and 30 Nov: no line
    from PySide6.QtCharts import QChartView

    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    names = [m.label() for m in chart.legend().markers() if m.isVisible()]
    assert names == ["Bleeding (0 to 5)", "Cramping (0 to 10)", "Highest temperature (°C)"]


def test_at_200_percent_over_years_no_name_label_or_unit_is_cut_and_points_do_not_hide(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    """Break test 10, finding 9: at 200 % the legend read "Bleeding (0 t… Cramping (0 …",
    the day labels "29 N…30 M…", and bleeding 0 hid cramping 0 on the same spot."""
    from PySide6.QtCore import QSize

    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(QSize(1024, 600))
    area = window.area("body")
    window.show_area(area)
    moment = now() - timedelta(minutes=5)
    store(
        window.journal,
        [
            BodyLog("old", moment - timedelta(days=1096)),
            BodyLog("new", moment, BleedingLevel.MEDIUM, cramping=3),
        ],
    )
    area.refresh()
    area.chart_range.setCurrentIndex(area.chart_range.count() - 1)  # everything
    _open_charts(qtbot, area)
    view = area.chart

    def whole() -> bool:  # the labels are laid out again after the axis changed
        texts = _drawn_texts(view)
        cut = [text for text in texts if "…" in text or "..." in text]
        return "Temperature (°C)" in texts and not cut

    qtbot.waitUntil(whole, timeout=5_000)
    assert not view.chart().legend().isVisible()
    legend = area.chart.legend
    assert legend.isVisible() and legend.wordWrap()
    words = legend.text().replace("&nbsp;", " ")
    for name in ("Bleeding (0 to 5)", "Cramping (0 to 10)", "Highest temperature (°C)"):
        assert name in words
    assert legend.width() <= area.width()
    sizes = {s.objectName(): s.markerSize() for s in view.chart().series()}
    assert sizes["bleeding"] > sizes["cramping"]  # a smaller point inside a larger one


def test_a_point_at_0_is_drawn_whole_above_the_axis(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 12, finding 8: a day with no bleeding and cramping 0
    was drawn as half a dot cut by the plot's bottom edge. Every point at 0 (and at 10)
    lies wholly inside the plot."""
    from datetime import date

    from PySide6.QtCharts import QChartView
    from PySide6.QtGui import QFont

    from journal.domain.body.daily import DayPoint
    from journal.domain.body.temperature import TemperatureUnit
    from journal.ui.body.chart import MARKER_SIZES, build_chart

    days = [DayPoint(date(2026, 11, 30), BleedingLevel.NONE, 0, None, 1)]
    chart = build_chart(days, [], TemperatureUnit.CELSIUS, palette=palette_for(False), font=QFont())
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    plot = chart.plotArea()
    for series in chart.series():
        for point in series.points():
            y = chart.mapToPosition(point, series).y()
            radius = MARKER_SIZES[series.objectName()] / 2
            assert plot.top() <= y - radius and y + radius <= plot.bottom(), series.name()


def _today_label() -> str:
    """Today's label on the chart as it opens, over the last 30 days (with the year in
    January, when those days cross a new year)."""
    today = today_local()
    return axis_label(today, today - timedelta(days=29), today)


def test_the_latest_day_is_labelled_however_few_labels_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 15, finding 3: where two labels fit (1024x600, 200 %),
    a one-day chart of 2 Dec read "1 Dec" and "3 Dec" only. The latest day is always
    labelled, and the axis never runs wider than the days asked for (session 17,
    finding 16)."""
    from datetime import date

    from PySide6.QtCharts import QCategoryAxis

    from journal.ui.common.charts import DAY_MSECS, day_axis, noon_msecs, room_days

    first = date(2026, 6, 2)
    for max_ticks in range(2, 8):
        for days in (1, 2, 3, 8, 31, 90):
            axis = QCategoryAxis()
            last = first + timedelta(days=days - 1)
            ticks = day_axis(axis, first, last, max_ticks=max_ticks)
            labels = tick_labels(axis)
            where = (max_ticks, days, labels)
            assert len(labels) == len(set(labels)) and len(labels) <= max_ticks, where
            assert axis_label(last, first, last) in labels and last in ticks, where
            assert all(first <= day <= last for day in ticks), where
            room = room_days(days) * DAY_MSECS
            assert axis.min() == noon_msecs(first) - room, where
            assert axis.max() == noon_msecs(last) + room, where
            if days == 1:
                assert labels == ["2 Jun"], where


def test_a_one_day_chart_too_narrow_for_three_labels_labels_its_day(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    store(journal, [BodyLog("only", now() - timedelta(minutes=5), BleedingLevel.LIGHT)])
    body_area.refresh()
    _open_charts(qtbot, body_area)
    view = body_area.chart
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # 200 % text, as the setting sets it
    view.setFont(font)
    width = view.width()
    while view.fitting_ticks() > 2 and width > 100:
        width -= 20
        view.setFixedWidth(width)
        QApplication.processEvents()  # laid out at that width: the axis fitted to it
    assert view.fitting_ticks() == 2
    labels = tick_labels(date_axis(view.chart()))
    assert _today_label() in labels, labels


def test_the_mood_scale_is_explained_only_while_a_mood_is_drawn(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 25, F3: the key under a chart with no mood on it said
    "Mood, from the journal: 1 very heavy to 5 lighter."."""
    import dataclasses
    from datetime import UTC, datetime

    from journal.domain.body.log import BleedingLevel, BodyLog
    from journal.domain.entries.entry import new_entry
    from journal.domain.entries.feelings import Mood
    from journal.storage.entries.repository import EntryRepository
    from tests.ui.body.support import charts_shown

    now = datetime.now(UTC)
    body = charts_shown(qtbot, unlocked_window, 100, [BodyLog("l", now, BleedingLevel.LIGHT)])
    assert body.scale.isVisible()
    assert "Bleeding: 0 none" in body.scale.text() and "Mood" not in body.scale.text()
    written = dataclasses.replace(new_entry(now), body="Hard.", mood=Mood.HEAVY)
    EntryRepository(unlocked_window.journal.db).save(written)
    body.update_chart(quietly=True)
    assert body.scale.text().endswith("Mood, from the journal: 1 very heavy to 5 lighter.")


def test_two_points_on_one_spot_both_show() -> None:
    """Break test 10 of session 26, F3: cramping drawn under the temperature showed as
    a 1 px ring, lost in the printed summary."""
    from itertools import pairwise

    from journal.ui.body.chart import MARKER_SIZES, RING

    sizes = sorted(MARKER_SIZES.values(), reverse=True)
    rings = [(larger - smaller) / 2 for larger, smaller in pairwise(sizes)]
    assert min(rings) >= RING >= 2

"""Each page has one scroll up and down, the page's own (break test 10 of session 7,
finding 1, "12i"): at 1024x600 and 200 % text with a warning shown, the Body log's page,
its warning banner and each tab's page scrolled, one inside the other, and the log form
and the charts were left a slot of about 110 px. Panels inside a page are as tall as
what they hold; lists and text fields may scroll, pages of controls may not.

Also finding 4: "Share with my partner" and "Delete entry…" are never folded away with
the mood, feelings and tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QTabWidget, QWidget

from journal.settings import FONT_SCALE
from tests.ui.shell.test_fits_any_screen import SCREENS, _body_with_a_banner, every_tab


def _scrolls_up_and_down(area: QAbstractScrollArea) -> bool:
    return area.isVisible() and area.verticalScrollBar().maximum() > 0


def panels_that_scroll(window: QWidget) -> list[str]:
    """Every visible page of controls (a QScrollArea) inside the window's page that
    scrolls up and down by itself; the page, and the journal's panel under the words
    (its page never scrolls: the words come first), are the one scroll they are in."""
    found = []
    for area in window.findChildren(QScrollArea):
        if area in (window.page_scroll, window.lock_scroll):
            continue
        if area.objectName() in ("entry-details",):
            continue
        if window.page_scroll.isAncestorOf(area) and _scrolls_up_and_down(area):
            name = area.accessibleName() or type(area).__name__
            found.append(f"{name} scrolls up and down inside the page")
    return found


def _shown_whole(page: QWidget, window: QWidget) -> bool:
    """``page`` (a tab's page) lies whole inside the window's page, and scrolling the
    page reaches every part of it."""
    top = page.mapTo(window.pages, QPoint(0, 0)).y()
    bottom = top + page.height()
    bar = window.page_scroll.verticalScrollBar()
    reach = bar.maximum() + window.page_scroll.viewport().height()
    return top >= 0 and bottom <= min(window.pages.height(), reach)


def _settles(qtbot, condition) -> bool:  # type: ignore[no-untyped-def]
    """``condition`` holds once the layouts have settled (Qt lays out a page in turns)."""
    try:
        qtbot.waitUntil(condition, timeout=3000)
    except qtbot.TimeoutError:
        return False
    return True


@pytest.mark.parametrize("scale", [100, 200])
def test_no_panel_scrolls_inside_a_page(qtbot, unlocked_window, scale) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    _body_with_a_banner(window)
    window.open_link("solace://article/using-solace")
    window.new_entry()
    found: dict[str, list[str]] = {}
    for screen in SCREENS:
        window.resize(screen)
        for area, tab in every_tab(window):
            problems = panels_that_scroll(window)
            tabs = getattr(area, "tabs", None)
            page = tabs.currentWidget() if isinstance(tabs, QTabWidget) else None
            if page is not None and not _settles(qtbot, lambda p=page: _shown_whole(p, window)):
                problems.append("the tab's page cannot be seen whole by scrolling the page")
            if problems:
                where = f"{area.title} ({tab}) at {screen.width()}x{screen.height()}"
                found[where] = problems
            window.page_scroll.verticalScrollBar().setValue(0)
    assert not found, "\n".join(f"{where}: {problems}" for where, problems in found.items())


def test_the_log_form_and_the_chart_get_the_window_at_1024x600_and_200_percent(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    """The person scrolls the page past the warning to the form: every row of the form
    is there in one piece (not a 110 px keyhole), and the chart is at least half the
    height of the page's view."""
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(SCREENS[1])
    body = window.area("body")
    _body_with_a_banner(window)
    window.show_area(body)
    for _ in range(3):
        QApplication.processEvents()
    assert body.banner.isVisible()
    view = window.page_scroll.viewport().height()
    form_page = body.tabs.widget(0)
    assert form_page.height() >= body.form.minimumSizeHint().height()
    assert body.form.height() <= form_page.height()
    body.tabs.setCurrentIndex(2)  # Charts
    for _ in range(3):
        QApplication.processEvents()
    assert body.chart.height() >= view // 2
    assert _shown_whole(body.tabs.currentWidget(), window)


def test_sharing_and_deleting_are_never_folded_away(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """At 1024x600 and 200 % text the details fold away by themselves (the words come
    first); "Share with my partner" and "Delete entry…" stay on the page, in view."""
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(SCREENS[1])
    journal = window.area("journal")
    window.show_area(journal)
    window.new_entry()
    for _ in range(3):
        QApplication.processEvents()
    editor = journal.editor
    assert not editor.details.isVisible()  # folded away at this size
    viewport = window.page_scroll.viewport()
    for control in (editor.shared, editor.delete_button):
        assert control.isVisible(), control.text()
        where = QRect(control.mapTo(viewport, QPoint(0, 0)), control.size())
        assert viewport.rect().contains(where), control.text()

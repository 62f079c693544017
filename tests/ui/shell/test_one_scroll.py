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
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from journal.settings import FONT_SCALE
from tests.ui.shell.test_fits_any_screen import (
    SCREENS,
    _body_with_a_banner,
    _clipped,
    every_tab,
    tabs_of,
)


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
            tabs = tabs_of(area)
            page = tabs.currentWidget() if tabs is not None else None
            if page is not None and not _settles(qtbot, lambda p=page: _shown_whole(p, window)):
                problems.append("the tab's page cannot be seen whole by scrolling the page")
            if problems:
                where = f"{area.title} ({tab}) at {screen.width()}x{screen.height()}"
                found[where] = problems
            window.page_scroll.verticalScrollBar().setValue(0)
    assert not found, "\n".join(f"{where}: {problems}" for where, problems in found.items())


def _lowest_control(page: QWidget) -> QWidget:
    """The visible control of ``page`` (a text, a button, a field) whose bottom lies
    lowest: the end of the page."""
    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QTextEdit)
    controls = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisible()
        and not (isinstance(w, QLabel) and not w.text())
        and not isinstance(w.parentWidget(), QAbstractScrollArea)  # a scroll bar's corner
    ]
    assert controls, f"nothing shown on {type(page).__name__}"
    return max(controls, key=lambda w: w.mapTo(page, QPoint(0, w.height())).y())


def _end_in_reach(page: QWidget, window: QWidget) -> bool:
    """The window's page, scrolled to the lowest control of ``page``, shows it whole:
    not cut off by a panel that neither grows nor scrolls to it."""
    end = _lowest_control(page)
    window.page_scroll.ensureWidgetVisible(end, 0, 0)
    QApplication.processEvents()
    viewport = window.page_scroll.viewport()
    where = QRect(end.mapTo(viewport, QPoint(0, 0)), end.size())
    shown = end.visibleRegion().boundingRect().size() == end.size()
    window.page_scroll.verticalScrollBar().setValue(0)
    return viewport.rect().contains(where) and shown


LONG = "We talked about it on the stairs, slowly, and then again at the window. " * 30


def _long_couple(window, store):  # type: ignore[no-untyped-def]
    """Sam's and Alex's journals (tests.couples), with a long shared entry of Sam's and
    long answers of both to a couple prompt; returns the partner's folder and the long
    entry's id."""
    import dataclasses
    from datetime import UTC, datetime

    from journal.domain.entries.entry import new_entry
    from journal.storage.entries.repository import EntryRepository
    from journal.storage.together.answers import CoupleAnswers
    from tests.couples import BOTH_ANSWERED, PARTNER_PASSPHRASE, make_partner, seed

    folder = make_partner(store)
    partner = store.unlock(folder, PARTNER_PASSPHRASE)
    seed(window.journal, partner)
    long_entry = dataclasses.replace(
        new_entry(datetime(2026, 3, 1, 9, tzinfo=UTC)),
        title="A long evening",
        body="\n\n".join([LONG] * 6),
        shared=True,
    )
    EntryRepository(window.journal.db).save(long_entry)
    CoupleAnswers(window.journal.db).answer(BOTH_ANSWERED, f"Sam: {LONG}")
    CoupleAnswers(partner.db).answer(BOTH_ANSWERED, f"Alex: {LONG}")
    partner.lock()
    return folder, long_entry.id


@pytest.mark.parametrize("scale", [100, 200])
def test_together_tabs_grow_with_their_page_and_its_end_is_in_reach(
    qtbot, unlocked_window, store, scale
) -> None:  # type: ignore[no-untyped-def]
    """Issue 10: Together's couple prompts and its shared entry each scrolled inside
    their tab, because the tab widget took the height of its largest page, not of the
    one shown. Every tab of an open session, with a long shared entry shown and long
    answers to a prompt, on both screens: no panel scrolls inside the page, the tab's
    page is seen whole by scrolling the page, its end is reached that way, and nothing
    is clipped."""
    from tests.ui.together.support import open_together

    window = unlocked_window
    folder, long_id = _long_couple(window, store)
    window.settings.set(FONT_SCALE, scale)
    area = open_together(qtbot, window, folder)
    reader = area.session_page.reader
    reader.go(reader.model.row_of(long_id))
    found: dict[str, list[str]] = {}
    for screen in SCREENS:
        window.resize(screen)
        for shown, tab in every_tab(window):
            assert shown is area
            tabs = area.session_page.tabs
            page = tabs.currentWidget()
            problems = []
            if not _settles(qtbot, lambda p=page: _shown_whole(p, window)):
                problems.append("the tab's page cannot be seen whole by scrolling the page")
            problems += panels_that_scroll(window) + _clipped(window, window)
            if not _end_in_reach(page, window):
                problems.append("the end of the tab's page is out of reach")
            if problems:
                found[f"{tabs.tabText(tab)} at {screen.width()}x{screen.height()}"] = problems
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

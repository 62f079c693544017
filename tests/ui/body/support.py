"""Shared set-up for the body log's UI tests (no tests of its own).

``body_area`` is the real BodyArea on a real SQLCipher journal, shown, with the
links it asks to open collected in ``area.opened_links``; ``body_page`` puts it in a
page that scrolls, as the window's page does (the area's panels grow with their
content and never scroll up and down by themselves).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from journal.domain.body.log import BodyLog, PadChange, RecoveryDetails
from journal.settings import EMERGENCY_NUMBER, Settings, Theme
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.ui.body.area import CHARTS_TAB, BodyArea
from journal.ui.common.area import AppContext
from journal.ui.common.enter_presses import install_enter_presses
from journal.ui.common.local_time import local_tz
from journal.ui.common.theme import apply_theme

EMERGENCY = "999"


@pytest.fixture
def body_area(qtbot, journal: OpenJournal, settings: Settings) -> Iterator[BodyArea]:  # type: ignore[no-untyped-def]
    settings.set(EMERGENCY_NUMBER, EMERGENCY)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.LIGHT)  # at 100 % text, whatever a window of an earlier test left
    install_enter_presses()  # as the main window does: Enter in a drop-down opens it
    area = BodyArea()
    links: list[str] = []
    area.opened_links = links  # type: ignore[attr-defined]
    qtbot.addWidget(area)
    area.resize(900, 700)
    area.show()
    qtbot.waitExposed(area)
    area.open_journal(AppContext(journal, settings, links.append))
    yield area
    area.clear()


@pytest.fixture
def body_page(qtbot, body_area: BodyArea) -> Iterator[QScrollArea]:  # type: ignore[no-untyped-def]
    """``body_area`` inside a shown, active page 900x700 that scrolls up and down, as
    the main window's page does; resize the page to make it short."""
    page = QScrollArea()
    qtbot.addWidget(page)
    page.setWidgetResizable(True)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # before the area moves in: a page activated after is not
    qtbot.waitUntil(page.isActiveWindow)
    page.setWidget(body_area)
    yield page
    page.takeWidget()  # the area's own fixture closes it


def store(
    journal: OpenJournal,
    logs: Iterable[BodyLog] = (),
    pads: Iterable[PadChange] = (),
    recovery: RecoveryDetails | None = None,
) -> None:
    BodyRepository(journal.db).save_logs(logs)
    for pad in pads:
        BodyRepository(journal.db).save_pad_change(pad)
    if recovery is not None:
        BodyRepository(journal.db).save_recovery(recovery)


def charts_shown(qtbot, window, scale: int, logs: Iterable[BodyLog]) -> BodyArea:  # type: ignore[no-untyped-def]
    """The body log of ``window`` (the main window, unlocked) at ``scale`` % text, with
    ``logs`` stored and its Charts tab chosen with the mouse, as a person would."""
    from journal.settings import FONT_SCALE

    window.settings.set(FONT_SCALE, scale)
    area: BodyArea = window.area("body")
    window.show_area(area)
    store(area.context.journal, logs)
    area.refresh()
    open_charts(qtbot, area)
    return area


def open_charts(qtbot, area: BodyArea) -> None:  # type: ignore[no-untyped-def]
    """Choose the Charts tab of ``area`` with the mouse."""
    bar = area.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(CHARTS_TAB).center())
    assert area.tabs.currentIndex() == CHARTS_TAB


def saved_logs(journal: OpenJournal) -> list[BodyLog]:
    return BodyRepository(journal.db).logs()


def midday(days_ago: int = 1) -> datetime:
    """Local noon ``days_ago`` days before today, as aware UTC: logs a few hours before
    or after it stay on its local day whatever the time the test runs (at 00:30, "an
    hour ago" is yesterday, and such tests failed after midnight)."""
    day = datetime.now(local_tz()).date() - timedelta(days=days_ago)
    return datetime.combine(day, time(12), local_tz()).astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC)


def tab_to(qtbot, target: QWidget, limit: int = 30) -> None:  # type: ignore[no-untyped-def]
    """Press Tab (as a person would) until ``target`` has the keyboard focus."""
    for _ in range(limit):
        if target.hasFocus():
            return
        focused = QApplication.focusWidget()
        assert focused is not None, "nothing has the keyboard focus"
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reached {target.accessibleName()!r}"

"""The lock screen at 200 % text on a 1366x768 screen (break test 14 of session 6,
finding 10): the unlock page showed a scroll bar though everything fitted (the
stacked pages were as tall as the tallest page), and Create a journal jumped when the
strength note appeared ~1 s after typing (the card grew and, centred, moved)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE, THEME, Theme
from journal.ui.common.theme import apply_theme


@pytest.fixture
def large_text(settings) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """The dark theme at 200 % text, chosen before the window is made (as at start)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings.set(THEME, Theme.DARK.value)
    settings.set(FONT_SCALE, 200)
    yield app
    apply_theme(app, Theme.LIGHT, 100)


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Let the layouts and the scroll area take the new sizes."""
    qtbot.waitUntil(lambda: window.lock_scroll.widget().height() > 0)
    assert window.lock_screen.fontMetrics().height() > 25  # 200 % text
    for _ in range(5):
        QApplication.processEvents()


def test_the_unlock_page_that_fits_shows_no_scroll_bar(qtbot, large_text, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 740)
    settle(qtbot, window)
    screen = window.lock_screen
    assert screen.currentWidget() is screen.unlock_page
    page_needs = screen.unlock_page.minimumSizeHint().height()
    assert page_needs < window.lock_scroll.viewport().height()  # it fits
    bar = window.lock_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert bar.maximum() == 0
    # A page that does not fit still scrolls: the recovery key page at this size.
    screen.key_page.show_key("A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK", "Our journal",
                             __import__("datetime").date(2026, 11, 30))  # fmt: skip
    screen._go(screen.key_page)
    if screen.key_page.minimumSizeHint().height() > window.lock_scroll.viewport().height():
        qtbot.waitUntil(bar.isVisible)
    screen.key_page.forget()

"""The recovery key's "I have written it down" and Continue sit right under the key's
card while the page fits, and are pinned to the window's bottom only where the page
scrolls (break test 10 of session 12, finding 11: at 1366x768 they sat about 240 px
below the card, pinned to the bottom of a page that did not scroll)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE, THEME
from tests.ui.shell.test_fits_any_screen import settle_layouts

KEY = "A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK"
GAP = 16  # the most (pixels) between the card's bottom and the tick box's top


def _key_page_at(window, size: QSize, scale: int, theme: str):  # type: ignore[no-untyped-def]
    window.settings.set(FONT_SCALE, scale)
    window.settings.set(THEME, theme)
    window.resize(size)
    screen = window.lock_screen
    page = screen.key_page
    page.show_key(KEY, "Our journal", date(2026, 12, 1))
    screen._go(page)
    settle_layouts(window)
    return page


def _top(widget, window) -> int:  # type: ignore[no-untyped-def]
    return widget.mapTo(window, QPoint(0, 0)).y()


@pytest.mark.parametrize(
    ("size", "scale", "theme"),
    [
        (QSize(1366, 768), 100, "light"),
        (QSize(1366, 768), 100, "dark"),
        (QSize(1024, 600), 100, "light"),
    ],
)
def test_the_confirming_row_follows_the_card_while_it_fits(  # type: ignore[no-untyped-def]
    qtbot, window, size, scale, theme
) -> None:
    page = _key_page_at(window, size, scale, theme)
    bar = window.lock_scroll.verticalScrollBar()
    assert bar.maximum() == 0, "the page fits: nothing to scroll"
    card = page.card
    card_bottom = _top(card, window) + card.height()
    gap = _top(page.confirm, window) - card_bottom
    assert 0 <= gap <= GAP, f"the tick box is {gap} px below the card"
    button = page.continue_button
    assert _top(button, window) + button.height() <= window.lock_area.height() + _top(
        window.lock_area, window
    )
    # The card and its row are placed as every page's card is: more room below than
    # above.
    above = _top(card, window) - _top(window.lock_area, window)
    below = (
        _top(window.lock_area, window)
        + window.lock_area.height()
        - (_top(button, window) + button.height())
    )
    assert 0 < above <= below
    page.forget()


def test_where_the_page_scrolls_the_row_stays_pinned_in_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = _key_page_at(window, QSize(1024, 600), 200, "dark")
    bar = window.lock_scroll.verticalScrollBar()
    assert bar.maximum() > 0, "at 200 % on 1024x600 the page scrolls"
    area = window.lock_area
    pinned = window.lock_screen.pinned
    bottom = pinned.mapTo(area, QPoint(0, pinned.height())).y()
    assert bottom == area.height()  # at the window's bottom, under the scrolling part
    for shown in (page.confirm, page.continue_button):
        assert shown.visibleRegion().boundingRect() == shown.rect()
    bar.setValue(bar.maximum())  # scrolling moves the page, not the row
    QApplication.processEvents()
    assert pinned.mapTo(area, QPoint(0, pinned.height())).y() == area.height()
    page.forget()


@pytest.mark.parametrize(
    ("size", "scale"),
    [
        (QSize(1366, 768), 100),
        (QSize(1366, 768), 200),
        (QSize(1024, 600), 100),
        (QSize(1024, 600), 200),
    ],
)
def test_the_key_is_in_view_whole_when_the_page_opens(  # type: ignore[no-untyped-def]
    qtbot, window, size, scale
) -> None:
    """Break test 10 of session 15, finding 2: at 200 % on 1024x600 the page opened at
    its heading, the key below the fold, while the pinned tick box and Continue were in
    view: a person could confirm a key she never saw."""
    window.show()
    qtbot.waitExposed(window)
    page = _key_page_at(window, size, scale, "light")
    key = page.key
    qtbot.waitUntil(lambda: key.visibleRegion().boundingRect() == key.rect())
    settle_layouts(window)
    assert key.visibleRegion().boundingRect() == key.rect(), "the whole key shows"
    for shown in (page.confirm, page.continue_button):
        assert shown.visibleRegion().boundingRect() == shown.rect()
    page.forget()

"""A tab chosen from the keyboard shows its page (break test 10 of session 15, finding
10): at 1024x600 Alt+G (Past logs) scrolled the body log's page only far enough to show
the tab bar, on the window's bottom edge, with Past logs out of view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.settings import FONT_SCALE
from tests.ui.shell.test_fits_any_screen import _body_with_a_banner, settle_layouts


def _shown(widget: QWidget, viewport: QWidget) -> int:
    """How many pixels of ``widget``'s height show in ``viewport``."""
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    seen = QRect(0, top, 1, widget.height()).intersected(viewport.rect())
    return max(seen.height(), 0)


@pytest.mark.parametrize("scale", [100, 200])
def test_alt_g_shows_past_logs_below_the_tab_bar(qtbot, unlocked_window, scale) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.resize(QSize(1024, 600 - 40))
    body = window.area("body")
    now = datetime.now(UTC)
    for hours in range(6):
        body.save_log(
            BodyLog(
                id=f"log-{hours}",
                logged_at=now - timedelta(hours=hours + 1),
                bleeding=BleedingLevel.LIGHT,
            )
        )
    _body_with_a_banner(window)  # warning cards above the tabs, as in the break test
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle_layouts(window)
    window.page_scroll.verticalScrollBar().setValue(0)  # the page opens at its top
    settle_layouts(window)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: body.tabs.currentWidget() is body.past_scroll)
    settle_layouts(window)
    viewport = window.page_scroll.viewport()
    bar = body.tabs.tabBar()
    assert _shown(bar, viewport) == bar.height(), "the tab bar shows whole"
    page = body.past_scroll
    # Below the bar, the page fills the rest of the view (or shows whole, when shorter):
    # at least half the view, never a bar on the bottom edge with nothing under it.
    wanted = min(page.height(), viewport.height() // 2)
    assert _shown(page, viewport) >= wanted, (_shown(page, viewport), wanted)

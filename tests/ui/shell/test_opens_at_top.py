"""The Journal opens at its top after an unlock, at 200 % text too: it opened scrolled
down to the new entry's text, its first row cut (break test 40, finding 11), because a
scroll area inside the page just opened kept nothing of the page's top in view
(`in_view._page_top`). The first key typed brings the text into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.lock.test_page_top import large_text

__all__ = ["large_text"]


def test_the_journal_opens_at_its_top_after_an_unlock_at_large_text(  # type: ignore[no-untyped-def]
    qtbot, large_text, window
) -> None:
    window.resize(1024, 380)  # the new entry's text below the fold
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    body = window.area("journal").editor.body
    qtbot.waitUntil(body.hasFocus)
    qtbot.wait(300)  # the focus followed into view, the layouts settled
    around = [a for a in window.findChildren(QScrollArea) if a.isAncestorOf(body)]
    bars = [a.verticalScrollBar() for a in around]
    assert any(bar.maximum() > 0 for bar in bars)  # the page does not fit: it scrolls
    assert [bar.value() for bar in bars] == [0] * len(bars)

    qtbot.keyClick(body, Qt.Key.Key_H)  # the first key: the text comes into view, whole
    qtbot.waitUntil(lambda: body.visibleRegion().boundingRect() == body.rect())
    assert QApplication.focusWidget() is body

"""The busy line is in view while key work runs (issue 10): at 200 % text in a 1366x768
window, Enter on Create a journal held the page with the focus in "Again" and the busy
line below the fold, so for the seconds the journal took to make nothing on screen
said anything was happening. Every page's busy line is a `BusyLine`, scrolled into
view as it appears and kept there while it shows (`in_view.seen_while_shown`)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.lock.test_page_top import _in_view, _settle, _type_new_passphrase, large_text

__all__ = ["large_text"]  # the fixture, used by name


def test_creating_a_journal_shows_its_busy_line(qtbot, large_text, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = window.lock_screen
    qtbot.mouseClick(screen.unlock_page.create_button, Qt.MouseButton.LeftButton)
    page = screen.create_page
    qtbot.keyClicks(page.name, "Our garden")
    _type_new_passphrase(qtbot, page.passphrase)
    qtbot.mouseClick(page.passphrase.second, Qt.MouseButton.LeftButton)  # Enter in "Again"
    qtbot.waitUntil(page.passphrase.second.hasFocus)
    _settle()
    bar = window.lock_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the page does not fit: it scrolls
    assert not _in_view(page.busy)
    qtbot.keyClick(page.passphrase.second, Qt.Key.Key_Return)
    # The work runs on a thread; here it has only started.
    assert page.busy.isVisible()
    assert _in_view(page.busy)
    assert page.passphrase.second.hasFocus()  # the focus held where Enter was pressed
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)

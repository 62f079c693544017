"""Helpers for the library UI tests (no tests here): the area, where a link is, a heading."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from journal.ui.library.area import LibraryArea
from journal.ui.library.document import heading_block
from journal.ui.library.reader import ArticleReader
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def library(window: MainWindow) -> LibraryArea:
    return next(a for a in window.areas if isinstance(a, LibraryArea))


def unlock_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()


def link_point(reader: ArticleReader, href: str) -> QPoint:
    """Scroll the link with this target into view and return its centre in viewport pixels."""
    browser = reader.browser
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + min(2, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def heading_top(reader: ArticleReader, section: str) -> int:
    """Where the heading is now, in viewport pixels from the top (0 = at the very top)."""
    browser = reader.browser
    block = heading_block(browser.document(), section)
    assert block is not None, section
    cursor = QTextCursor(block)
    return browser.cursorRect(cursor).top()

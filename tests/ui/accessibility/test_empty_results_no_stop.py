"""Library search with nothing found (issue 15 break test): after "Nothing in the library
matches that yet…" Tab stopped on the empty list "Search results", which said nothing.
An empty list is no Tab stop (nor does Down move into it); with results it is one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.domain.common.search_words import PUNCTUATION_ONLY
from journal.ui.library.browser import NO_RESULTS
from tests.ui.accessibility.tabwalk import walk
from tests.ui.library.support import library


def test_an_empty_list_of_search_results_is_no_tab_stop(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = library(window)
    window.show_area(area)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    browser = area.browser
    search = browser.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "zzqx")
    assert browser.count.text() == NO_RESULTS and browser.results.isVisible()
    qtbot.keyClick(search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not browser.results
    assert browser.results not in walk(qtbot, window, start=search).stops
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Down)  # nothing below to move into
    assert QApplication.focusWidget() is search
    interface = QAccessible.queryAccessibleInterface(browser.results)
    assert interface.text(QAccessible.Text.Description) == f"Empty. {NO_RESULTS}"
    # With something found the list is a stop again, with nothing said of it being empty.
    search.selectAll()
    qtbot.keyClicks(search, "fever")
    assert browser.result_slugs()
    assert browser.results in walk(qtbot, window, start=search).stops
    assert interface.text(QAccessible.Text.Description) == ""


def test_punctuation_alone_is_said_to_be_no_search(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 38, finding 10: '("' was answered "A shorter word may help"."""
    window = unlocked_window
    area = library(window)
    window.show_area(area)
    browser = area.browser
    browser.search.setFocus()
    qtbot.waitUntil(browser.search.hasFocus)
    qtbot.keyClicks(browser.search, '("')
    assert browser.count.text() == PUNCTUATION_ONLY
    interface = QAccessible.queryAccessibleInterface(browser.results)
    assert interface.text(QAccessible.Text.Description) == f"Empty. {PUNCTUATION_ONLY}"

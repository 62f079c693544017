"""An article's links are heard as Tab reaches them, and the article is named by its title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTextBrowser

from journal.ui.shell.help import HelpDialog
from tests.ui.accessibility.screens import area, settle


def name_of(browser: QTextBrowser) -> str:
    interface = QAccessible.queryAccessibleInterface(browser)
    return interface.text(QAccessible.Text.Name)


def tab_through_links(qtbot, browser: QTextBrowser, presses: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The words of each link selected by Tab, while the focus stays in the article."""
    browser.setFocus(Qt.FocusReason.TabFocusReason)
    selected = []
    for _ in range(presses):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not browser:
            break
        selected.append(browser.textCursor().selectedText().strip())
    return selected


def test_each_link_tabbed_to_in_a_library_article_is_announced(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    library = area(unlocked_window, "library")
    unlocked_window.show_area(library)
    library.show_article("using-solace")  # type: ignore[attr-defined]
    settle()
    browser = library.reader.browser  # type: ignore[attr-defined]
    assert name_of(browser) == "Using Solace"
    assert "Enter opens the link" in browser.accessibleDescription()
    a11y_events.clear()
    selected = tab_through_links(qtbot, browser, 3)
    assert len(selected) == 3 and all(selected)
    assert a11y_events.announcements(assertive=False) == [f"Link: {s}" for s in selected]


def test_the_articles_name_follows_the_article_shown(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    library = area(unlocked_window, "library")
    unlocked_window.show_area(library)
    library.show_article("warning-signs")  # type: ignore[attr-defined]
    settle()
    reader = library.reader  # type: ignore[attr-defined]
    title = reader.browser.toPlainText().splitlines()[0].strip()
    assert name_of(reader.browser) == title != "Article"


def test_the_help_windows_links_are_announced_too(qtbot, window, a11y_events):  # type: ignore[no-untyped-def]
    dialog = HelpDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    a11y_events.clear()
    selected = tab_through_links(qtbot, dialog.browser, 2)
    assert selected and all(selected)
    assert a11y_events.announcements(assertive=False) == [f"Link: {s}" for s in selected]
    dialog.close()

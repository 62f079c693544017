"""An open article is met as an article to read (issue 15, finding 4), through Qt's own
accessible interface for it: named by its title, described as an article of the
library, read-only, its words given by the Text interface, and its caret walked by the
arrow keys (caret browsing), where a screen reader's reading cursor reads from.

Qt gives a QTextBrowser the role "static text"; no widget of Qt's has the role
"document", and an interface written in Python to give it one crashed test workers as
windows were deleted (reverted), so none is written: the last test opens and closes a
window with an article shown 30 times, with accessibility on, to show no crash."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from journal.domain.library.links import ArticleLink
from journal.ui.library.reader import ArticleReader
from tests.ui.accessibility.screens import settle
from tests.ui.library.support import library

SLUG = "using-solace"


def test_an_open_article_is_named_described_read_only_and_read_by_the_caret(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    area = library(window)
    window.show_area(area)
    area.show_article(SLUG)
    settle()
    browser = area.reader.browser
    title = area.reader._articles[SLUG].title
    face = QAccessible.queryAccessibleInterface(browser)
    assert face.text(QAccessible.Text.Name) == title
    assert "article" in face.text(QAccessible.Text.Description).casefold()
    state = face.state()
    assert state.readOnly and not state.editable
    text = face.textInterface()
    words = text.text(0, text.characterCount())
    assert words == browser.toPlainText() and len(words.split()) > 100

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    start = text.cursorPosition()
    for _ in range(3):
        qtbot.keyClick(browser, Qt.Key.Key_Down)
    moved = text.cursorPosition()
    assert moved > start, "the arrow keys move the caret through the article"
    qtbot.keyClick(browser, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert text.cursorPosition() == text.characterCount()
    assert browser.toPlainText() == words, "reading by keys changes nothing"


def test_the_help_window_reads_its_article_the_same_way(qtbot, a11y_events):  # type: ignore[no-untyped-def]
    """Help > Using Solace with no journal open shows the same article in a window of
    its own: described as an article, read-only, its caret walked by the arrow keys."""
    from journal.ui.shell.help import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    face = QAccessible.queryAccessibleInterface(browser)
    assert face.text(QAccessible.Text.Name) == "Using Solace"
    assert "article" in face.text(QAccessible.Text.Description).casefold()
    assert face.state().readOnly
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2_000)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    start = face.textInterface().cursorPosition()
    qtbot.keyClick(browser, Qt.Key.Key_Down)
    qtbot.keyClick(browser, Qt.Key.Key_Down)
    assert face.textInterface().cursorPosition() > start


def test_a_window_with_an_article_opens_and_closes_30_times_without_a_crash(  # type: ignore[no-untyped-def]
    qtbot, articles, a11y_events
):
    """Each time: a window with the reader, an article shown, its accessible interface
    and text read, the caret moved (events to the bridge), then the window closed,
    deleted and collected."""
    read = []
    for n in range(30):
        window = QWidget()
        reader = ArticleReader()
        QVBoxLayout(window).addWidget(reader)
        reader.set_articles(articles)
        reader.show_link(ArticleLink(SLUG))
        window.resize(500, 400)
        window.show()
        qtbot.waitExposed(window)
        face = QAccessible.queryAccessibleInterface(reader.browser)
        read.append(face.textInterface().characterCount() > 0)
        reader.browser.setFocus()
        qtbot.keyClick(reader.browser, Qt.Key.Key_Down)
        if n % 2:
            reader.show_link(ArticleLink("closeness-without-sex"))
        window.close()
        window.deleteLater()
        del face, reader, window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    assert read == [True] * 30


def test_an_article_opened_in_place_is_said_and_chosen_in_the_topics(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 29, F5: Back (Alt+Left) and a link followed with Enter
    opened another article in the focused reader with nothing heard but a name change,
    and the topics kept another item chosen."""
    window = unlocked_window
    area = library(window)
    window.show_area(area)
    area.show_article(SLUG)
    area.show_article("warning-signs")
    settle()
    articles = area.reader._articles
    browser = area.reader.browser
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert a11y_events.announcements() == [f"Now reading: {articles[SLUG].title}"]
    assert area.browser.topics.currentItem().text(0) == articles[SLUG].title
    a11y_events.clear()
    qtbot.keyClick(browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert a11y_events.announcements() == [f"Now reading: {articles['warning-signs'].title}"]
    assert area.browser.topics.currentItem().text(0) == articles["warning-signs"].title


def test_an_article_opened_from_its_topic_stays_chosen_there(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Re-test of break test 15 of session 29, N5: Enter on "Bleeding and cramping"
    under Bleeding chose its copy under Healing, opening that topic ("Healing,
    expanded" heard)."""
    window = unlocked_window
    area = library(window)
    window.show_area(area)
    settle()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    topics = area.browser.topics
    (group,) = [
        topics.topLevelItem(i)
        for i in range(topics.topLevelItemCount())
        if topics.topLevelItem(i).text(0) == "Bleeding"
    ]
    group.setExpanded(True)
    chosen = next(
        group.child(i)
        for i in range(group.childCount())
        if group.child(i).data(0, Qt.ItemDataRole.UserRole) == "bleeding-and-cramping"
    )
    topics.setFocus()
    topics.setCurrentItem(chosen)
    qtbot.waitUntil(topics.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(topics, Qt.Key.Key_Return)
    settle()
    assert topics.currentItem() is chosen
    assert not [s for s in a11y_events.announcements() if "expanded" in s]

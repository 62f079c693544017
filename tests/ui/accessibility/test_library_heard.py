"""The Library's search, heard: how many articles match is shown under the field and
said once typing pauses ("2 articles found", or what to try when nothing matches),
and Enter (in the field, on a result or on a topic) takes the focus to what it
opened, the article named by its title, so it is heard and read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.ui.common.local_time import today_local
from journal.ui.library.browser import NO_RESULTS
from journal.ui.library.document import day_text
from tests.ui.library.support import library


def test_library_search_says_what_it_found_and_enter_opens_it_to_read(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    window.activateWindow()
    area = library(window)
    window.show_area(area)
    browser = area.browser
    search = browser.search
    search.setFocus()
    a11y_events.clear()
    qtbot.keyClicks(search, "fever")
    found = len(browser.result_slugs())
    assert found >= 1
    words = f"{found} article{'' if found == 1 else 's'} found"
    assert browser.count.isVisible() and browser.count.text() == words
    qtbot.waitUntil(lambda: words in a11y_events.announcements(), timeout=5_000)
    assert a11y_events.announcements() == [words]  # once, as the typing paused
    # Nothing found: said, with what to try.
    a11y_events.clear()
    qtbot.keyClicks(search, "zzqx")
    qtbot.waitUntil(lambda: NO_RESULTS in a11y_events.announcements(), timeout=5_000)
    # Shown once, under the field: no row of the list says it again (break test 15 of
    # session 23, finding 5: shown, and heard, twice).
    shown = [browser.count.text()] + [
        browser.results.item(row).text() for row in range(browser.results.count())
    ]
    assert shown == [NO_RESULTS]
    # Enter opens the first result and the focus goes to it, named by its title.
    for _ in range(4):
        qtbot.keyClick(search, Qt.Key.Key_Backspace)
    first = browser.result_slugs()[0]
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert area.reader.current is not None and area.reader.current.slug == first
    assert QApplication.focusWidget() is area.reader.browser
    name = QAccessible.queryAccessibleInterface(area.reader.browser).text(QAccessible.Text.Name)
    assert name and name != "No article"
    # Enter on a topic opens it the same way.
    search.clear()
    assert not browser.count.isVisible()
    topics = browser.topics
    topics.setFocus()
    ideas = topics.topLevelItem(0)
    topics.setCurrentItem(ideas)
    qtbot.keyClick(topics, Qt.Key.Key_Return)
    assert area.pages.currentWidget() is area.ideas
    assert area.ideas.isAncestorOf(QApplication.focusWidget())


def test_the_search_fields_clear_buttons_are_named(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolButton

    from tests.ui.entries.test_editor import journal_area

    fields = (library(unlocked_window).browser.search, journal_area(unlocked_window).search.field)
    for field in fields:
        buttons = field.findChildren(QToolButton)
        assert buttons, field.accessibleName()
        for button in buttons:
            name = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
            assert name == "Clear the search"


def test_a_day_done_is_heard_reached_next_and_named_with_its_idea(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 12, finding 6: "We did this" was silent (also pressed
    again), its day was reached by Tab only after the last idea of the page, and was
    named "Done on …" of no idea."""

    window = unlocked_window
    area = library(window)
    window.show_area(area)
    area.show_ideas()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    card = area.ideas.card("hugging")
    today = day_text(today_local())  # the app's own clock
    card.done_button.setFocus()
    a11y_events.clear()
    qtbot.keyClick(card.done_button, Qt.Key.Key_Space)
    assert a11y_events.announcements() == [f"Recorded: Hugging, done on {today}."]
    a11y_events.clear()
    qtbot.keyClick(card.done_button, Qt.Key.Key_Space)  # again
    assert a11y_events.announcements() == [f"Hugging is already recorded on {today}."]
    qtbot.keyClick(card.done_button, Qt.Key.Key_Tab)
    chip = QApplication.focusWidget()
    assert chip.accessibleName() == f"Hugging, done on {today}: remove this day"
    a11y_events.clear()
    qtbot.keyClick(chip, Qt.Key.Key_Space)
    assert card.done_days() == []
    assert a11y_events.announcements() == [f"Removed: Hugging on {today}."]
    assert QApplication.focusWidget() is card.done_button


def test_a_topic_opened_or_closed_with_the_arrows_is_said(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, finding 5: Right on a closed topic and Left on an
    open one changed it on screen and said nothing."""
    window = unlocked_window
    window.activateWindow()
    area = library(window)
    window.show_area(area)
    topics = area.browser.topics
    topic = next(
        topics.topLevelItem(i)
        for i in range(topics.topLevelItemCount())
        if topics.topLevelItem(i).childCount() and not topics.topLevelItem(i).isExpanded()
    )
    topics.setFocus()
    qtbot.waitUntil(topics.hasFocus)
    topics.setCurrentItem(topic)
    a11y_events.listen()
    qtbot.keyClick(topics, Qt.Key.Key_Right)
    assert topic.isExpanded()
    qtbot.keyClick(topics, Qt.Key.Key_Left)
    assert not topic.isExpanded()
    name = topic.text(0)
    assert a11y_events.announcements(assertive=False) == [f"{name}, expanded", f"{name}, collapsed"]

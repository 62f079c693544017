"""Reading the library in the real window: search, links, sections, history, safe input."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl

from journal.domain.common.search_words import PUNCTUATION_ONLY, punctuation_only
from journal.domain.entries.visible import has_visible
from journal.domain.library.articles import articles_dir, load_articles
from journal.domain.library.links import ArticleLink
from journal.settings import FONT_SCALE
from tests.ui.library.support import heading_top, library, link_point

STOP_WORDS = {"a", "and", "the", "for", "of", "to", "you", "your", "when", "how", "what", "is"}


def _title_word(title: str) -> str:
    words = [w for w in re.findall(r"\w+", title.lower()) if w not in STOP_WORDS]
    return max(words, key=len)


def test_search_finds_each_article_by_a_word_of_its_title(qtbot, unlocked_window):
    area = library(unlocked_window)
    unlocked_window.show_area(area)
    search = area.browser.search
    for slug, article in load_articles(articles_dir()).items():
        search.clear()
        word = _title_word(article.title)
        qtbot.keyClicks(search, word)
        assert slug in area.browser.result_slugs()[:3], word
        assert area.browser.results.isVisible()
    search.clear()
    qtbot.keyClicks(search, "clos")  # a prefix, as typed so far
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert area.reader.current == ArticleLink("closeness-without-sex")
    assert area.reader.isVisible()
    assert "not medical advice" in area.reader.browser.toPlainText()
    assert "Reviewed on" in area.reader.browser.toPlainText()


TRICKY = [
    '"',
    "NEAR(",
    "*",
    "AND OR NOT",
    "'; DROP TABLE library; --",
    "\x00",
    "🌙🌙",
    "a" * 400,
    "bleed*^",
    "<b>x</b>",
    "title:grief",
    "- -",
    "\\",
    "   ",
]


def test_any_search_input_is_safe(qtbot, unlocked_window):
    area = library(unlocked_window)
    results = area.browser.results
    for text in TRICKY:
        area.browser.search.setText(text)
        if has_visible(text):  # a NUL alone shows nothing: an empty search (break test 48, F3)
            # hits, or the gentle "nothing matches" line under the field, or for
            # punctuation alone that it is not searched for
            said = area.browser.count.text()
            assert results.count() >= 1 or said.startswith("No") or said == PUNCTUATION_ONLY, text
            assert (said == PUNCTUATION_ONLY) is punctuation_only(text), text
            assert all("<b>" not in results.item(r).text() for r in range(results.count()))
        else:
            assert area.browser.topics.isVisibleTo(area.browser)
    area.browser.search.setText("zzzz")
    assert area.browser.count.text().startswith("Nothing in the library matches")


def test_a_symbol_is_searched_as_it_is_and_a_missing_one_is_named(qtbot, unlocked_window):
    """Break test 9 of session 12, finding 9: "°F" listed every article (the "°" was
    dropped, "F" searched as the start of a word), and "♡" was told "A shorter word may
    help". (Put in as an input method does: QTest types only Latin-1 keys.)"""
    area = library(unlocked_window)
    unlocked_window.show_area(area)
    search = area.browser.search
    search.setText("°F")
    assert area.browser.result_slugs() == ["warning-signs"]
    search.setText("♡")
    assert area.browser.results.count() == 0
    assert area.browser.count.text() == "No article has that emoji or symbol in it."


def test_clicking_a_link_opens_its_target_at_its_section(qtbot, unlocked_window):
    area = library(unlocked_window)
    unlocked_window.open_link("solace://article/bleeding-and-cramping")
    reader = area.reader
    qtbot.waitUntil(lambda: reader.browser.isVisible())
    target = "solace://article/warning-signs#heavy-bleeding"
    point = link_point(reader, target)
    qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: reader.current == ArticleLink("warning-signs", "heavy-bleeding"))
    assert reader.browser.toPlainText().startswith("Warning signs")
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "heavy-bleeding") < 40)


def test_open_url_with_a_section_scrolls_to_it_and_history_goes_back(qtbot, unlocked_window):
    # A laptop's window: in a narrow reader this section, near the article's end, can
    # only come as high as the end of the text allows.
    unlocked_window.resize(1366, 768)
    area = library(unlocked_window)
    reader = area.reader
    unlocked_window.open_link("solace://article/kinds-of-miscarriage")
    unlocked_window.open_link("solace://article/warning-signs#pain-during-or-after-sex")
    assert unlocked_window.pages.currentWidget() is area
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "pain-during-or-after-sex") < 40)
    assert reader.browser.verticalScrollBar().value() > 0
    scrolled = reader.browser.verticalScrollBar().value()

    reader.browser.setFocus()
    qtbot.waitUntil(reader.browser.hasFocus)
    qtbot.keyClick(reader.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current == ArticleLink("kinds-of-miscarriage")
    qtbot.waitUntil(lambda: reader.browser.verticalScrollBar().value() == 0)
    assert reader.forward_button.isEnabled() and not reader.back_button.isEnabled()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.current == ArticleLink("warning-signs", "pain-during-or-after-sex")
    qtbot.waitUntil(lambda: reader.browser.verticalScrollBar().value() == scrolled)

    qtbot.mouseClick(reader.back_button, Qt.MouseButton.LeftButton)
    assert reader.current == ArticleLink("kinds-of-miscarriage")


def test_links_that_lead_outside_are_never_opened(qtbot, unlocked_window):
    area = library(unlocked_window)
    unlocked_window.open_link("solace://article/finding-support")
    area.reader.browser.anchorClicked.emit(QUrl("https://example.com/forum"))
    assert area.reader.current == ArticleLink("finding-support")
    assert area.reader.note.isVisible()
    assert "not opened" in area.reader.note.text()
    assert not area.open_url("https://example.com")
    assert not area.open_url("solace://article/no-such-article")


def test_reading_size_grows_with_ctrl_plus(qtbot, unlocked_window):
    area = library(unlocked_window)
    unlocked_window.open_link("solace://article/finding-support")
    browser = area.reader.browser
    before = browser.font().pointSizeF()
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    qtbot.keyClick(browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() > before
    qtbot.keyClick(browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() < before
    qtbot.keyClick(browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() == before
    # In the text they size the reading text only, not the app's (View > Text size).
    assert unlocked_window.settings.get(FONT_SCALE) == 100


def test_a_reading_size_change_keeps_the_words_read_in_view(qtbot, unlocked_window):
    """Break test 40, finding 9: three Ctrl++ in "Why infection matters" jumped the
    view back to "Make an appointment", the paragraph read gone."""
    unlocked_window.resize(1366, 768)
    area = library(unlocked_window)
    reader = area.reader
    unlocked_window.open_link("solace://article/warning-signs#pain-during-or-after-sex")
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "pain-during-or-after-sex") < 40)
    browser = reader.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    for _ in range(3):  # in a row, as fast as keys come
        qtbot.keyClick(browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "pain-during-or-after-sex") < 40)
    qtbot.keyClick(browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "pain-during-or-after-sex") < 40)


def test_the_reader_says_what_each_source_is(qtbot, unlocked_window):
    """Each source is its own line naming what it is, never a bare "Source A"."""
    area = library(unlocked_window)
    unlocked_window.show_area(area)
    for slug in ("warning-signs", "next-pregnancy-and-repeated-loss"):
        unlocked_window.open_link(f"solace://article/{slug}")
        qtbot.waitUntil(lambda slug=slug: area.reader.current == ArticleLink(slug))
        lines = area.reader.browser.toPlainText().splitlines()
        article = load_articles(articles_dir())[slug]
        for source in article.sources:
            assert source in lines
        assert not any(re.search(r"\bSource [AB]\b", line) for line in lines)
    assert any("Mayo Clinic" in line for line in lines)


FEVERS = [
    "38°C",
    "39°C",
    "101°F",
    "100°F",
    "38.5°",
    "38,5°C",
    "38ºC",
    "fever 38°",
    "temperature 38°",
]


def test_a_temperature_as_people_type_it_finds_the_warning_signs(qtbot, unlocked_window):
    """Break test 9 of session 14, finding 8: "38°C", "39°C", "101°F", "fever 38°" found
    nothing and were told "No article has that emoji or symbol in it", though Warning
    signs says "above 38.3 °C (101 °F)". Typed key by key (all Latin-1); "38℃" as an
    input method puts it in."""
    area = library(unlocked_window)
    unlocked_window.show_area(area)
    search = area.browser.search
    for typed in FEVERS:
        search.clear()
        qtbot.keyClicks(search, typed)
        assert "warning-signs" in area.browser.result_slugs(), typed
        first = area.browser.results.item(0).text()
        assert "emoji or symbol" not in first and "Nothing" not in first, typed
    search.setText("38℃")
    assert "warning-signs" in area.browser.result_slugs()


def test_a_link_to_a_section_puts_the_caret_there_for_a_screen_reader(qtbot, unlocked_window):
    """Break test 15 of session 18, finding 4: "Read more: fever" scrolled to "Fever and
    chills", but the caret, where a screen reader reads from, stayed at the article's
    top: the person heard the introduction first. Back and Forward keep it with the
    place shown too."""
    from PySide6.QtGui import QAccessible

    unlocked_window.resize(1366, 768)
    reader = library(unlocked_window).reader
    unlocked_window.open_link("solace://article/warning-signs#fever-and-chills")
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "fever-and-chills") < 40)
    text = QAccessible.queryAccessibleInterface(reader.browser).textInterface()
    caret = text.cursorPosition()
    assert text.text(caret, caret + 16) == "Fever and chills"

    reader.browser.setFocus()
    qtbot.waitUntil(reader.browser.hasFocus)
    qtbot.keyClick(reader.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(reader.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: 0 <= heading_top(reader, "fever-and-chills") < 40)
    shown = reader.browser.cursorForPosition(reader.browser.viewport().rect().topLeft())
    assert abs(text.cursorPosition() - shown.position()) < 200  # the line shown at the top

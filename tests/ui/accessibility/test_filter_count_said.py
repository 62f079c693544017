"""A filter that empties the list is named, never blamed on the words (break test 15
of session 11, finding 7): with no words typed, a mood filter that hid every entry
was said as "Nothing found. Try fewer or shorter words."."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.entries.area import NOTHING_FOUND_WITH_OR
from tests.ui.accessibility.screens import area


def _filters_shown(qtbot, window):  # type: ignore[no-untyped-def]
    """The Journal with its Filters opened by the keys; returns the area."""
    journal = area(window, "journal")
    window.show_area(journal)
    search = journal.search  # type: ignore[attr-defined]
    search.toggle.setFocus()
    qtbot.keyClick(search.toggle, Qt.Key.Key_Space)  # Filters
    qtbot.waitUntil(search.mood.isVisible, timeout=2000)
    return journal


def test_a_mood_filter_that_hides_everything_is_named(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    journal = _filters_shown(qtbot, unlocked_window)
    search = journal.search  # type: ignore[attr-defined]
    search.mood.setFocus()
    a11y_events.clear()
    qtbot.keyClick(search.mood, Qt.Key.Key_Down)
    chosen = search.mood.currentText()
    said = (
        f"No entry matches the filters (mood \u201c{chosen}\u201d). "
        "Clear filters shows every entry."
    )
    qtbot.waitUntil(lambda: journal.count.text() == said, timeout=5000)  # type: ignore[attr-defined]
    assert said in a11y_events.announcements(assertive=False)
    # With words too, both are named.
    search.field.setFocus()
    qtbot.keyClicks(search.field, "harbour")
    qtbot.waitUntil(
        lambda: journal.count.text().startswith("Nothing found with these words and the filters"),  # type: ignore[attr-defined]
        timeout=5000,
    )
    assert "Try fewer or shorter words" not in journal.count.text()  # type: ignore[attr-defined]


def test_a_tag_filter_that_cannot_be_a_tag_is_named_not_dropped(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 38 (the kind of finding 3): 'a"b' in the tag filter, which no tag can
    be, turned the filter off without a word and listed every entry."""
    journal = _filters_shown(qtbot, unlocked_window)
    search = journal.search  # type: ignore[attr-defined]
    search.tag.setFocus()
    qtbot.keyClicks(search.tag, 'a"b')
    said = 'No entry matches the filters (tag \u201ca"b\u201d). Clear filters shows every entry.'
    qtbot.waitUntil(lambda: journal.count.text() == said, timeout=5000)  # type: ignore[attr-defined]
    assert journal.model.rowCount() == 0  # type: ignore[attr-defined]


def test_a_to_day_before_the_from_day_is_said_under_to(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 40, finding 8: From 20 December and To 1 December said only "No entry
    matches the filters", leaving the reversed days to be found."""
    from PySide6.QtCore import QDate

    from journal.ui.entries.search import REVERSED_DAYS

    journal = _filters_shown(qtbot, unlocked_window)
    search = journal.search  # type: ignore[attr-defined]
    for box in (search.from_on, search.to_on):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    search.date_from.setDate(QDate(2026, 12, 20))
    search.date_to.setDate(QDate(2026, 12, 1))
    note = search.date_to.note
    qtbot.waitUntil(lambda: note.isVisible() and note.text() == REVERSED_DAYS, timeout=5000)
    search.date_to.setDate(QDate(2026, 12, 24))
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=5000)


def test_days_typed_the_wrong_way_round_are_said_under_to(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Typed, not set: the To field took the typed day as the typing ended and put its
    own line away, and the words with it (break test 43, F8)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from journal.ui.entries.search import REVERSED_DAYS

    QLocale.setDefault(QLocale.c())  # typed as yyyy-MM-dd
    try:
        search = _filters_shown(qtbot, unlocked_window).search  # type: ignore[attr-defined]
        for box, field, typed in (
            (search.from_on, search.date_from, "20261207"),
            (search.to_on, search.date_to, "20261001"),
        ):
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
            field.setFocus()
            qtbot.waitUntil(field.hasFocus)
            qtbot.keyClick(field, Qt.Key.Key_Home)
            qtbot.keyClicks(field, typed)
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            QApplication.processEvents()
        note = search.date_to.note
        qtbot.waitUntil(lambda: note.isVisible() and note.text() == REVERSED_DAYS, timeout=5000)
    finally:
        QLocale.setDefault(QLocale.system())


def test_or_between_words_that_finds_nothing_is_said_to_be_a_word(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 48, F6: "walk OR goodbye" found nothing, though one entry holds "walk"
    and another "goodbye", and the count said only to try fewer or shorter words."""
    journal = area(unlocked_window, "journal")
    unlocked_window.show_area(journal)
    for words in ("A long walk by the river", "We said goodbye today"):
        journal.new_entry()  # type: ignore[attr-defined]
        journal.editor.body.setFocus()  # type: ignore[attr-defined]
        qtbot.keyClicks(journal.editor.body, words)  # type: ignore[attr-defined]
        journal.editor.save_now()  # type: ignore[attr-defined]
    field = journal.search.field  # type: ignore[attr-defined]
    field.setFocus()
    qtbot.keyClicks(field, "walk OR goodbye")
    qtbot.waitUntil(lambda: journal.count.text() == NOTHING_FOUND_WITH_OR, timeout=5000)  # type: ignore[attr-defined]
    field.clear()
    qtbot.keyClicks(field, "walk")
    qtbot.waitUntil(lambda: journal.count.text() == "1 found", timeout=5000)  # type: ignore[attr-defined]

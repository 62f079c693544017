"""A day chosen in the calendar keeps the list to that day, and says so beside the list;
an entry just written is never missing from it (break test 10 of session 15, finding
12: Ctrl+N after choosing 30 November saved the new entry of 2 December, unseen)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.domain.common.local_time import local_day, today_local
from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.local_time import say_day, to_qdate
from journal.ui.entries.timeline import ID_ROLE
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.entries.test_editor import journal_area


def shown_ids(area) -> set[str]:  # type: ignore[no-untyped-def]
    model = area.model
    return {model.index(row).data(ID_ROLE) for row in range(model.rowCount())} - {"", None}


def test_a_new_entry_is_in_the_list_after_a_day_was_chosen_in_the_calendar(  # type: ignore[no-untyped-def]
    qtbot, window, store, a11y_events
):
    folder = window.lock_screen.unlock_page.chosen_folder()
    journal = store.unlock(folder, PASSPHRASE)
    old = dataclasses.replace(
        new_entry(datetime.now(UTC) - timedelta(days=3)), body="A walk by the river."
    )
    EntryRepository(journal.db).save(old)
    journal.lock()
    window.activateWindow()
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    area = journal_area(window)
    day = local_day(old.created_at, old.zone)

    # Choose the old entry's day in the calendar, with the keys.
    area.browse_tabs.setCurrentWidget(area.calendar)
    area.calendar.setSelectedDate(to_qdate(day))
    area.calendar.grid.setFocus()
    qtbot.waitUntil(area.calendar.grid.hasFocus)
    a11y_events.listen()
    qtbot.keyClick(area.calendar.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_ids(area) == {old.id}, timeout=5_000)
    said = f"Showing {say_day(day)} only."
    # Said beside the list (not only in the collapsed Filters), once, with the way back.
    qtbot.waitUntil(lambda: area.search.day_note.text() == said, timeout=5_000)
    assert area.search.day_note.isVisible() and area.search.show_all.isVisible()
    assert a11y_events.announcements().count(said) == 1

    # Ctrl+N and a few words: the new entry is saved and shown in the list.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is area.editor.body
    with qtbot.waitSignal(area.editor.saved, timeout=5_000):
        qtbot.keyClicks(area.editor.body, "From the calendar")
    new_id = area.editor.entry_id
    qtbot.waitUntil(lambda: {old.id, new_id} <= shown_ids(area), timeout=5_000)
    assert area.search.day_shown() is None and not area.search.day_note.isVisible()


def test_show_all_entries_brings_back_every_day(qtbot, window, store):  # type: ignore[no-untyped-def]
    """The line's button turns the day off; the other entries come back."""
    page = window.lock_screen.unlock_page
    journal = store.unlock(page.chosen_folder(), PASSPHRASE)
    repo = EntryRepository(journal.db)
    old = dataclasses.replace(new_entry(datetime.now(UTC) - timedelta(days=3)), body="Old.")
    today = dataclasses.replace(new_entry(datetime.now(UTC)), body="Today.")
    repo.save(old)
    repo.save(today)
    journal.lock()
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    area = journal_area(window)
    area.calendar.clicked.emit(to_qdate(local_day(old.created_at, old.zone)))
    qtbot.waitUntil(lambda: shown_ids(area) == {old.id}, timeout=5_000)
    qtbot.waitUntil(area.search.show_all.isVisible, timeout=5_000)
    area.search.show_all.setFocus()
    qtbot.keyClick(area.search.show_all, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shown_ids(area) == {old.id, today.id}, timeout=5_000)
    assert not area.search.day_row.isVisible()
    assert today_local() == local_day(today.created_at, today.zone)


def test_the_sharing_filter_reads_whole_at_1024x600(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """"Shared and private" whole in the Filters panel of a 1024x600 screen (it read
    "Shared and" beside Clear filters)."""
    window = unlocked_window
    window.resize(1016, 560)
    area = journal_area(window)
    area.search.toggle.click()
    qtbot.waitUntil(area.search.shared.isVisible)
    shared = area.search.shared
    assert shared.width() >= shared.sizeHint().width()


def test_enter_on_a_calendar_day_takes_the_focus_to_the_list_once(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Issue 15, break test of session 25, F1: the focus that went to the tab bar was
    heard "Calendar" while the List showed. Break test 15 of session 30, finding 5: it
    went to the tab bar at all, one Tab short of the day's entries. It goes once, to
    the list, which is heard by its own name."""
    area = journal_area(unlocked_window)
    area.browse_tabs.setCurrentWidget(area.calendar)
    area.calendar.grid.setFocus()
    qtbot.waitUntil(area.calendar.grid.hasFocus)
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(area.calendar.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.browse_tabs.currentWidget() is area.timeline)
    assert QApplication.focusWidget() is area.timeline
    heard = [name for name in a11y_events.names(QAccessible.Event.Focus) if name]
    assert heard == [area.timeline.accessibleName()]

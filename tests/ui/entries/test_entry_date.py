"""An entry's date and time can be set by keys in the editor (to write about yesterday):
the timeline, the calendar and "on this day" follow it at once, a moment still to come
is refused under the field, and a moment in the hour the clocks go back keeps its
wall time through a save."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication

from journal.domain.common.local_time import local_day, now_utc
from journal.domain.entries.entry import Entry
from journal.domain.entries.remembrance import RemembrancePrefs
from journal.storage.entries.remembrance import RemembranceStore
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.focus_ring import FOCUS_COLOUR
from journal.ui.entries import area as area_module
from tests.time_zones import in_zone
from tests.ui.entries.test_editor import journal_area, unlock, write


def _type_moment(qtbot, editor, day: date, hour: int, minute: int) -> None:  # type: ignore[no-untyped-def]
    """Reach the date field with its mnemonic (Alt+W) and type a whole moment over it,
    as the field's locale writes it."""
    qtbot.keyClick(editor.title, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor.when
    qtbot.keyClick(editor.when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    shown = QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute))
    qtbot.keyClicks(editor.when, shown.toString(editor.when.displayFormat()))


def test_an_entry_moved_to_yesterday_moves_in_the_timeline_calendar_and_on_this_day(
    qtbot, unlocked_window, monkeypatch
):  # type: ignore[no-untyped-def]
    window = unlocked_window
    RemembranceStore(window.journal.db).set_prefs(RemembrancePrefs(on_this_day=True))
    yesterday = local_day(now_utc()) - timedelta(days=1)
    # The app's clock for "today" (a leap day's anniversary is 28 February).
    a_year_later = date(yesterday.year + 1, yesterday.month, min(yesterday.day, 28))
    if (yesterday.month, yesterday.day) != (2, 29):
        a_year_later = yesterday.replace(year=yesterday.year + 1)
    monkeypatch.setattr(area_module, "today_local", lambda: a_year_later)
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "Written today")
    area.new_entry()
    write(qtbot, area, "About yesterday")
    moved_id = area.editor.entry_id
    assert area.model.row_view(0)[0].summary.id == moved_id  # newest first
    assert "you also wrote" not in area.banner.text()

    with qtbot.waitSignal(area.editor.saved, timeout=5_000):
        _type_moment(qtbot, area.editor, yesterday, 21, 30)
        qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)

    assert area.model.row_view(1)[0].summary.id == moved_id
    assert area.timeline.currentIndex().row() == 1
    stored = EntryRepository(window.journal.db).get(moved_id)
    assert stored is not None and stored.body == "About yesterday"
    assert local_day(stored.created_at) == yesterday
    area.calendar.setCurrentPage(yesterday.year, yesterday.month)
    assert yesterday.day in area.calendar.marked_days
    assert area.banner.isVisible()
    assert f"On this day you also wrote in {yesterday.year}" in area.banner.text()


def test_a_moment_still_to_come_is_refused_under_the_field_and_the_words_are_kept(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    area = journal_area(unlocked_window)
    area.new_entry()
    write(qtbot, area, "Kept whatever the date says")
    started = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert started is not None
    tomorrow = local_day(now_utc()) + timedelta(days=1)

    _type_moment(qtbot, area.editor, tomorrow, 9, 0)

    note = area.editor.notes.note("created_at")
    assert note.isVisible() and "has not come yet" in note.text()
    assert area.editor.when.accessibleDescription() == note.text()
    assert QApplication.focusWidget() is area.editor.when
    assert "Saved" not in area.editor.status.text()
    with qtbot.waitSignal(area.editor.saved, timeout=5_000):
        qtbot.keyClicks(area.editor.body, " still")
    kept = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert kept is not None and kept.body.endswith(" still")
    assert kept.created_at == started.created_at


def test_a_moment_in_the_hour_the_clocks_go_back_keeps_its_wall_time(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """02:30 happens twice in Berlin on 26 October 2025; the second one stays the second."""
    with in_zone("Europe/Berlin"):
        second = datetime(2025, 10, 26, 1, 30, tzinfo=UTC)  # 02:30 CET, after 02:30 CEST
        entry = Entry(id=str(uuid.uuid4()), created_at=second, updated_at=second, body="Late")
        repo = EntryRepository(unlocked_window.journal.db)
        repo.save(entry)
        area = journal_area(unlocked_window)
        area.show_timeline()
        area._open_index(area.model.index(area.model.row_of(entry.id)))
        assert area.editor.when.text().endswith("02:30")
        with qtbot.waitSignal(area.editor.saved, timeout=5_000):
            qtbot.keyClicks(area.editor.body, " at night")
        saved = repo.get(entry.id)
        assert saved is not None and saved.body == "Late at night"
        assert saved.created_at == second


def _moved_and_typed(qtbot, area, day: date) -> str:  # type: ignore[no-untyped-def]
    """Move the saved entry to ``day`` at 21:30 and type a word, all within the autosave's
    pause (nothing written yet); returns the entry's id."""
    area.new_entry()
    write(qtbot, area, "Before")
    _type_moment(qtbot, area.editor, day, 21, 30)
    qtbot.keyClicks(area.editor.body, " and after")
    assert area.editor.is_dirty
    return str(area.editor.entry_id)


def test_a_moved_date_and_the_words_after_it_are_saved_together_at_lock(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    yesterday = local_day(now_utc()) - timedelta(days=1)
    entry_id = _moved_and_typed(qtbot, journal_area(window), yesterday)

    assert window.lock()
    unlock(qtbot, window)

    stored = EntryRepository(window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "Before and after"
    assert local_day(stored.created_at) == yesterday
    assert journal_area(window).editor.when.date() == QDate(
        yesterday.year, yesterday.month, yesterday.day
    )


def test_a_moved_date_is_saved_at_quit(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    yesterday = local_day(now_utc()) - timedelta(days=1)
    entry_id = _moved_and_typed(qtbot, journal_area(window), yesterday)

    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(window.navigation, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    unlock(qtbot, window)
    stored = EntryRepository(window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "Before and after"
    assert local_day(stored.created_at) == yesterday


def test_a_refused_date_after_a_good_one_keeps_the_good_one_not_the_first(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Yesterday typed, then (before any save) a day still to come, then words: the words
    are saved with yesterday, the last date the field showed that was allowed."""
    area = journal_area(unlocked_window)
    yesterday = local_day(now_utc()) - timedelta(days=1)
    entry_id = _moved_and_typed(qtbot, area, yesterday)
    _type_moment(qtbot, area.editor, yesterday + timedelta(days=3), 8, 0)
    assert area.editor.notes.note("created_at").isVisible()
    qtbot.keyClicks(area.editor.body, " again")

    assert area.editor.save_now()

    stored = EntryRepository(unlocked_window.journal.db).get(entry_id)
    assert stored is not None and stored.body == "Before and after again"
    assert local_day(stored.created_at) == yesterday
    assert area.model.row_view(0)[0].summary.created_at == stored.created_at


def test_a_refused_moment_never_holds_the_focus_nor_takes_keys_from_another_page(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Break test 15 of session 7, finding 1: a "Written on" still to come pulled the
    focus back on every Tab, re-announcing the reason, and after Ctrl+2 the hidden
    field took the next Down and re-dated the entry. The reason stands beside the field
    (and is its description) while the person goes on with Tab, and to another area;
    the entry keeps its last good date until the field shows one again."""
    window = unlocked_window
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "Words first")
    started = EntryRepository(window.journal.db).get(area.editor.entry_id)
    assert started is not None
    tomorrow = local_day(now_utc()) + timedelta(days=1)
    _type_moment(qtbot, area.editor, tomorrow, 21, 0)
    note = area.editor.notes.note("created_at")
    assert note.isVisible() and "has not come yet" in note.text()

    # The first Tab stays, the field showing the date the entry keeps and the reason
    # said again (break test 10 of session 15, finding 1); the next one moves on.
    qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is area.editor.when
    assert area.editor.written_at() is not None  # not the refused moment any more
    qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)
    QApplication.processEvents()  # a focus pulled back came from a zero-time timer
    moved_to = QApplication.focusWidget()
    assert moved_to is not area.editor.when and moved_to is not None
    qtbot.keyClick(moved_to, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is area.editor.when
    qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert QApplication.focusWidget() is not area.editor.when
    assert note.isVisible() and area.editor.when.accessibleDescription() == note.text()

    area.editor.when.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.editor.when)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body = next(each for each in window.areas if each.area_id == "body")
    qtbot.waitUntil(body.isVisible)
    for _ in range(3):
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        assert focused is not None and focused.isVisible()
        assert not area.isAncestorOf(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert not area.editor.is_dirty
    assert area.editor.save_now()
    kept = EntryRepository(window.journal.db).get(area.editor.entry_id)
    assert kept is not None and kept.created_at == started.created_at


def test_a_refused_moment_left_shows_the_kept_date_and_the_next_button_shows_its_focus(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Break test 10 of session 12, finding 13: after a refused "Written on", Tab went on
    to the Bold button, which looked exactly like "bold is on" (the focus look and the
    pressed look were the same square), so the next Space bolded a word unseen; and the
    box kept showing the refused moment while the list showed the entry's real one.
    Left, the field shows the date the entry keeps (the reason stays under it); a
    formatting button with the focus looks unlike one that is on."""
    window = unlocked_window
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "future test")
    started = EntryRepository(window.journal.db).get(area.editor.entry_id)
    assert started is not None
    kept = area.editor.when.dateTime()
    tomorrow = local_day(now_utc()) + timedelta(days=1)
    _type_moment(qtbot, area.editor, tomorrow, 10, 0)
    note = area.editor.notes.note("created_at")
    assert note.isVisible() and "has not come yet" in note.text()

    bold = area.editor.body.button("bold")
    qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)
    assert area.editor.when.dateTime() == kept
    assert note.isVisible() and "has not come yet" in note.text()

    bold.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert bold.hasFocus() and not bold.isChecked()
    focused = bold.grab().toImage()
    area.editor.body.setFocus()
    area.editor.body.selectAll()
    qtbot.keyClick(area.editor.body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert bold.isChecked() and not bold.hasFocus()
    pressed = bold.grab().toImage()
    assert focused.size() == pressed.size()
    assert focused != pressed
    edge = focused.pixelColor(focused.width() // 2, 1)  # inside the 3 px ring
    assert edge.name() in {FOCUS_COLOUR[False], FOCUS_COLOUR[True]}, edge.name()


def test_a_day_before_1900_is_refused_beside_written_on_and_the_entry_keeps_its_date(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Break test 10 of session 17, finding 14: "1899-12-31 10:00" typed in "Written on"
    was taken without a word, and the entry listed under 31 December 1899. The earliest
    day every date field takes is one rule (`dates.EARLIEST_DAY`), said beside it."""
    from journal.ui.common.dates import EARLIEST_DAY

    area = journal_area(unlocked_window)
    area.new_entry()
    write(qtbot, area, "Written today")
    started = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert started is not None

    _type_moment(qtbot, area.editor, date(1899, 12, 31), 10, 0)
    qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)

    note = area.editor.notes.note("created_at")
    assert note.isVisible() and "1 January 1900" in note.text(), note.text()
    assert "cannot be right" in note.text()
    assert area.editor.when.date() >= QDate(EARLIEST_DAY.year, 1, 1)
    with qtbot.waitSignal(area.editor.saved, timeout=5_000):
        qtbot.keyClicks(area.editor.body, " still")
    kept = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert kept is not None and kept.created_at == started.created_at


def test_a_new_entry_is_dated_when_writing_begins_not_when_its_page_was_made(
    qtbot, unlocked_window, monkeypatch
):  # type: ignore[no-untyped-def]
    """Re-test of break test 39: the new entry waiting after an unlock kept the time of
    the unlock, so words begun hours later were "Written on" the time Solace was
    opened. A new entry nothing is written in follows the clock; the first word dates
    it; a date the person chose stays hers."""
    from journal.ui.entries import editor as editor_module

    area = journal_area(unlocked_window)
    editor = area.editor
    earlier = now_utc().replace(second=0, microsecond=0) - timedelta(hours=6)
    monkeypatch.setattr(editor_module, "_now", lambda: earlier)  # the page made at 07:00
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    assert editor.written_at() == earlier
    monkeypatch.undo()  # the clock goes on: six hours later the person starts writing
    editor.follow_clock()  # what its clock does while nothing is written
    followed = editor.written_at()
    assert followed is not None and now_utc() - followed < timedelta(minutes=1)
    write(qtbot, area, "Begun now")
    saved = EntryRepository(unlocked_window.journal.db).get(editor.entry_id)
    assert saved is not None and now_utc() - saved.created_at < timedelta(minutes=1)
    editor.follow_clock()  # begun: it follows the clock no more
    assert editor.written_at() == saved.created_at

    yesterday = local_day(now_utc()) - timedelta(days=1)
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    _type_moment(qtbot, editor, yesterday, 21, 15)  # a date chosen before the words
    qtbot.keyClick(editor.when, Qt.Key.Key_Tab)
    write(qtbot, area, "About last night")
    chosen = EntryRepository(unlocked_window.journal.db).get(editor.entry_id)
    assert chosen is not None and local_day(chosen.created_at) == yesterday


def test_a_new_entry_not_begun_moves_on_as_the_minute_turns(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Its "Written on" showed the minute before for up to 20 s after the minute turned
    (re-test 43, N6, of the body log's Time): its clock is set for the next turn."""
    area = journal_area(unlocked_window)
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    now = now_utc()
    to_turn_ms = 60_000 - (now.second * 1000 + now.microsecond // 1000)
    clock = area.editor._clock
    assert clock.isActive()
    off_ms = (clock.remainingTime() - to_turn_ms) % 60_000  # a turn between is no miss
    assert min(off_ms, 60_000 - off_ms) <= 1_000


def test_a_written_on_typed_and_refused_stays_when_the_minute_turns(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Re-test 45, N1, in the journal: a day typed in a new entry's "Written on" and
    refused (31 February) is hers, kept as typed; the clock of a new entry not begun
    put now over it at the next minute."""
    area = journal_area(unlocked_window)
    editor = area.editor
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor.when.setFocus()
    qtbot.waitUntil(editor.when.hasFocus)
    qtbot.keyClick(editor.when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    shown = editor.when.lineEdit().text()
    typed = shown.replace(shown[5:10], "02-31") if shown[4] == "-" else "31" + shown[2:]
    qtbot.keyClicks(editor.when, typed)
    qtbot.keyClick(editor.when, Qt.Key.Key_Tab)
    assert editor.when.kept_refusal() is not None
    kept = editor.when.lineEdit().text()
    editor.follow_clock()  # the next turn of the minute
    assert editor.when.lineEdit().text() == kept and editor.when.kept_refusal() is not None

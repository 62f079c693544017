"""An entry written elsewhere shows its own wall clock and day (break test of issue 16,
finding 6): on a computer set to UTC, an entry written in Tokyo at 00:00 on 10 March is
under 10 March in the timeline and the calendar, its date field says 10 March 00:00,
and a time typed into that field is read as Tokyo's."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt, QTime

from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.timeline import DAY_HEADER_ROLE
from tests.conftest import PASSPHRASE
from tests.time_zones import in_zone
from tests.ui.entries.test_editor import journal_area, unlock
from tests.ui.entries.test_entry_date import _type_moment

WRITTEN = datetime(2024, 3, 9, 15, 0, tzinfo=UTC)  # 00:00 on 10 March in Tokyo


def test_an_entry_written_in_tokyo_shows_its_own_day_and_time_on_a_computer_in_utc(
    qtbot, window, store
):  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    entry = Entry(
        id=str(uuid.uuid4()),
        created_at=WRITTEN,
        updated_at=WRITTEN,
        body="The day we named her",
        zone="Asia/Tokyo",
    )
    with in_zone("UTC"):
        journal = store.unlock(info.folder, PASSPHRASE)
        EntryRepository(journal.db).save(entry)
        journal.lock()
        unlock(qtbot, window)
        area = journal_area(window)
        area.show_timeline()
        row = area.model.index(area.model.row_of(entry.id))
        assert area.model.data(row, DAY_HEADER_ROLE) == "Sunday 10 March 2024"
        said = area.model.data(row, Qt.ItemDataRole.AccessibleTextRole)
        assert said.startswith("Sunday 10 March 2024. The day we named her. 00:00")
        area.calendar.setCurrentPage(2024, 3)
        assert area.calendar.marked_days == {10}

        qtbot.mouseClick(
            area.timeline.viewport(),
            Qt.MouseButton.LeftButton,
            pos=area.timeline.visualRect(row).center(),
        )
        qtbot.waitUntil(lambda: area.editor.entry_id == entry.id, timeout=5_000)
        shown = area.editor.when.dateTime()
        assert (shown.date(), shown.time()) == (QDate(2024, 3, 10), QTime(0, 0))

        with qtbot.waitSignal(area.editor.saved, timeout=5_000):
            _type_moment(qtbot, area.editor, date(2024, 3, 10), 8, 15)
            qtbot.keyClick(area.editor.when, Qt.Key.Key_Tab)
        saved = EntryRepository(window.journal.db).get(entry.id)
    assert saved is not None and saved.zone == "Asia/Tokyo"
    assert saved.created_at == datetime(2024, 3, 9, 23, 15, tzinfo=UTC)  # 08:15 in Tokyo


def test_an_entry_ending_with_a_full_stop_is_read_without_a_doubled_one(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """'Today was hard. I miss you.. 18:45' was read (break test of issue 15, 16 d)."""
    area = journal_area(unlocked_window)
    for words in ("Today was hard. I miss you.", "Why now?", "Plain words"):
        area.new_button.click()
        area.editor.body.setPlainText(words)
        area.editor.save_now()
    area.show_timeline()
    said = [
        area.model.data(area.model.index(r), Qt.ItemDataRole.AccessibleTextRole)
        for r in range(area.model.rowCount())
    ]
    assert len(said) == 3
    assert not [s for s in said if ".." in s or "?." in s], said
    assert any("Plain words. " in s for s in said), said

"""Editing an entry's words never moves it in time (break test 16, N2): an entry
dated before the first day a date field can show (Qt's 14 September 1752), such as
an import's year 0001, was filed under 14 September 1752 after one word was typed,
because each save read the moment back from the field; so were the seconds of every
entry's time, which the field does not show."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from tests.conftest import PASSPHRASE
from tests.ui.entries.test_editor import journal_area, unlock


@pytest.mark.parametrize(
    "written",
    [
        datetime(1, 1, 1, 12, 0, tzinfo=UTC),
        datetime(1700, 6, 1, 9, 30, tzinfo=UTC),
        datetime(2024, 5, 1, 9, 30, 47, 123000, tzinfo=UTC),
    ],
)
def test_typing_in_an_entry_keeps_its_moment_exactly(qtbot, window, store, written):
    (info,) = store.journals()
    entry = Entry(id=str(uuid.uuid4()), created_at=written, updated_at=written, body="Year")
    journal = store.unlock(info.folder, PASSPHRASE)
    EntryRepository(journal.db).save(entry)
    journal.lock()
    unlock(qtbot, window)
    area = journal_area(window)
    area.show_timeline()
    row = area.model.index(area.model.row_of(entry.id))
    qtbot.mouseClick(
        area.timeline.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.timeline.visualRect(row).center(),
    )
    qtbot.waitUntil(lambda: area.editor.entry_id == entry.id, timeout=5_000)
    area.editor.body.setFocus()
    area.editor.body.moveCursor(area.editor.body.textCursor().MoveOperation.End)
    with qtbot.waitSignal(area.editor.saved, timeout=10_000):
        qtbot.keyClicks(area.editor.body, " edited")
        area.editor.save_now()
    saved = EntryRepository(window.journal.db).get(entry.id)
    assert saved is not None and saved.body == "Year edited"
    assert saved.created_at == written

"""A journal that already holds an entry at the edge of the calendar opens and shows
it in every time zone (break test 16, finding 7): an entry dated 31 December 9999 UTC
made every unlock east of UTC fail with "Something went wrong" (the list's row size
turned it into local time, year 10000); year 1 did the same west of UTC."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from tests.conftest import PASSPHRASE
from tests.time_zones import in_zone
from tests.ui.entries.test_editor import journal_area, unlock

EDGES = [
    ("Pacific/Kiritimati", datetime(9999, 12, 31, 20, 0, tzinfo=UTC)),
    ("America/Los_Angeles", datetime(1, 1, 1, 2, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize(("zone", "written"), EDGES)
def test_an_entry_at_the_edge_of_the_calendar_opens_and_shows(qtbot, window, store, zone, written):
    with in_zone(zone):
        _open_in_the_list(qtbot, window, store, written)


def _open_in_the_list(qtbot, window, store, written) -> None:  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    entry = Entry(id=str(uuid.uuid4()), created_at=written, updated_at=written, body="Edge")
    journal = store.unlock(info.folder, PASSPHRASE)
    EntryRepository(journal.db).save(entry)
    journal.lock()
    unlock(qtbot, window)
    area = journal_area(window)
    area.show_timeline()
    row = area.model.index(area.model.row_of(entry.id))
    area.timeline.scrollTo(row)
    assert area.timeline.visualRect(row).height() > 0
    qtbot.mouseClick(
        area.timeline.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.timeline.visualRect(row).center(),
    )
    qtbot.waitUntil(lambda: area.editor.entry_id == entry.id, timeout=5_000)
    # pytest-qt fails the test on any exception raised inside Qt's calls (sizeHint, paint)


def test_the_written_on_field_of_a_year_one_entry_says_its_true_date(qtbot, window, store):
    """S10: the field showed 1752-09-14 00:00, its own first day, a date the entry
    does not have; now its true date is shown in words where the field was."""
    written = datetime(1, 1, 1, 12, 0, tzinfo=UTC)
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
    editor = area.editor
    assert not editor.when.isVisibleTo(editor)
    assert editor.when_fixed.isVisibleTo(editor)
    assert editor.when_fixed.text().startswith("Monday 1 January 1, ")  # not 1752
    assert editor.when_fixed.width() >= editor.when_fixed.fontMetrics().horizontalAdvance(
        editor.when_fixed.text()
    )  # shown whole
    assert editor.when_fixed.isReadOnly()
    assert "cannot be changed here" in editor.when_fixed.accessibleDescription()
    assert "cannot be changed here" in editor.when_fixed.toolTip()

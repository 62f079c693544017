"""Stepping to a shared entry taller than the window shows it from its top (break test
53, T2): the reader page, given the focus, was scrolled to its middle, because a widget
without a text cursor answers Qt's cursor question with a line down its middle."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from tests.couples import START
from tests.ui.together.support import open_together, seeded


def test_a_long_entry_stepped_to_shows_from_its_heading(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    window = unlocked_window
    folder = seeded(window, store)
    moment = START + timedelta(days=30)  # the last shared entry
    lines = "\n\n".join(f"Line {n} of a long evening." for n in range(1, 301))
    EntryRepository(window.journal.db).save(
        Entry(
            id="00000000-0000-4000-8000-000000000099",
            created_at=moment,
            updated_at=moment,
            title="The long evening",
            body=lines,
            shared=True,
        )
    )
    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    bar = window.page_scroll.verticalScrollBar()
    qtbot.keyClick(page, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: page.item.title == "The long evening", timeout=5000)
    # Taller than the window: the page could be scrolled anywhere; the focus follows
    # into view (in_view) once the layouts have settled.
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    qtbot.wait(100)
    assert not page.heading.visibleRegion().isEmpty()
    assert not page.title.visibleRegion().isEmpty()

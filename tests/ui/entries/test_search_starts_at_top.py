"""A search's results start at their first, newest hit, wherever the list was
scrolled to before (re-test 52, N4: they opened at the list's old place, the newest
hits out of view)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from journal.domain.entries.entry import new_entry
from journal.settings import Settings
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea
from tests.ui.common.test_wheel import turn_wheel

START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def test_a_search_opens_at_its_newest_hit_after_the_list_was_scrolled(
    qtbot, journal, data_dir
):  # type: ignore[no-untyped-def]
    EntryRepository(journal.db).add_many(
        dataclasses.replace(new_entry(START + timedelta(days=n)), body=f"day {n} by the river")
        for n in range(60)
    )
    area = JournalArea()
    qtbot.addWidget(area)
    area.resize(1000, 600)
    area.show()
    area.open_journal(AppContext(journal, Settings(data_dir), lambda _url: None))
    try:
        bar = area.timeline.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)  # laid out
        for _ in range(40):
            turn_wheel(area.timeline.viewport(), -1)
        qtbot.waitUntil(lambda: bar.value() > bar.maximum() // 2, timeout=5_000)
        qtbot.keyClicks(area.search.field, "river")
        qtbot.waitUntil(lambda: not area.model.browsing, timeout=5_000)
        assert bar.value() == 0
        newest = area.model.index(0)
        assert area.timeline.viewport().rect().contains(area.timeline.visualRect(newest))
        assert "day 59" in str(newest.data())
    finally:
        area.clear()

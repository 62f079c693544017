"""Together's responses keep the zone they were written in, as shared entries do (break
test 9 of session 15, finding 10: "Ben responded, Tuesday 1 December 2026, 21:02"
written in New York read "Wednesday 2 December 2026, 07:32" in Kolkata). Real SQLCipher
journal; the expected wall times come from ``zoneinfo``; old responses get a zone at
the upgrade (migration 0024) from the journal's records nearest them in time."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from journal.domain.entries.entry import new_entry
from journal.domain.together.items import Side
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.responses import Responses
from journal.storage.together.shared import SharedItems
from journal.ui.together.item_page import ResponseRow
from tests.storage.downgraded import downgrade
from tests.time_zones import in_zone

NEW_YORK = "America/New_York"


def _said(moment: datetime, zone: str) -> str:
    wall = moment.astimezone(ZoneInfo(zone))
    return f"{wall:%A} {wall.day} {wall:%B %Y}, {wall:%H:%M} {wall.tzname()}"


def _shared_entry(journal) -> str:  # type: ignore[no-untyped-def]
    written = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    entry = dataclasses.replace(new_entry(written), body="ours", shared=True, zone=NEW_YORK)
    EntryRepository(journal.db).save(entry)
    return entry.id


def test_a_response_reads_in_the_zone_it_was_written_in(qtbot, journal):
    entry_id = _shared_entry(journal)
    with in_zone(NEW_YORK):
        kept = Responses(journal.db).add(entry_id, "I read it at 9 in the evening.", Side.OWNER)
    assert kept.zone == NEW_YORK
    with in_zone("Asia/Kolkata"):
        (response,) = SharedItems(journal.db, Side.OWNER, "Ben").responses()
        assert response.zone == NEW_YORK
        row = ResponseRow(response, "Ben", False, False)
        qtbot.addWidget(row)
        assert row.heading.text().endswith(f"Ben responded, {_said(response.created_at, NEW_YORK)}")


def test_a_response_kept_before_zones_takes_the_zone_its_journal_was_written_in(journal):
    entry_id = _shared_entry(journal)
    with in_zone("Asia/Kolkata"):  # the zone is taken off below, as before 0024
        Responses(journal.db).add(entry_id, "here", Side.OWNER)
    downgrade(journal.db.engine, "0006_together")
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)
    (response,) = SharedItems(journal.db, Side.OWNER, "Ben").responses()
    assert response.zone == NEW_YORK  # the shared entry's, nearest in time


def test_a_response_typed_in_together_says_its_zone_and_keeps_it(qtbot, unlocked_window, store):
    """Typed with keys in the real Together view while the computer is in New York: the
    response keeps New York, its heading says the time there (the person's own wall
    time: no zone named, `wall_clock`); shown in Kolkata, the same time, named EST."""
    from PySide6.QtCore import Qt

    from tests.ui.together.support import open_together, seeded

    folder = seeded(unlocked_window, store)
    with in_zone(NEW_YORK):
        area = open_together(qtbot, unlocked_window, folder)
        reader = area.session_page.reader
        reader.page.respond_box.setFocus()
        qtbot.keyClicks(reader.page.respond_box, "I read it at 9 in the evening.")
        qtbot.keyClick(reader.page.respond_button, Qt.Key.Key_Space)
        (response,) = reader.page.item.responses
        assert response.zone == NEW_YORK
        (row,) = reader.page.findChildren(ResponseRow)
        wall = _said(response.created_at, NEW_YORK)
        assert row.heading.text().endswith(wall.rsplit(" ", 1)[0])
    with in_zone("Asia/Kolkata"):
        shown = ResponseRow(response, "Alex", False, False)
        qtbot.addWidget(shown)
        assert shown.heading.text().endswith(f"Alex responded, {wall}")

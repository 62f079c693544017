"""One rule for every moment (break test 9 of session 7, F1): an entry is shown at the
wall time where it was written, and when that is not the person's own wall time it
says whose it is ("00:55 CET"); the list is grouped by those days, newest day first,
so its day headings never go backwards. The calendar and the Markdown export keep
the same days and times.

F1's steps: an entry written in Berlin at 00:55 on Tuesday 1 December, then one
written an hour later in Los Angeles, where it was still Monday 30 November (16:58).
On the computer now in Los Angeles the list showed Monday above Tuesday, and the
Berlin entry's "00:55" did not say it was Berlin's time. Expected values are worked
out from ``zoneinfo`` and the break test's words, never from the code under test."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from journal.domain.common.local_time import local_zone_name
from journal.domain.entries.entry import Entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.export import export_journal
from journal.ui.entries.timeline import DAY_HEADER_ROLE, details
from tests.conftest import PASSPHRASE
from tests.time_zones import in_zone
from tests.ui.entries.test_editor import journal_area, unlock

IN_BERLIN = datetime(2026, 11, 30, 23, 55, tzinfo=UTC)  # 00:55 CET, Tuesday 1 December
IN_LOS_ANGELES = datetime(2026, 12, 1, 0, 58, tzinfo=UTC)  # 16:58 PST, Monday 30 November


def _write(store, moment: datetime, words: str) -> Entry:  # type: ignore[no-untyped-def]
    """An entry written at ``moment`` on a computer in the zone now set (it records that
    zone, as every new entry does)."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    entry = Entry(
        id=str(uuid.uuid4()),
        created_at=moment,
        updated_at=moment,
        body=words,
        zone=local_zone_name(),
    )
    EntryRepository(journal.db).save(entry)
    journal.lock()
    return entry


def test_day_headings_never_go_backwards_and_another_zones_time_is_named(
    qtbot, window, store, tmp_path
):  # type: ignore[no-untyped-def]
    with in_zone("Europe/Berlin"):
        berlin = _write(store, IN_BERLIN, "quoted line")
    with in_zone("America/Los_Angeles"):
        later = _write(store, IN_LOS_ANGELES, "written later in LA")
        unlock(qtbot, window)
        area = journal_area(window)
        area.show_timeline()
        model = area.model
        rows = [model.data(model.index(r), Qt.ItemDataRole.DisplayRole) for r in range(2)]
        headings = [model.data(model.index(r), DAY_HEADER_ROLE) for r in range(2)]
        said = [model.data(model.index(r), Qt.ItemDataRole.AccessibleTextRole) for r in range(2)]
        times = [details(model.row_view(r)[0].summary).split("  ·  ")[0] for r in range(2)]

        area.calendar.setCurrentPage(2026, 11)
        november = area.calendar.marked_days
        area.calendar.setCurrentPage(2026, 12)
        december = area.calendar.marked_days

        opened = []
        for entry in (berlin, later):
            area.editor.load(EntryRepository(window.journal.db).get(entry.id))
            shown = area.editor.when.dateTime().toString("yyyy-MM-dd HH:mm")
            opened.append((shown, area.editor.when_zone.text()))
            opened.append(area.editor.when_zone.isVisibleTo(area.editor))

        result = export_journal(window.journal.db, tmp_path, [])
        files = sorted(path.name for path in (result.folder / "entries").iterdir())
        texts = {path.name: path.read_text() for path in (result.folder / "entries").iterdir()}

    assert rows == ["quoted line", "written later in LA"]
    assert headings == ["Tuesday 1 December 2026", "Monday 30 November 2026"]
    assert times == ["00:55 CET", "16:58"]  # Berlin's time says so; the person's own does not
    assert said[0].startswith("Tuesday 1 December 2026. quoted line. 00:55 CET")
    assert said[1].startswith("Monday 30 November 2026. written later in LA. 16:58")
    assert (november, december) == ({30}, {1})
    # "Written on" says whose time it shows when it is not this computer's.
    assert opened == [("2026-12-01 00:55", "CET"), True, ("2026-11-30 16:58", ""), False]
    # The export names each file by the wall time where it was written; its front
    # matter says the moment in RFC 3339 UTC beside the zone (the merged rule of
    # a165f34).
    assert files == ["2026-11-30_1658_1.md", "2026-12-01_0055_1.md"]
    assert "date: 2026-11-30T23:55:00.000Z" in texts["2026-12-01_0055_1.md"]
    assert 'zone: "Europe/Berlin"' in texts["2026-12-01_0055_1.md"]
    assert "date: 2026-12-01T00:58:00.000Z" in texts["2026-11-30_1658_1.md"]
    assert {berlin.id, later.id} == {
        model.data(model.index(r), Qt.ItemDataRole.UserRole + 1) for r in range(2)
    }


def test_a_new_entry_written_here_takes_its_place_below_the_next_day_written_elsewhere(
    qtbot, window, store
):  # type: ignore[no-untyped-def]
    """The list keeps the order as entries are written or re-dated, not only when read."""
    with in_zone("Europe/Berlin"):
        _write(store, IN_BERLIN, "quoted line")
    with in_zone("America/Los_Angeles"):
        unlock(qtbot, window)
        area = journal_area(window)
        area.show_timeline()
        summary = EntryRepository(window.journal.db).summaries(10)[0][0]
        entry = Entry(
            id=str(uuid.uuid4()),
            created_at=IN_LOS_ANGELES,
            updated_at=IN_LOS_ANGELES,
            body="written later in LA",
            zone=local_zone_name(),
        )
        EntryRepository(window.journal.db).save(entry)
        (written,) = [
            s for s in EntryRepository(window.journal.db).summaries(10)[0] if s.id == entry.id
        ]
        area.model.upsert(written)
        headings = [area.model.data(area.model.index(r), DAY_HEADER_ROLE) for r in range(2)]
        ids = [area.model.row_view(r)[0].summary.id for r in range(2)]
    assert ids == [summary.id, entry.id]
    assert headings == ["Tuesday 1 December 2026", "Monday 30 November 2026"]

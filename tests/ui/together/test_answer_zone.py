"""A couple-prompt answer keeps the zone it was written in, as entries and responses do
(issue 9, fid17 finding 1: an answer kept in New York read its moment in the
computer's zone, so shown in Kolkata it said another time, often another day).
Real window, real SQLCipher journals in tmp_path, keys typed into the answering page;
the expected wall times come from ``zoneinfo``."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from alembic import command
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.domain.together.items import Side
from journal.storage import migrate
from journal.storage.together.answers import CoupleAnswers
from journal.storage.together.shared import SharedItems
from tests.couples import BOTH_ANSWERED
from tests.time_zones import in_zone
from tests.ui.together.support import open_together, seeded, together

NEW_YORK = "America/New_York"
KOLKATA = "Asia/Kolkata"


def _said(moment: datetime, zone: str) -> str:
    wall = moment.astimezone(ZoneInfo(zone))
    return f"{wall:%A} {wall.day} {wall:%B %Y}, {wall:%H:%M} {wall.tzname()}"


def test_an_answer_typed_in_new_york_reads_new_york_time_in_kolkata(qtbot, unlocked_window, store):
    window = unlocked_window
    folder = seeded(window, store)
    area = together(window)
    with in_zone(NEW_YORK):
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        button = area.start.prompts_button
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        qtbot.waitUntil(area.answers.isVisible)
        answers = area.answers
        answers.prompt.setCurrentIndex(answers.prompt.findData(BOTH_ANSWERED))
        answers.text.setFocus()
        qtbot.keyClick(answers.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(answers.text, "The walks we took in the evening.")
        answers.keep_button.setFocus()
        qtbot.keyClick(answers.keep_button, Qt.Key.Key_Space)
        (_text, kept_at, zone) = SharedItems(window.journal.db, Side.OWNER, "Sam").answers(
            {BOTH_ANSWERED}
        )[BOTH_ANSWERED]
        assert zone == NEW_YORK
        qtbot.keyClick(answers.back_button, Qt.Key.Key_Space)
    with in_zone(KOLKATA):
        area = open_together(qtbot, window, folder)
        tabs = area.session_page.tabs
        qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentWidget() is area.session_page.prompts
        (shown,) = [
            w
            for w in area.session_page.prompts.findChildren(QLabel)
            if w.text() == "The walks we took in the evening."
        ]
        # Its New York day and time, named EST or EDT: not the Kolkata one.
        assert shown.accessibleDescription().endswith(f"answer, {_said(kept_at, NEW_YORK)}")


def test_an_answer_kept_before_zones_takes_the_zone_its_journal_was_written_in(journal):
    """Migration 0025 gives an answer kept before it the zone of the journal's zoned
    record nearest in time (here an entry written in New York)."""
    import dataclasses
    from datetime import UTC

    from journal.domain.entries.entry import new_entry
    from journal.storage.entries.repository import EntryRepository

    entry = dataclasses.replace(
        new_entry(datetime(2026, 11, 1, 2, 0, tzinfo=UTC)), body="ours", zone=NEW_YORK
    )
    EntryRepository(journal.db).save(entry)
    with in_zone(KOLKATA):
        CoupleAnswers(journal.db).answer(BOTH_ANSWERED, "here")
    config = migrate._config()
    with journal.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0024_response_zone")  # as a journal of before 0025 was
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)
    (_text, _at, zone) = SharedItems(journal.db, Side.OWNER, "Sam").answers({BOTH_ANSWERED})[
        BOTH_ANSWERED
    ]
    assert zone == NEW_YORK

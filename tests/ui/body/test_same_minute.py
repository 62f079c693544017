"""Two logs saved for the same minute are both kept and both shown in Past logs (break
test of session 14, a lead: a "Spotting" log saved at 22:02 after a very heavy log
at 22:02 was said to be saved, but Past logs seemed to show only the very heavy one).

Each log has its own id (a UUID) and the journal keeps every row; Past logs lists
them all, newest first. In the tester's event log the last look at Past logs came
before that Save (22:11:26-43; the Save was at 22:11:58), so this guards the rule
rather than a fault found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.body.log import BleedingLevel
from journal.ui.common.dates import time_format
from tests.ui.body import support as support
from tests.ui.body.support import saved_logs, tab_to

body_area = support.body_area
BOTH = [BleedingLevel.SPOTTING, BleedingLevel.VERY_HEAVY]


def _save(qtbot, form, bleeding: str, temperature: str = "", minute: str = "") -> None:  # type: ignore[no-untyped-def]
    form.time.setFocus()
    qtbot.waitUntil(form.time.hasFocus)
    if minute:
        qtbot.keyClick(form.time, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(form.time, minute)
    tab_to(qtbot, form.bleeding)
    # A list's type-ahead adds keys typed within this interval to the last search, so
    # "Spotting" typed right after "Very heavy" read "Very heavySpotting" and chose
    # nothing; a person's second log comes later than that.
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(form.bleeding, bleeding)
    if temperature:
        form.temperature.setFocus()
        qtbot.keyClicks(form.temperature, temperature)
    # Ctrl+Enter saves from the field she is in (Enter in Bleeding opens its list).
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_second_log_in_the_same_minute_is_kept_and_shown(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    _save(qtbot, form, "Very heavy", "38.5")
    first = saved_logs(journal)
    assert len(first) == 1, form.problem_text()
    shown_first = first[0]
    same = form.time.dateTime()
    same.setSecsSinceEpoch(int(shown_first.logged_at.timestamp()) // 60 * 60)
    minute = same.toString(time_format())
    _save(qtbot, form, "Spotting", minute=minute)
    assert "Saved the log" in form.status.text(), form.problem_text()
    logs = saved_logs(journal)
    assert sorted(log.bleeding for log in logs) == BOTH
    minutes = {log.logged_at.replace(second=0, microsecond=0) for log in logs}
    assert len(minutes) == 1  # the same minute, two logs, neither merged nor replaced
    assert logs[0].id != logs[1].id
    model = body_area.past.model
    shown = [model.log_at(row).bleeding for row in range(model.rowCount())]
    assert sorted(shown) == BOTH

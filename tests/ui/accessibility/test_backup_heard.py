"""The daily backup, which the person did not ask for, is said once, when it is done,
from the line that shows those words (it was said as it started and again in the
same instant as it ended, both from a line named "Backing up your journal…")."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from journal.ui.safekeeping.backup import BackupIndicator


def test_the_daily_backup_is_said_once_when_it_is_done(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    window = unlocked_window
    daily, indicator = window.daily_backup, window.backup_indicator
    assert daily is not None and isinstance(indicator, BackupIndicator)
    a11y_events.clear()
    with qtbot.waitSignal(daily.running, timeout=5_000):
        daily.run_now()
    assert indicator.isVisible() and indicator.text.text() == BackupIndicator.RUNNING
    qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    assert a11y_events.announcements() == [BackupIndicator.DONE]
    (said,) = [e for e in a11y_events.events if e.kind == QAccessible.Event.Announcement]
    assert said.source is indicator.text and indicator.text.text() == BackupIndicator.DONE

"""The daily backup through the real window: a quiet line in the status bar while it
runs off the GUI thread, typing reaching the editor meanwhile, then every check."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.safekeeping.backups import list_backups, pending
from journal.ui.safekeeping.backup import BackupIndicator


def test_the_daily_backup_shows_a_quiet_line_and_never_blocks_typing(qtbot, unlocked_window):
    window = unlocked_window
    daily, indicator = window.daily_backup, window.backup_indicator
    assert daily is not None and isinstance(indicator, BackupIndicator)
    assert not indicator.isVisible()
    entries = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    editor = entries.editor.body
    with qtbot.waitSignal(daily.running, timeout=5_000) as started:
        daily.run_now()  # as the timer does a minute after the unlock
    assert started.args == [True]
    assert indicator.isVisible() and indicator.text.text() == "Backing up your journal…"
    assert not indicator.text.accessibleName()  # the words are what is read
    assert editor.hasFocus()  # the line never takes the focus
    qtbot.keyClicks(editor, "typed while the backup runs")
    assert "typed while the backup runs" in editor.toPlainText()
    qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    assert not indicator.isVisible()
    (backup,) = list_backups(window.journal.folder)
    assert not pending(backup)  # the structural checks ran after, on the worker
    with qtbot.assertNotEmitted(daily.running):
        daily.start(window.journal)
        daily.run_now()  # backed up and checked today: nothing shown or said
    assert not indicator.isVisible()


def test_a_days_backup_found_damaged_is_removed_made_again_and_told(qtbot, unlocked_window):
    """Break test 16, N9: the day's only full backup failed its later check and was
    deleted, no new one was taken (the day counted as done), and the words said a
    backup "could not be made just now"."""
    from journal.storage.safekeeping.backups import PENDING

    window = unlocked_window
    daily = window.daily_backup
    assert daily is not None
    daily.run_now()
    qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    (first,) = list_backups(window.journal.folder)
    (first.folder / PENDING).touch()  # as a copy taken at lock waits for its check
    with open(first.database, "r+b") as data:  # and bit rot in its second page
        data.seek(4096 + 200)
        byte = data.read(1)
        data.seek(4096 + 200)
        data.write(bytes([byte[0] ^ 0xFF]))
    daily.start(window.journal)  # the next unlock
    with qtbot.waitSignal(daily.told, timeout=60_000) as told:
        daily.run_now()
    qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    said = told.args[0]
    assert "did not pass its check" in said and "so Solace removed it" in said
    assert "A new backup of your journal as it is now was made and checked." in said
    (again,) = list_backups(window.journal.folder)
    assert again.folder != first.folder and not pending(again)

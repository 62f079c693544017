"""Settings checks the kept backups on a worker thread (issue 16: backups and their
verification run off the GUI thread and never block typing).

Reading every page of each kept backup took about 0.27 s per backup of a 100k-entry
journal on the GUI thread, the first time Settings opened in a process. Now Settings
says at once that they are being checked, and their count once the worker is done; a
damaged one is still found and marked, and a lock while they are checked stops the
worker before the journal's key is forgotten. Real encrypted files, the real window.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import shiboken6

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.backups import DAMAGED, list_backups
from journal.ui.safekeeping.backup import CHECKING, BackupsPanel
from journal.ui.shell.main_window import MainWindow
from tests.storage.safekeeping.helpers import write_entries
from tests.storage.safekeeping.test_restore_keeps import flip_a_middle_byte

CHECK_WAIT_MS = 60_000  # returns as soon as the worker is done; wide for a loaded machine


def kept_backups(journal: OpenJournal, earlier_days: int = 4) -> list[Path]:
    """A backup of ``journal`` (with 300 entries) and copies of it dated on
    ``earlier_days`` days before, as a person using the journal every day keeps: every
    one of them a real encrypted file. Returns their folders, oldest first."""
    write_entries(journal, 300)
    newest = journal.backup(Reason.DAILY)
    for days in range(1, earlier_days + 1):
        stamp = (newest.taken_at - timedelta(days=days)).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copytree(newest.folder, newest.folder.parent / f"{stamp}-daily")
    folders = [backup.folder for backup in list_backups(journal.folder)]
    assert len(folders) == earlier_days + 1
    return folders


def open_settings(window: MainWindow) -> BackupsPanel:
    window.show_settings()
    assert window.settings_dialog is not None
    panel = window.settings_dialog.findChild(BackupsPanel)
    assert isinstance(panel, BackupsPanel)
    return panel


def test_settings_says_at_once_that_it_checks_the_backups_then_how_many_are_kept(
    qtbot, unlocked_window
):
    window = unlocked_window
    kept_backups(window.journal)

    panel = open_settings(window)

    # Shown before a page is read: the check runs on a worker and its end comes back
    # through the event loop, which has not run since Settings opened.
    assert panel.status.text().splitlines()[0] == CHECKING
    assert panel.checking
    qtbot.waitUntil(lambda: not panel.checking, timeout=CHECK_WAIT_MS)
    said = panel.status.text()
    assert said.startswith("Newest backup:") and "(5 kept" in said
    assert CHECKING not in said
    panel.refresh()  # checked once in this process: said at once from now on
    assert not panel.checking and panel.status.text() == said


def test_a_damaged_kept_backup_found_by_the_check_is_marked_and_not_counted(
    qtbot, unlocked_window
):
    window = unlocked_window
    folders = kept_backups(window.journal)
    flip_a_middle_byte(folders[1] / "journal.db")  # bit rot in a backup of days ago

    panel = open_settings(window)

    assert panel.status.text().splitlines()[0] == CHECKING
    qtbot.waitUntil(lambda: not panel.checking, timeout=CHECK_WAIT_MS)
    assert "(4 kept" in panel.status.text()
    assert [(folder / DAMAGED).exists() for folder in folders] == [
        False,
        True,
        False,
        False,
        False,
    ]


def test_a_lock_while_the_backups_are_checked_stops_the_worker_and_judges_nothing(
    qtbot, unlocked_window
):
    window = unlocked_window
    folders = kept_backups(window.journal, earlier_days=6)
    panel = open_settings(window)
    assert panel.status.text().splitlines()[0] == CHECKING and panel.checking

    window.lock()  # Ctrl+L, idle or closing: the worker stops and wipes its key first

    assert window.is_locked and window.journal is None
    assert not panel.checking
    # The worker's end, queued for the panel, then the panel's deletion come in the
    # event loop: neither reads the locked journal nor raises.
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel), timeout=CHECK_WAIT_MS)
    # A backup whose check the lock cut short is judged at the next look, not marked.
    assert not any((folder / DAMAGED).exists() for folder in folders)

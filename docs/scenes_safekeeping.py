"""Screenshots of Safekeeping: Settings' backups, a restore from the lock screen, an
import's preview, and a damaged journal found at unlock. Each scene returns the
dialog it opened, grabbed in place of the window."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from scenes_journal import _fill
from screenshots import PASSPHRASE, settle, unlock, wait_until

from journal.domain.common.file_names import backup_file_name
from journal.domain.safekeeping.rotation import Reason
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.lock.store import JournalStore
from journal.ui.common.local_time import today_local
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.import_dialog import ImportDialog
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from journal.ui.shell.main_window import MainWindow


def _written_and_locked(window: MainWindow, days: int, *reasons: Reason) -> Path:
    """Unlock the first journal, write ``days`` of entries, take a backup for each of
    ``reasons``, lock; returns the journal's folder."""
    unlock(window)
    _fill(window, days)
    journal = window.journal
    assert journal is not None
    for reason in reasons:
        journal.backup(reason)
    window.lock()
    settle()
    return journal.folder


def backups(window: MainWindow, store: JournalStore) -> QWidget | None:
    """Settings after Back up now… to a folder on a USB drive: when and where."""
    unlock(window)
    _fill(window, 30)
    window.show_settings()
    settle()
    dialog = window.settings_dialog
    assert dialog is not None
    panel = dialog.findChild(BackupsPanel)
    assert panel is not None
    usb = Path(tempfile.mkdtemp(prefix="USB-drive-"))
    panel.back_up_to(usb / backup_file_name(today_local()))  # the name offered
    wait_until(lambda: not panel.working and not panel.checking)
    settle()
    for area in dialog.findChildren(QScrollArea):  # down to what the backup came to
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    settle()
    return dialog


def restore(window: MainWindow, store: JournalStore) -> QWidget | None:
    """Restore a backup… from the lock screen, with the backups Solace kept."""
    _written_and_locked(window, 10, Reason.DAILY, Reason.BEFORE_IMPORT)
    window.lock_screen.unlock_page.restore_button.click()
    wait_until(lambda: isinstance(QApplication.activeModalWidget(), RestoreDialog), 10)
    return QApplication.activeModalWidget()


def import_preview(window: MainWindow, store: JournalStore) -> QWidget | None:
    """Import… of a Day One export: the preview before anything is written."""
    unlock(window)
    entries = [
        {
            "uuid": f"5E1F{n:04d}",
            "creationDate": f"2024-0{3 + n // 3}-{10 + n}T21:15:00Z",
            "timeZone": "Europe/Dublin",
            "text": f"Evening walk by the sea, day {n + 1}\\. The light was kind\\.",
            "tags": ["walking"],
            "starred": n == 2,
        }
        for n in range(6)
    ]
    entries[4]["photos"] = [{"identifier": "1"}]
    made = Path(tempfile.mkdtemp()) / "Journal.json"
    made.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": entries}))
    assert window.journal is not None
    dialog = ImportDialog(window.journal, window)
    dialog.open()
    dialog.choose(made)
    wait_until(dialog.import_button.isEnabled, 30)
    settle()
    return dialog


def damaged(window: MainWindow, store: JournalStore) -> QWidget | None:
    """Unlock of a journal with a damaged page: what was found, and what can help."""
    database = _written_and_locked(window, 40, Reason.DAILY) / DATABASE_NAME
    raw = bytearray(database.read_bytes())
    raw[len(raw) // 2] ^= 0x08  # bit rot in a middle page
    database.write_bytes(bytes(raw))
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    wait_until(lambda: window.is_locked and page.unlock_button.isEnabled(), 30)
    settle(2000)  # what was found is said on the lock screen
    return None


SCENES = {
    "safekeeping-backups": (backups, 1),
    "safekeeping-restore": (restore, 2),
    "safekeeping-import-preview": (import_preview, 1),
    "safekeeping-damaged": (damaged, 1),
}

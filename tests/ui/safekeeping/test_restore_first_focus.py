"""The Restore dialog opens with the focus where the person starts: the passphrase
when a backup is offered, "Choose a backup file…" when there is none to restore
(issue 15 break test of session 25, F3: the passphrase had the focus over "No backups
yet: choose a backup file", and a passphrase typed first had nothing to open)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.safekeeping.restore_dialog import RestoreDialog


def _opened(qtbot, store: JournalStore, journal: OpenJournal) -> RestoreDialog:  # type: ignore[no-untyped-def]
    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def test_with_no_backup_the_focus_is_on_choosing_a_file(qtbot, store, journal) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, store, journal)
    assert dialog.choices.currentRow() == -1  # "No backups yet: choose a backup file"
    assert QApplication.focusWidget() is dialog.file_button
    chosen: list[bool] = []
    dialog.file_button.clicked.disconnect()
    dialog.file_button.clicked.connect(lambda: chosen.append(True))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the next thing to do
    assert chosen == [True]


def test_with_a_backup_the_focus_is_on_the_passphrase(qtbot, store, journal) -> None:  # type: ignore[no-untyped-def]
    journal.backup(Reason.MANUAL)
    dialog = _opened(qtbot, store, journal)
    assert dialog.choices.currentRow() == 0
    assert QApplication.focusWidget() is dialog.passphrase

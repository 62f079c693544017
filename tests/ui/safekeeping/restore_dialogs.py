"""A Restore dialog shown for a journal just locked: the set-up the Restore dialog tests
share (real widgets, real SQLCipher journals)."""

from __future__ import annotations

from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.safekeeping.restore_dialog import RestoreDialog


def shown_restore_dialog(qtbot, store: JournalStore, journal: OpenJournal) -> RestoreDialog:  # type: ignore[no-untyped-def]
    """Lock ``journal`` (of ``store``) and show the Restore dialog for it, as the lock
    screen's Restore a backup… does; returns the dialog once it is on screen."""
    folder = journal.folder
    journal.lock()
    dialog = RestoreDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog

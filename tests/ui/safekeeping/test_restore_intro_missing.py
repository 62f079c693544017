"""The Restore dialog says what restoring keeps aside, and promises nothing that does
not happen (break test 16 of session 24, F7): with the journal's database file
(journal.db) gone, it still said "Your journal as it is now is kept aside as a backup
first, so this can be undone", though no journal file was there to keep. Real
SQLCipher journals."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from journal.domain.safekeeping.rotation import Reason
from journal.errors import JournalDamaged
from journal.storage.lock.vault import DATABASE_NAME
from journal.ui.safekeeping.restore_dialog import DATABASE_MISSING_INTRO, INTRO, RestoreDialog
from tests.conftest import PASSPHRASE


def _said(dialog: RestoreDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def test_with_journal_db_missing_restore_promises_no_copy_of_it(qtbot, store, journal):
    folder = journal.folder
    journal.backup(Reason.DAILY)
    journal.lock()
    (folder / DATABASE_NAME).unlink()
    with pytest.raises(JournalDamaged) as found:
        store.unlock(folder, PASSPHRASE)
    dialog = RestoreDialog(store, folder, problem=found.value.message)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    said = _said(dialog)
    assert DATABASE_MISSING_INTRO in said
    assert "so this can be undone" not in said and INTRO not in said


def test_over_a_journal_that_is_there_restore_says_it_is_kept_aside(qtbot, store, journal):
    folder = journal.folder
    journal.lock()
    dialog = RestoreDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert INTRO in _said(dialog) and DATABASE_MISSING_INTRO not in _said(dialog)

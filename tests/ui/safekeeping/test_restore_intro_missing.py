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
from journal.storage.journal_files import DATABASE_NAME
from journal.ui.common.local_time import today_local
from journal.ui.safekeeping.restore_dialog import RestoreDialog, intro_words
from tests.conftest import PASSPHRASE

NAME = "Test journal"  # the `journal` fixture's


def _shown(qtbot, dialog: RestoreDialog) -> RestoreDialog:  # type: ignore[no-untyped-def]
    """``dialog`` on screen (and closed with the test)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _said(dialog: RestoreDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def test_with_journal_db_missing_restore_promises_no_copy_of_it(qtbot, store, journal):
    folder = journal.folder
    journal.backup(Reason.DAILY)
    journal.lock()
    (folder / DATABASE_NAME).unlink()
    with pytest.raises(JournalDamaged) as found:
        store.unlock(folder, PASSPHRASE)
    dialog = _shown(qtbot, RestoreDialog(store, folder, problem=found.value.message))

    said = _said(dialog)
    assert intro_words(folder, name=NAME) in said
    assert "whose database file is missing" in said and "so this can be undone" not in said


def test_over_a_journal_that_is_there_restore_says_it_is_kept_aside(qtbot, store, journal):
    folder = journal.folder
    journal.lock()
    dialog = _shown(qtbot, RestoreDialog(store, folder))
    said = _said(dialog)
    assert intro_words(folder, name=NAME) in said and "so this can be undone" in said
    assert "whose database file is missing" not in said


def test_over_damaged_files_restore_promises_no_undo(qtbot, store, journal):
    """Break test 16 of session 25, F4: over a journal whose database is damaged, the
    dialog said "…kept aside as a backup first, so this can be undone", and the
    question before restoring said the damaged files could never be restored."""
    from tests.storage.safekeeping.helpers import flip_a_middle_bit, write_entries

    folder = journal.folder
    write_entries(journal, 40)
    journal.backup(Reason.DAILY)
    journal.lock()
    flip_a_middle_bit(folder / DATABASE_NAME)
    with pytest.raises(JournalDamaged) as found:
        store.unlock(folder, PASSPHRASE)
    dialog = _shown(
        qtbot, RestoreDialog(store, folder, problem=found.value.message, rescue_offered=True)
    )
    said = _said(dialog)
    assert intro_words(folder, damaged=True, name=NAME) in said
    assert "cannot be restored" in said and "can be undone" not in said


def test_a_chosen_backup_file_of_this_journal_says_when_it_was_made(
    qtbot, store, journal, tmp_path
):
    """Break test 16 of session 25, F6: the row of a chosen file of this journal was
    only its name, while another journal's file said when it was made."""
    from tests.storage.safekeeping.test_restore_credentials import backup_file

    usb = tmp_path / "usb"
    usb.mkdir()
    made = backup_file(journal, usb)
    folder = journal.folder
    journal.lock()
    dialog = _shown(qtbot, RestoreDialog(store, folder))
    dialog.choose_file(made)
    row = dialog.choices.item(0).text()
    assert row.startswith(f"Backup file: {made.name}, from ")
    assert str(today_local().year) in row

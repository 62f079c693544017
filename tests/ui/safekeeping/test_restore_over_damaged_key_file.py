"""Restore a backup… from the lock screen when only the journal's key file is damaged
(break test 16 of session 19, finding 1): the passphrase opens the journal as it is,
through the copy of the key file kept with the backups, yet the restore replaced it
without a question, dropping the words written after the backup, and then called the
copy kept aside damaged files that "cannot be restored". The real window, real
SQLCipher journals, a key file damaged as the break test damaged it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.storage.safekeeping.test_damaged_backup_file import spoil_a_slot
from tests.ui.safekeeping.restore_dialogs import asked, declined_then_restored
from tests.ui.safekeeping.test_restore_flow import restore_dialog

CANARY = "Words while key damaged: thistlecanary"


def key_damaged_after_words(qtbot, store, window):  # type: ignore[no-untyped-def]
    """The one journal: 3 entries, a backup asked for, an entry more, locked; then its
    key file damaged on the disk, and the lock screen shown afresh. Returns the unlock
    page."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    journal.backup(Reason.MANUAL)
    entry = new_entry(datetime.now(UTC))
    EntryRepository(journal.db).save(dataclasses.replace(entry, body=CANARY))
    journal.lock()
    spoil_a_slot(info.folder)
    window.lock_screen.show_start()
    return window.lock_screen.unlock_page


def test_the_damaged_key_page_says_the_passphrase_opens_the_journal_as_it_is(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    page = key_damaged_after_words(qtbot, store, window)
    said = page.problem.text()
    assert "Your passphrase opens this journal as it is, with every word in it" in said
    assert "nothing is lost" in said


def test_restore_over_a_damaged_key_file_asks_first_and_keeps_the_newer_words_restorable(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    page = key_damaged_after_words(qtbot, store, window)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    question = asked(qtbot, dialog)
    assert question.text() == "Restore a backup older than your latest words?"
    words = question.informativeText()
    assert "Your passphrase opens your journal as it is, with those words" in words
    assert "where Restore… can bring it back" in words
    declined_then_restored(qtbot, dialog, window)
    assert EntryRepository(window.journal.db).count() == 3  # the backup, as agreed
    (note,) = window.notices.texts()
    assert "cannot be restored" not in note
    assert "with anything written after that backup" in note
    assert "choose it in Restore… to undo this restore" in note

    # The copy kept aside is offered as the note says, and brings the words back.
    folder = window.journal.folder
    window.lock()
    window.lock_screen.show_start()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    rows = [dialog.choices.item(n) for n in range(dialog.choices.count())]
    (aside,) = [row for row in rows if "just before a restore" in row.text()]
    assert aside.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "choose it to undo that restore" in aside.text()
    dialog.choices.setCurrentItem(aside)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert window.journal.folder == folder
    assert EntryRepository(window.journal.db).count() == 4  # the newer entry is back

"""Damage found at unlock in a journal holding words written after its newest backup
(break test 16 of session 15, finding 6): "Restore a backup…", the focused default,
restored the backup of 02:08 and dropped the entry of 02:10 with nothing said, then
promised "Restore… can bring it back" of a damaged copy it refused. The real window,
a real SQLCipher file damaged by a flipped bit."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.confirm import Question
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.safekeeping.restore_dialogs import asked, declined_then_restored
from tests.ui.safekeeping.test_restore_flow import damaged_at_unlock, restore_dialog

CANARY = "Limecanary written after the newest backup"


def newer_than_its_backup(store) -> None:  # type: ignore[no-untyped-def]
    """The one journal: 120 entries, a daily backup, then one entry more."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 120)
    journal.backup(Reason.DAILY)
    entry = new_entry(datetime.now(UTC))
    EntryRepository(journal.db).save(dataclasses.replace(entry, body=CANARY))
    journal.lock()


def test_the_damage_page_offers_rescue_first_and_says_what_a_restore_leaves(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    newer_than_its_backup(store)
    (info,) = store.journals()
    page = damaged_at_unlock(qtbot, window, info.folder)
    said = page.error.text()
    assert page.rescue_button.isVisible() and page.rescue_button.hasFocus()
    assert "The newest backup is from " in said
    assert "anything written after it is only in Rescue what can be read… (it keeps" in said
    assert "your latest words too" in said


def test_restore_over_newer_words_asks_first_and_never_promises_an_undo_it_cannot_do(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    newer_than_its_backup(store)
    (info,) = store.journals()
    page = damaged_at_unlock(qtbot, window, info.folder)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    question = asked(qtbot, dialog)
    assert "Anything written after the backup is not in it" in question.informativeText()
    assert "Rescue what can be read… keeps those words" in question.informativeText()
    # The files' time may be the damage's own (break test 16 of session 19, finding 5).
    # Nor need it be words: a clean quit writes to them too (16-s20, L1).
    assert (
        "by your writing, by Solace as it closed them, or by whatever damaged them"
        in question.informativeText()
    )
    declined_then_restored(qtbot, dialog, window)
    assert window.journal is not None
    assert EntryRepository(window.journal.db).count() == 120  # the backup, as agreed
    (note,) = window.notices.texts()
    assert "can bring it back" not in note
    assert "being damaged, they cannot be restored" in note


def test_over_files_with_nothing_to_rescue_restore_goes_ahead_without_sending_her_to_rescue(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, finding 4: over a journal.db emptied to 0 bytes
    (nothing a rescue could read, so no Rescue what can be read… on the page), Restore
    asked "Restore a backup older than your latest words?", sent her to that Rescue,
    and its default stopped the restore."""
    newer_than_its_backup(store)
    (info,) = store.journals()
    (info.folder / "journal.db").write_bytes(b"")
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert "empty (0 bytes)" in page.error.text() and not page.rescue_button.isVisible()

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.question is None  # nothing asked: the backup is all there is to read
    assert window.journal is not None
    assert EntryRepository(window.journal.db).count() == 120


def test_a_wrong_passphrase_is_said_before_the_question_is_asked(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 20, L1: with a wrong passphrase, "Restore a backup older
    than your latest words?" was asked, and the passphrase said wrong only after
    "Restore anyway". It is checked first (reading only), said at once, and the question
    is asked of the right one; declined, it is asked again at the next Restore."""
    from journal.storage.safekeeping.restore import NotTheCurrentPassphrase

    newer_than_its_backup(store)
    (info,) = store.journals()
    page = damaged_at_unlock(qtbot, window, info.folder)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase at all")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() == str(NotTheCurrentPassphrase()), timeout=20_000)
    assert dialog.question is None  # nothing asked of a passphrase that cannot restore
    assert dialog.passphrase.hasFocus() and dialog.passphrase.selectedText()
    assert window.journal is None and not dialog.restoring

    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)  # typed over the wrong one
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    question = asked(qtbot, dialog)
    assert question.text() == "Restore a backup older than your latest words?"
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # not now
    qtbot.waitUntil(lambda: not question.isVisible())
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    again = asked(qtbot, dialog)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(again.yes_button, Qt.MouseButton.LeftButton)
        shown = [q for q in dialog.findChildren(Question) if q.isVisible() and q is not again]
        assert shown == []  # one question at a time
    assert EntryRepository(window.journal.db).count() == 120

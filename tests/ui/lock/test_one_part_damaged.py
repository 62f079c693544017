"""The lock screen over a key file with one part damaged (break test 14 of session 11,
finding 1): it showed no passphrase field and no "Use recovery key…", and said that
neither could open the journal, though the intact recovery key would. It now names
the journal, says which part is damaged, offers the credential that still opens it,
and the usual steps after that unlock mend the damaged part."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import read_header
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.lock.test_one_part_damaged import damage, made
from tests.storage.lock.test_one_slot_damaged import damage_slot, put
from tests.ui.lock.test_screen import make_window

NEW = "a fresh new passphrase for Lily"


def offered(win, page) -> list[str]:  # type: ignore[no-untyped-def]
    """The ways in the unlock page shows."""
    offers = (page.passphrase, page.unlock_button, page.recovery_button, page.restore_button)
    return [w.accessibleName() or w.text() for w in offers if w.isVisibleTo(win)]


def test_a_damaged_passphrase_part_offers_the_recovery_key_which_mends_it(qtbot, data_dir):  # type: ignore[no-untyped-def]
    store = JournalStore(data_dir)
    folder, recovery = made(store)
    damage(folder, ["passphrase"], {"iterations": 0}, checksum=True)

    win = make_window(qtbot, data_dir)
    screen = win.lock_screen
    page = screen.unlock_page
    assert screen.currentWidget() is page
    said = page.problem.text()
    assert page.problem.isVisibleTo(win)
    assert "The passphrase part of this journal's key file" in said
    assert "your recovery key can still open this journal" in said.lower()
    assert "neither" not in said and "!" not in said
    assert offered(win, page) == ["Use recovery key…", "Restore a backup…"]
    assert page.chosen_name() == "Lily's journal"
    assert page.first_control() is page.recovery_button  # where the focus goes

    qtbot.keyClick(page.recovery_button, Qt.Key.Key_Return)  # Enter: the way that can help
    assert screen.currentWidget() is screen.recovery_page
    assert "“Lily's journal”" in screen.recovery_page.whose.text()
    qtbot.keyClicks(screen.recovery_page.key, recovery)
    qtbot.mouseClick(screen.recovery_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )
    fields = screen.new_passphrase_page.passphrase
    qtbot.keyClicks(fields.first, NEW)
    qtbot.keyClicks(fields.second, NEW)
    qtbot.waitUntil(screen.new_passphrase_page.ready)  # rated at a pause
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(screen.new_passphrase_page.save_button, Qt.MouseButton.LeftButton)
    win.lock()

    assert all(slot.usable for slot in read_header(folder).slots)  # written afresh
    assert not page.problem.isVisibleTo(win)
    assert offered(win, page) == [
        "Passphrase",
        "Unlock",
        "Use recovery key…",
        "Restore a backup…",
    ]
    store.unlock(folder, NEW).lock()


def test_a_damaged_recovery_part_opens_with_the_passphrase_and_shows_a_new_key(  # type: ignore[no-untyped-def]
    qtbot, data_dir
):
    store = JournalStore(data_dir)
    folder, _recovery = made(store)
    damage(folder, ["recovery"], {"memory_kib": 4294967296}, checksum=False)

    win = make_window(qtbot, data_dir)
    screen = win.lock_screen
    page = screen.unlock_page
    assert "recovery-key part of this journal's key file" in page.problem.text()
    assert offered(win, page) == ["Passphrase", "Unlock", "Restore a backup…"]

    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    reason = screen.key_page.reason.text()
    assert screen.key_page.reason.isVisible()
    assert "the recovery key you had no longer opens this journal" in reason
    assert "Here is a new recovery key" in reason
    new_key = screen.key_page.recovery_key
    assert new_key
    screen.key_page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(screen.key_page.continue_button, Qt.MouseButton.LeftButton)
    win.lock()
    assert all(slot.usable for slot in read_header(folder).slots)
    store.unlock_with_recovery_key(folder, new_key).lock()


def test_both_parts_damaged_is_refused_as_before(qtbot, data_dir):  # type: ignore[no-untyped-def]
    store = JournalStore(data_dir)
    folder, _recovery = made(store)
    damage(folder, ["passphrase", "recovery"], {"iterations": 0}, checksum=True)
    win = make_window(qtbot, data_dir)
    page = win.lock_screen.unlock_page
    assert "neither the passphrase nor the recovery key" in page.problem.text()
    assert offered(win, page) == ["Restore a backup…"]


def test_an_empty_salt_in_the_passphrase_part_is_named_and_the_recovery_key_opens(  # type: ignore[no-untyped-def]
    qtbot, data_dir
):
    """An empty salt in the passphrase slot gave "Something went wrong on Solace's side"
    at unlock while the list showed nothing wrong (break test 14 of session 11, second
    round, finding 1): the screen now says which part is damaged and how, and offers
    the recovery key, which opens the journal."""
    store = JournalStore(data_dir)
    folder, recovery = made(store)
    damage_slot(folder, "passphrase", put("salt", ""))

    win = make_window(qtbot, data_dir)
    screen = win.lock_screen
    page = screen.unlock_page
    said = page.problem.text()
    assert page.problem.isVisibleTo(win)
    assert "The passphrase part of this journal's key file" in said
    assert "its salt is 0 bytes long" in said
    assert "your recovery key can still open this journal" in said.lower()
    assert "went wrong" not in said
    assert offered(win, page) == ["Use recovery key…", "Restore a backup…"]

    qtbot.keyClick(page.recovery_button, Qt.Key.Key_Return)
    assert screen.currentWidget() is screen.recovery_page
    qtbot.keyClicks(screen.recovery_page.key, recovery)
    qtbot.keyClick(screen.recovery_page.key, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )


def test_a_journal_whose_passphrase_part_is_damaged_is_removed_with_its_recovery_key(
    qtbot, data_dir
):  # type: ignore[no-untyped-def]
    """Remove a journal asked only for the passphrase, so a journal whose passphrase
    part was damaged could not be removed at all. Either credential now confirms, and
    a passphrase that opens nothing removes nothing."""
    from journal.ui.lock.security_dialogs import RemoveJournalDialog

    store = JournalStore(data_dir)
    folder, recovery = made(store)
    damage(folder, ["passphrase"], {"iterations": 0}, checksum=True)
    dialog = RemoveJournalDialog(store, folder, "Lily's journal")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.passphrase.accessibleName() == "Passphrase or recovery key"

    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=UNLOCK_WAIT_MS)
    assert "neither this journal\u2019s passphrase nor its recovery key" in dialog.error.text()
    assert folder.exists()

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, recovery.lower())  # typed as read, in any case
    with qtbot.waitSignal(dialog.accepted, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not folder.exists()
    assert store.journals() == []

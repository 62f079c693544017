"""Restore and backups through the real window: damage found at unlock offers the
newest good backup; Settings shows the last backup, backs up to a chosen file and
restores; a new computer restores from a backup file on the welcome page."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.domain.safekeeping.rotation import Reason
from journal.settings import LAST_JOURNAL, Settings
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.restore_dialog import ANOTHER_OFFERED, NONE_OFFERED, RestoreDialog
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import flip_a_middle_bit, write_entries
from tests.ui.safekeeping.restore_dialogs import asked


def restore_dialog() -> RestoreDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreDialog)]
    assert len(found) == 1
    return found[0]


def damaged_at_unlock(qtbot, window: MainWindow, folder: Path):  # type: ignore[no-untyped-def]
    """Flip one bit in the middle of the journal's database at ``folder``, then unlock
    it from the lock screen; returns the unlock page, once it shows the damage."""
    db = folder / "journal.db"
    flip_a_middle_bit(db)
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    return page


def test_damage_at_unlock_is_told_and_the_newest_good_backup_brings_the_journal_back(
    qtbot, store, window
):
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 120)
    journal.backup(Reason.DAILY)
    journal.lock()
    page = damaged_at_unlock(qtbot, window, info.folder)
    assert "Some pages of the journal's database are damaged." in page.error.text()
    assert "Restore a backup" in page.error.text()
    assert window.is_locked
    assert page.rescue_button.hasFocus()  # it keeps every word (break test 16, S15, 6)

    # Pressed once she has paused: a key as the page appears presses nothing (issue 16).
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    qtbot.keyClick(page.restore_button, Qt.Key.Key_Space)
    dialog = restore_dialog()
    assert "damaged" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert dialog.choices.currentItem().text().startswith("The newest backup: ")
    assert "daily backup" in dialog.choices.currentItem().text()
    # A wrong passphrase: its refusal describes the passphrase, never the list of
    # backups (re-test of break test 15 of session 29, N12).
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.footer.error.isVisible(), timeout=20_000)
    said = dialog.footer.error.text()
    assert dialog.passphrase.accessibleDescription() == said
    assert said not in dialog.choices.accessibleDescription()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # Its file was changed after the backup (the damage itself wrote to it): asked first.
    question = asked(qtbot, dialog)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    assert window.journal is not None
    assert EntryRepository(window.journal.db).count() == 120
    # Said, not only done (break test 16 of the eighth session, finding 6): which
    # backup came back, and where the journal as it was went.
    (note,) = window.notices.texts()
    assert note.startswith("Your journal was restored from the backup of ")
    assert "(daily backup)" in note
    assert "kept aside, unchanged, among its backups" in note
    assert "being damaged, they cannot be restored" in note


def test_a_damaged_journal_is_restored_with_its_recovery_key_then_a_new_passphrase(
    qtbot, store, window
):
    """Break test 16 of session 9, finding 13: the restore's passphrase field refused
    the journal's valid recovery key, with an error saying a recovery key would do;
    a person restoring because the passphrase is forgotten had no way through."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    recovery = journal.new_recovery_key()
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    write_entries(journal, 12)
    journal.backup(Reason.DAILY)
    journal.lock()
    screen = window.lock_screen
    page = damaged_at_unlock(qtbot, window, info.folder)
    # Pressed once she has paused: a key as the page appears presses nothing (issue 16).
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    qtbot.keyClick(page.restore_button, Qt.Key.Key_Space)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, recovery.lower())
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    question = asked(qtbot, dialog)  # the damaged file was changed after the backup
    qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )
    fields = screen.new_passphrase_page.passphrase
    qtbot.keyClicks(fields.first, "a fresh new passphrase")
    qtbot.keyClicks(fields.second, "a fresh new passphrase")
    qtbot.waitUntil(screen.new_passphrase_page.ready)  # rated at a pause
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(screen.new_passphrase_page.save_button, Qt.MouseButton.LeftButton)
    assert window.journal is not None
    assert EntryRepository(window.journal.db).count() == 12
    notes = window.notices.texts()
    assert any(n.startswith("Your journal was restored from the backup of ") for n in notes)
    window.lock()
    store.unlock(info.folder, "a fresh new passphrase").lock()


def test_a_restore_confirmed_with_the_recovery_key_says_it_is_done_and_keeps_the_passphrase(
    qtbot, store, window
):
    """Break test 16 of session 20, M1: a restore confirmed with the recovery key landed
    on "Choose a new passphrase" with no way out and no word that the restore was done.
    The page now says so first, and "Keep its passphrase" opens the restored journal,
    which its old passphrase still opens."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    recovery = journal.new_recovery_key()
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    write_entries(journal, 3)
    journal.backup(Reason.DAILY)
    journal.lock()
    screen = window.lock_screen
    page = damaged_at_unlock(qtbot, window, info.folder)
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    qtbot.keyClick(page.restore_button, Qt.Key.Key_Space)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, recovery)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.mouseClick(asked(qtbot, dialog).yes_button, Qt.MouseButton.LeftButton)
    new_page = screen.new_passphrase_page
    qtbot.waitUntil(lambda: screen.currentWidget() is new_page, timeout=UNLOCK_WAIT_MS)
    assert new_page.heading.text() == "Your journal is restored"
    assert new_page.intro.text().startswith("Your backup is restored")
    assert new_page.keep_button.isVisible()
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(new_page.keep_button, Qt.MouseButton.LeftButton)
    assert EntryRepository(window.journal.db).count() == 3
    notes = window.notices.texts()
    assert any(n.startswith("Your journal was restored from the backup of ") for n in notes)
    window.lock()
    store.unlock(info.folder, PASSPHRASE).lock()
    # A recovery-key unlock on the lock screen still asks for a new one, with no keep.
    new_page.show_journal("x")
    assert new_page.heading.text() == "Choose a new passphrase"
    assert new_page.keep_button.isHidden()


def test_settings_backs_up_to_a_chosen_file_and_says_when_and_where(
    qtbot, unlocked_window, tmp_path
):
    window = unlocked_window
    window.show_settings()
    dialog = window.settings_dialog
    panel = dialog.findChild(BackupsPanel)
    assert "No backup of your journal yet" in panel.status.text()
    place = tmp_path / "usb stick"
    place.mkdir()
    panel.back_up_to(place / "journal-2026-11-30")
    qtbot.waitUntil(lambda: not panel.working, timeout=20_000)
    written = place / "journal-2026-11-30.backup"
    assert written.is_file()
    assert str(written) in panel.message.text()
    assert f"in {place}" in panel.status.text()  # said at once, before the check
    qtbot.waitUntil(lambda: not panel.checking, timeout=60_000)  # off the GUI thread
    assert "Newest backup: " in panel.status.text()
    assert not [p for p in place.iterdir() if p.name.startswith(".")]


def test_a_new_computer_restores_a_backup_file_from_the_welcome_page(qtbot, journal, tmp_path):
    from journal.storage.safekeeping.status import back_up_to

    write_entries(journal, 7)
    archive = back_up_to(journal, tmp_path / "b.solacebackup")
    journal.lock()
    data = tmp_path / "new computer"
    data.mkdir(mode=0o700)
    window = MainWindow(JournalStore(data), Settings(data), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    welcome = window.lock_screen.welcome_page
    assert window.lock_screen.currentWidget() is welcome
    qtbot.mouseClick(welcome.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "when it was made" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert EntryRepository(window.journal.db).count() == 7
    window.lock()


def test_the_lock_screen_restores_an_old_backup_file_only_with_todays_passphrase_too(
    qtbot, store, window, tmp_path
):
    """Break test of #14, finding 3: the old passphrase and an old backup file alone
    restore nothing; with today's passphrase as well the file is restored, and the
    journal keeps today's passphrase."""
    from journal.errors import WrongPassphrase
    from journal.storage.safekeeping.status import back_up_to

    new = "birch lantern echo after the change"
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    archive = back_up_to(journal, tmp_path / "old.solacebackup")
    journal.change_passphrase(new)
    write_entries(journal, 2, start=3)
    journal.lock()

    page = window.lock_screen.unlock_page
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    assert dialog.passphrase.accessibleName() == "Your passphrase now"
    assert not dialog.backup_passphrase.isVisible()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "opens this journal now" in dialog.error.text()
    assert not dialog.backup_passphrase.isVisible()

    dialog.passphrase.setText(new)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.backup_passphrase.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "when it was made" in dialog.error.text()
    assert dialog.backup_passphrase.hasFocus()
    qtbot.keyClicks(dialog.backup_passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(dialog.backup_passphrase, Qt.Key.Key_Return)
    assert EntryRepository(window.journal.db).count() == 3
    window.lock()
    store.unlock(info.folder, new).lock()
    with pytest.raises(WrongPassphrase):
        store.unlock(info.folder, PASSPHRASE)


def test_damage_at_unlock_offers_to_rescue_what_can_be_read_into_a_new_journal(
    qtbot, store, window
):
    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from tests.storage.safekeeping.helpers import digest, flip_a_middle_page_of_entries

    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 200)
    key = bytes(journal.data_key)
    journal.lock()
    flip_a_middle_page_of_entries(info.folder / "journal.db", key)
    before = digest(info.folder)
    page = window.lock_screen.unlock_page
    assert not page.rescue_button.isVisible()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "Rescue what can be read" in page.error.text()
    assert page.rescue_button.isVisible()  # beside Restore a backup…

    qtbot.mouseClick(page.rescue_button, Qt.MouseButton.LeftButton)
    dialog = window.rescue_dialog
    assert isinstance(dialog, RescueDialog)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    dialog.new_passphrase.first.setText("rescued words need a new long passphrase")
    dialog.new_passphrase.second.setText("rescued words need a new long passphrase")
    qtbot.mouseClick(dialog.footer.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.footer.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "did not open" in dialog.footer.error.text()
    assert [j.folder for j in store.journals()] == [info.folder]  # nothing made
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.footer.primary, Qt.MouseButton.LeftButton)
    key_page = window.lock_screen.key_page
    qtbot.waitUntil(
        lambda: window.lock_screen.currentWidget() is key_page or dialog.footer.error.isVisible(),
        timeout=30_000,
    )
    assert window.lock_screen.currentWidget() is key_page, dialog.footer.error.text()
    said = key_page.reason.text()
    assert "were rescued from “Test journal”" in said and "could not be read: up to" in said
    key_page.confirm.setChecked(True)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(key_page.continue_button, Qt.MouseButton.LeftButton)
    assert window.journal.info.name == "Test journal (rescued)"
    assert 0 < EntryRepository(window.journal.db).count() < 200
    assert digest(info.folder) == before  # the damaged journal is as it was, still listed
    assert info.folder in [j.folder for j in store.journals()]
    assert not list(store.data_dir.glob(".rescue-*"))  # its scratch copy is gone
    folder = window.journal.folder
    window.lock()
    again = store.unlock(folder, "rescued words need a new long passphrase")
    assert 0 < EntryRepository(again.db).count() < 200  # a journal with its own key
    again.lock()


def test_a_kept_backup_found_damaged_is_marked_and_the_next_good_one_is_offered(
    qtbot, store, window
):
    """Break test 16, N5: "The newest backup" was a damaged one; trying it said so, and
    the list still offered it first, unmarked, with no way to the good one but guessing."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 30)
    good = journal.backup(Reason.DAILY)
    write_entries(journal, 5, start=30)
    bad = journal.backup(Reason.MANUAL)
    journal.lock()
    flip_a_middle_bit(bad.database)  # bit rot in the newest backup

    window.lock_screen.unlock_page.restore_button.click()
    dialog = restore_dialog()
    assert str(bad.folder) == dialog.choices.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "damaged" in dialog.error.text() and window.is_locked
    assert dialog.error.text().endswith(ANOTHER_OFFERED)
    first = dialog.choices.currentItem()
    assert first.text().startswith("Suggested: ")  # below the newer, damaged one
    assert first.data(Qt.ItemDataRole.UserRole) == str(good.folder)
    marked = [
        dialog.choices.item(n)
        for n in range(dialog.choices.count())
        if dialog.choices.item(n).data(Qt.ItemDataRole.UserRole) == str(bad.folder)
    ]
    assert [item.text().endswith("(it cannot be restored)") for item in marked] == [True]
    assert not marked[0].flags() & Qt.ItemFlag.ItemIsEnabled
    # The focus on the list, the next good one chosen there: her choice to confirm
    # (break test 16 of session 24, F1: Enter again restored it in her place).
    assert QApplication.focusWidget() is dialog.choices
    assert "it did not pass its check" in marked[0].text()
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)
    assert EntryRepository(window.journal.db).count() == 30


def test_restore_in_settings_asks_before_it_closes_the_journal(qtbot, unlocked_window):
    """Break test 16 of the eighth session, finding 1: "Restore…" locked at once, so
    someone who only wanted to look at the backups had to type the passphrase again."""
    from journal.ui.common.confirm import Question

    window = unlocked_window
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)

    def question() -> Question:
        found = [w for w in panel.findChildren(Question) if w.isVisible()]
        assert len(found) == 1
        return found[0]

    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool([w for w in panel.findChildren(Question) if w.isVisible()]))
    asked = question()
    assert "closes your journal first" in asked.informativeText()
    qtbot.keyClick(asked, Qt.Key.Key_Escape)  # the default answer: stay
    assert not window.is_locked and window.settings_dialog is not None

    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool([w for w in panel.findChildren(Question) if w.isVisible()]))
    qtbot.mouseClick(question().yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.is_locked and window.restore_dialog is not None, timeout=UNLOCK_WAIT_MS
    )
    assert restore_dialog().isVisible()


def test_ctrl_l_during_a_restore_keeps_the_restored_journal_locked(qtbot, store, window):
    """Break test 16 of the eighth session, finding 0 (privacy): Ctrl+L while a restore
    ran did nothing, and the restored journal opened on screen seconds later."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 30)
    journal.backup(Reason.DAILY)
    journal.lock()
    # Another journal, the one opened last (break test 16 of session 9, finding 10:
    # the lock screen then showed it, and the passphrase of the one restored was
    # called wrong).
    other, _ = store.create("Another journal", PASSPHRASE + " too", LIGHT_KDF)
    other.confirm_recovery_key()
    window.settings.set(LAST_JOURNAL, other.header.journal_id)
    other.lock()
    page = window.lock_screen.unlock_page
    window.lock_screen.show_start()
    page.journal_choice.setCurrentIndex(page.journal_choice.findText(info.name))
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # the restore starts
    assert dialog.restoring
    window.lock()  # as Ctrl+L, the screen lock and the idle lock all do
    # The restore ends (its dialog closes) whatever the lock: it is crash-safe, not cut.
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=30_000)
    assert window.journal is None and window.is_locked
    assert window.lock_screen.currentWidget() is page
    assert "your journal stays locked" in page.error.text()
    assert "Your journal was restored from the backup of" in page.error.text()
    assert page.error.kind == "status"  # good news, not in the error colour
    assert page.journal_choice.currentText() == info.name
    # It opens again with the passphrase, whole.
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert EntryRepository(window.journal.db).count() == 30


def test_an_error_goes_when_another_backup_is_chosen(qtbot, store, window, tmp_path):
    """Break test 16 of the eighth session (re-check of session 6's 3): the error said
    of one backup stayed under the next one chosen."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    journal.backup(Reason.DAILY)
    journal.backup(Reason.MANUAL)
    journal.lock()
    qtbot.mouseClick(window.lock_screen.unlock_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    dialog.choices.setFocus()
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)
    assert not dialog.error.isVisible()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    other = tmp_path / "other.solacebackup"
    other.write_bytes(b"not a backup at all")
    dialog.choose_file(other)  # the earlier error goes; what is wrong with this one is said
    assert "not the passphrase" not in dialog.error.text()
    assert "cannot be restored as a Solace backup" in dialog.error.text()


def test_a_backup_file_of_another_journal_is_named_and_asked_about_first(
    qtbot, store, window, tmp_path
):
    """Break test 16 of session 10, finding 9: a backup file made by another journal
    (one passphrase opening both) was restored from this journal's lock screen without
    a word, and the window opened that journal instead. The file is named as another
    journal's, with when it was made; Restore asks; "Don't restore" changes nothing."""
    from journal.storage.safekeeping.status import back_up_to
    from journal.ui.common.confirm import Question
    from tests.storage.safekeeping.helpers import digest

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    mine, _ = JournalStore(elsewhere).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(mine, 2)
    archive = back_up_to(mine, tmp_path / "mine.solacebackup")
    mine.lock()
    before = digest(store.data_dir)

    page = window.lock_screen.unlock_page
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    assert "a backup of another journal, “Mine”, made on" in dialog.choices.item(0).text()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    def asked() -> Question:
        found = [w for w in dialog.findChildren(Question) if w.isVisible()]
        assert len(found) == 1
        return found[0]

    qtbot.waitUntil(lambda: bool([w for w in dialog.findChildren(Question) if w.isVisible()]))
    question = asked()
    assert "another journal" in question.text() and "Mine" in question.text()
    assert "It was made on" in question.informativeText()
    assert "cannot bring back this journal" in question.informativeText()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # the default answer: don't restore
    assert dialog.isVisible() and not dialog.restoring
    assert digest(store.data_dir) == before and window.is_locked

    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool([w for w in dialog.findChildren(Question) if w.isVisible()]))
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(asked().yes_button, Qt.MouseButton.LeftButton)
    assert window.journal.header.name == "Mine"
    assert EntryRepository(window.journal.db).count() == 2
    window.lock()


def test_enter_restores_again_after_an_error_met_by_a_click(qtbot, store, window):
    """Break test 16 of session 11, 11c: after Restore was clicked and refused (a wrong
    passphrase), Cancel had become the default button, so Enter after typing the
    passphrase again closed the dialog instead of restoring."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    journal.backup(Reason.DAILY)
    journal.lock()
    qtbot.mouseClick(window.lock_screen.unlock_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert dialog.restore_button.isDefault()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert EntryRepository(window.journal.db).count() == 3


def test_enter_pressed_again_while_a_restore_runs_starts_no_second_restore(
    qtbot, journal, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 17 (re-test), finding 1: Enter in the passphrase field
    while the restore ran started a second one beside it: "Something went wrong on
    Solace's side", Restore enabled again, and the journal replaced anyway."""
    import journal.storage.safekeeping.restore as restoring
    from journal.storage.safekeeping.status import back_up_to

    started: list[Path] = []
    real_restore = restoring.restore

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(args[1])  # the real restore, counted
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(restoring, "restore", counted)
    write_entries(journal, 7)
    archive = back_up_to(journal, tmp_path / "b.solacebackup")
    journal.lock()
    data = tmp_path / "new computer"
    data.mkdir(mode=0o700)
    store = JournalStore(data)
    window = MainWindow(store, Settings(data), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.lock_screen.welcome_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        for _press in range(3):
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert started == [archive]  # one restore, however often Enter was pressed
    assert EntryRepository(window.journal.db).count() == 7
    assert len(store.journals()) == 1
    window.lock()


def test_a_damaged_backup_with_none_other_kept_points_to_a_backup_file(qtbot, store, window):
    """Break test 16 of session 23: the only backup kept, damaged, was refused with "An
    earlier backup may still be good", when there was none; it now points to a copy
    of a backup file kept elsewhere."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 5)
    bad = journal.backup(Reason.MANUAL)
    journal.lock()
    flip_a_middle_bit(bad.database)

    window.lock_screen.unlock_page.restore_button.click()
    dialog = restore_dialog()
    assert dialog.choices.count() == 1
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert dialog.error.text().endswith(NONE_OFFERED)
    assert "earlier backup" not in dialog.error.text()

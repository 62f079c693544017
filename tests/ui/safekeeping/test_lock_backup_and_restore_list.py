"""The daily backup is taken when the person locks or closes the journal, and the
restore list names each backup so that no two lines look alike (break test of
issue 16, findings 8, 4 and 5), through the real window and dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.backups import list_backups, pending
from journal.storage.safekeeping.checks import check_database
from journal.storage.safekeeping.restore import restore
from journal.ui.common.local_time import say_moment
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.storage.safekeeping.test_restore_keeps import flip_a_middle_byte


def unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_ctrl_l_takes_the_days_backup_at_once_and_the_next_unlock_checks_it(
    qtbot, unlocked_window
):
    window = unlocked_window
    journal = window.journal
    folder, key = journal.folder, bytes(journal.data_key)
    write_entries(journal, 3)
    assert list_backups(folder) == []
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    (backup,) = list_backups(folder)  # taken before the process could be replaced
    assert backup.reason is Reason.DAILY and pending(backup)
    assert check_database(backup.database, key).ok
    assert check_database(backup.database, key).journal_id

    unlock(qtbot, window)
    daily = window.daily_backup
    daily.run_now()  # as the timer does after the unlock: checks, takes no second one
    qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    (checked,) = list_backups(folder)
    assert checked.folder == backup.folder and not pending(checked)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(list_backups(folder)) == 1  # at most once a day


def test_closing_the_window_takes_the_days_backup(qtbot, unlocked_window):
    window = unlocked_window
    folder = window.journal.folder
    write_entries(window.journal, 2)
    window.close()
    (backup,) = list_backups(folder)
    assert backup.reason is Reason.DAILY


def test_the_restore_list_names_each_backup_and_marks_a_damaged_copy(
    qtbot, store, journal, data_dir
):
    write_entries(journal, 1)
    journal.backup(Reason.BEFORE_IMPORT)
    write_entries(journal, 200, start=1)
    asked = journal.backup(Reason.MANUAL)
    journal.lock()
    flip_a_middle_byte(journal.folder / "journal.db")
    restore(data_dir, asked.folder, PASSPHRASE)  # keeps the damaged journal aside
    opened = store.unlock(journal.folder, PASSPHRASE)
    write_entries(opened, 1, start=500)  # a line of its own, so its copy aside stays
    opened.lock()
    restore(data_dir, asked.folder, PASSPHRASE)  # keeps a good copy aside

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    lines = [dialog.choices.item(n) for n in range(dialog.choices.count())]
    texts = [item.text() for item in lines]
    assert len(set(texts)) == len(texts) == 4  # each of the four, once
    folders = [item.data(Qt.ItemDataRole.UserRole) for item in lines]
    assert len(set(folders)) == len(folders)  # the newest marked in its own row
    first = dialog.choices.currentItem()
    assert first.text().startswith("Suggested: ")  # below the two newer copies aside
    assert not any("newest" in text.lower() for text in texts)
    assert say_moment(asked.taken_at, seconds=True) in first.text()
    assert "backup you asked for" in first.text()
    assert first.data(Qt.ItemDataRole.UserRole) == str(asked.folder)
    (damaged,) = [item for item in lines if "it did not pass its check" in item.text()]
    assert not damaged.flags() & Qt.ItemFlag.ItemIsSelectable
    assert all(" KB" in text or " MB" in text for text in texts)

    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as done:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    opened = done.args[0]
    try:
        assert EntryRepository(opened.db).count() == 201  # the named one, not an older one
    finally:
        opened.lock()
    assert asked.folder in [b.folder for b in list_backups(journal.folder)]


def test_the_only_backup_is_listed_once(qtbot, store, journal):
    """Break test 14 of session 7, finding 2: after a rotation left one snapshot, the
    list showed it twice ("The newest backup: …" and the same row again)."""
    journal.confirm_recovery_key()
    journal.backup(Reason.DAILY)
    journal.rotate_data_key(PASSPHRASE)  # replaces the daily one with one fresh copy
    (kept,) = list_backups(journal.folder)
    journal.lock()

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    rows = [dialog.choices.item(n) for n in range(dialog.choices.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in rows] == [str(kept.folder)]
    assert rows[0].text().startswith("The newest backup: ") and rows[0].isSelected()

"""The restore list's labelling rule (break test 16 of session 11, finding d: "The
newest backup: …12:42:27" stood below a newer row "13:05:47: your journal as it was
before a restore"): rows newest first, "newest" said of the first row only, a copy kept
aside before a restore reads as what it is, and the row chosen at first is the newest
backup checked when it was made. Real backups and restores in tmp_path."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.restore import restore
from journal.ui.common.local_time import say_moment
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries


def rows(dialog: RestoreDialog) -> list[tuple[str, str]]:
    """Each row's text and the backup folder it restores, top first."""
    return [
        (dialog.choices.item(n).text(), dialog.choices.item(n).data(Qt.ItemDataRole.UserRole))
        for n in range(dialog.choices.count())
    ]


def test_newest_is_said_only_of_the_newest_row_and_a_copy_kept_aside_says_what_it_is(
    qtbot, store, journal, data_dir
):
    write_entries(journal, 2)
    daily = journal.backup(Reason.DAILY)
    write_entries(journal, 3, start=2)  # written after the daily: only the copy holds it
    journal.lock()
    restore(data_dir, daily.folder, PASSPHRASE)  # keeps the journal aside, newer row
    (aside,) = [b for b in list_backups(journal.folder) if b.reason is Reason.BEFORE_RESTORE]
    assert aside.taken_at > daily.taken_at

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    listed = rows(dialog)
    assert [folder for _text, folder in listed] == [str(aside.folder), str(daily.folder)]
    top, below = listed[0][0], listed[1][0]
    assert top.startswith(say_moment(aside.taken_at, seconds=True))
    assert "your journal as it was just before a restore, kept aside then" in top
    assert "choose it to undo that restore" in top
    assert not any("newest" in text.lower() for text, _folder in listed)
    chosen = dialog.choices.currentItem()
    assert chosen.data(Qt.ItemDataRole.UserRole) == str(daily.folder)
    assert below.startswith("Suggested: ") and chosen.text() == below


def test_the_first_row_is_the_newest_backup_when_it_is_the_one_offered(
    qtbot, store, journal, data_dir
):
    write_entries(journal, 2)
    daily = journal.backup(Reason.DAILY)
    journal.lock()
    restore(data_dir, daily.folder, PASSPHRASE)
    journal = store.unlock(journal.folder, PASSPHRASE)
    asked = journal.backup(Reason.MANUAL)  # newer than the copy kept aside
    journal.lock()

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    listed = rows(dialog)
    assert listed[0][1] == str(asked.folder)
    assert listed[0][0].startswith("The newest backup: ")
    assert dialog.choices.currentRow() == 0
    assert [text for text, _f in listed if "newest" in text.lower()] == [listed[0][0]]

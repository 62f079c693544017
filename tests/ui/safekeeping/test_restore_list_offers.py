"""The restore list pre-selects only a backup it can offer (break test 16, N5): a
1 KB "newest" backup dated years ahead (a PDF in place of its database) was offered
as the best choice, and another journal's backup copied into this journal's backups
folder was offered and then said "That passphrase did not open this journal"."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.vault import backups_dir, read_header, write_header
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries


def planted(journal, source, when: datetime, reason: str):  # type: ignore[no-untyped-def]
    folder = backups_dir(journal.folder) / f"{when.strftime('%Y%m%dT%H%M%S%fZ')}-{reason}"
    shutil.copytree(source, folder)
    return folder


def test_the_list_preselects_the_newest_good_backup_of_this_journal(qtbot, store, journal):
    write_entries(journal, 3)
    good = journal.backup(Reason.DAILY)
    other, _ = store.create("Other", "another long passphrase", LIGHT_KDF)
    others = other.backup(Reason.DAILY)
    other.lock()
    now = datetime.now(UTC)
    fake = planted(journal, good.folder, now + timedelta(days=4 * 365), "manual")
    (fake / "journal.db").write_bytes(b"%PDF-1.4 fake")
    ahead = planted(journal, good.folder, now + timedelta(days=3 * 365), "daily")
    foreign = planted(journal, others.folder, now + timedelta(hours=1), "daily")
    journal.lock()

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    lines = {
        dialog.choices.item(n).data(Qt.ItemDataRole.UserRole): dialog.choices.item(n)
        for n in range(dialog.choices.count())
    }
    first = dialog.choices.currentItem()
    assert first.text().startswith("Suggested: ")  # below the newer rows not offered
    assert first.data(Qt.ItemDataRole.UserRole) == str(good.folder)
    assert "its database is not a journal's" in lines[str(fake)].text()
    assert "a backup of another journal, “Other”" in lines[str(foreign)].text()
    for refused in (fake, foreign):
        assert not lines[str(refused)].flags() & Qt.ItemFlag.ItemIsSelectable
    assert "dated in the future" in lines[str(ahead)].text()
    assert lines[str(ahead)].flags() & Qt.ItemFlag.ItemIsSelectable  # by hand only


def test_a_backup_dated_in_the_future_alone_is_not_preselected(qtbot, store, journal):
    write_entries(journal, 3)
    good = journal.backup(Reason.DAILY)
    planted(journal, good.folder, datetime.now(UTC) + timedelta(days=800), "daily")
    shutil.rmtree(good.folder)
    journal.lock()
    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    assert dialog.choices.currentItem() is None or not dialog.choices.currentItem().isSelected()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "Please choose a backup" in dialog.error.text()


def test_a_kept_backup_of_another_journal_is_named_by_its_name_here(qtbot, store, journal):
    """Break test 16 of session 18, finding 2 (the same kind elsewhere): a backup of
    another journal found among this one's is named as the lock screen names that
    journal, not by the name its backup kept ("Other" before it was added here again as
    "Ours", the way a restore names a journal beside one of the same name)."""
    other, _ = store.create("Other", "another long passphrase", LIGHT_KDF)
    others = other.backup(Reason.DAILY)
    other_folder = other.folder
    other.lock()
    foreign = planted(journal, others.folder, datetime.now(UTC), "daily")
    write_header(other_folder, dataclasses.replace(read_header(other_folder), name="Ours"))
    journal.lock()

    dialog = RestoreDialog(store, journal.folder)
    qtbot.addWidget(dialog)
    (line,) = [
        dialog.choices.item(n)
        for n in range(dialog.choices.count())
        if dialog.choices.item(n).data(Qt.ItemDataRole.UserRole) == str(foreign)
    ]
    assert "a backup of another journal, “Ours” (it cannot be restored here)" in line.text()

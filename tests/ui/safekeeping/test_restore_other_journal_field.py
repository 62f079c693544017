"""A backup file of another journal asks for its own passphrase, and a wrong one is
told as wrong (break test 16 of session 17, finding 3): chosen in this journal's
Restore, the one field still asked "Your passphrase now" under "To restore over your
journal, type the passphrase you use now…", and after the yes to restoring another
journal, a passphrase that did not open it was told only as "This backup is of
another journal…" again. Real encrypted files; the dialog driven by keys and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.storage.lock import keys
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.restore import (
    BackupFileWrongPassphrase,
    BackupOfAnotherJournal,
    restore,
)
from journal.ui.safekeeping.restore_dialog import NOW_LABEL, OTHER_LABEL
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import digest, write_entries
from tests.storage.safekeeping.test_restore_credentials import backup_file
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog

THEIRS = "other person words at their desk"


@pytest.fixture
def other_file(tmp_path: Path) -> Path:
    """A backup file of a journal "Mine" made on another computer, with `THEIRS`."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    theirs, _ = JournalStore(elsewhere).create("Mine", THEIRS, keys.LIGHT_KDF)
    write_entries(theirs, 2)
    made = backup_file(theirs, tmp_path)
    theirs.lock()
    return made


def test_a_wrong_passphrase_for_another_journals_backup_is_told_as_wrong(
    journal, data_dir: Path, other_file: Path
) -> None:
    folder = journal.folder
    journal.lock()
    before = digest(data_dir)
    with pytest.raises(BackupFileWrongPassphrase) as told:
        restore(
            data_dir, other_file, "not theirs", expected_journal=folder.name, other_journal=True
        )
    assert not isinstance(told.value, BackupOfAnotherJournal)  # said already, and agreed
    assert digest(data_dir) == before


def test_the_field_asks_for_the_backups_own_passphrase(
    qtbot, store, journal, other_file: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_restore_dialog(qtbot, store, journal)
    row = dialog.form.labelForField(dialog.passphrase)
    assert isinstance(row, QLabel) and row.text() == NOW_LABEL
    dialog.choose_file(other_file)
    assert row.text() == OTHER_LABEL
    assert "opens with the passphrase it was made with" in dialog.note.text()
    assert dialog.passphrase.accessibleName() == "The passphrase of the backup"

    qtbot.keyClicks(dialog.passphrase, "not theirs")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # Said as wrong at once, checked against the file's own key file: never first asked
    # whether to restore another journal (break test 16 of session 24, F10).
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=UNLOCK_WAIT_MS)
    said = dialog.error.text()
    assert said.startswith("That passphrase did not open this backup.")
    assert "another journal" not in said
    assert dialog.question is None

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, THEIRS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # the right one: now it asks
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    assert dialog.question is not None
    qtbot.keyClick(dialog.question, Qt.Key.Key_Escape)  # Don't restore

    # Another choice (a kept backup of this journal) asks for today's passphrase again.
    if dialog.choices.count() > 1:
        dialog.choices.setCurrentRow(1)
        assert row.text() == NOW_LABEL


def test_another_journal_here_is_asked_for_and_named_by_its_name_here(
    qtbot, store, journal, data_dir: Path, other_file: Path
) -> None:  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, finding 2: the backup file's journal is on this
    computer as "Mine (2)" (added beside another "Mine"). Restoring it replaces "Mine
    (2)" and needs the passphrase that opens "Mine (2)" now, but the field asked for
    "Your passphrase now", the refusal for "the passphrase you use now", and the
    question and the note after named the backup's "Mine"."""
    store.create("Mine", "the first mine's own passphrase", keys.LIGHT_KDF)[0].lock()
    added = restore(
        data_dir, other_file, THEIRS, expected_journal=journal.folder.name, other_journal=True
    )
    written_since = store.unlock(added, THEIRS)  # so restoring it again keeps a copy aside
    write_entries(written_since, 1, start=2)
    written_since.lock()
    dialog = shown_restore_dialog(qtbot, store, journal)
    dialog.choose_file(other_file)
    row = dialog.form.labelForField(dialog.passphrase)
    assert isinstance(row, QLabel) and row.text() == "The passphrase of “Mine (2)” &now"
    assert dialog.passphrase.accessibleName() == "The passphrase of “Mine (2)” now"
    note = dialog.note.text()
    assert "another journal on this computer, “Mine (2)” (called “Mine” when it was made)" in note
    assert "Type the passphrase of “Mine (2)” now" in note
    assert "on this computer, “Mine (2)” (called “Mine”" in dialog.choices.item(0).text()

    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # nothing typed
    assert dialog.error.text() == "Please type the passphrase of “Mine (2)” now."
    # This journal's own passphrase does not open "Mine (2)": said at once, by that
    # name, before any question (break test 16 of session 24, F10: asked first).
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "opens “Mine (2)” now" in dialog.error.text(), timeout=UNLOCK_WAIT_MS)
    assert dialog.question is None
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, THEIRS)  # what opens "Mine (2)" now
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    question = dialog.question
    assert question is not None
    assert question.text() == "Restore “Mine (2)”, another journal?"
    detail = question.informativeText()
    assert '"Mine (2)" (called "Mine" when this backup was made)' in detail
    assert 'puts it in place of "Mine (2)" as it is now' in detail
    with qtbot.waitSignal(dialog.restored, timeout=UNLOCK_WAIT_MS) as restored:
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    opened, words = restored.args
    try:
        assert opened.header.name == "Mine (2)"
        assert words.startswith("“Mine (2)” was restored from the backup file")
        assert "“Mine (2)” as it was just before is kept among its backups" in words
        assert "added as" not in words
    finally:
        opened.lock()

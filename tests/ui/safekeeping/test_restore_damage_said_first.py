"""A backup file that cannot be restored is said so as it is chosen, before any
question (break test 16 of session 18, finding 3's remainder): a damaged backup file of
another journal first asked "Restore “Mine”, another journal? … puts it in place of…",
and only after the yes said it was damaged; over a damaged journal, a file that is no
backup at all was asked about as "older than your latest words". Real encrypted files;
the dialog driven by keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from journal.ui.common.confirm import Question
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest
from tests.storage.safekeeping.test_damaged_backup_file import flip_inside_database
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog
from tests.ui.safekeeping.test_restore_other_journal_field import THEIRS, other_file

__all__ = ["other_file"]  # the fixture, used here


def asked(dialog: RestoreDialog) -> list[Question]:
    """The questions the dialog shows now."""
    return [q for q in dialog.findChildren(Question) if q.isVisible()]


def over_damaged_pages(qtbot, store, journal) -> RestoreDialog:  # type: ignore[no-untyped-def]
    """``journal`` locked, and the Restore dialog shown over it as the damage page opens
    it: some pages of its database damaged, Rescue offered."""
    folder = journal.folder
    journal.lock()
    dialog = RestoreDialog(
        store,
        folder,
        problem="Some pages of the journal's database are damaged.",
        rescue_offered=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_damaged_backup_of_another_journal_is_said_damaged_when_chosen_never_asked_about(
    qtbot, store, journal, other_file: Path
) -> None:  # type: ignore[no-untyped-def]
    flip_inside_database(other_file)
    dialog = shown_restore_dialog(qtbot, store, journal)
    before = digest(store.data_dir)

    dialog.choose_file(other_file)
    said = dialog.error.text()
    assert dialog.error.isVisible() and "part of it is damaged" in said
    assert "another journal" not in dialog.choices.item(0).text()
    assert "cannot be restored" in dialog.choices.item(0).text()
    assert dialog.focusWidget() is dialog.file_button  # to choose another file

    qtbot.keyClicks(dialog.passphrase, THEIRS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert asked(dialog) == [] and not dialog.restoring
    assert dialog.error.isVisible() and "part of it is damaged" in dialog.error.text()
    assert digest(store.data_dir) == before


def test_over_a_damaged_journal_a_file_that_is_no_backup_is_not_asked_about_as_older(
    qtbot, store, journal, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The question about words written after the backup (asked over a damaged journal
    Rescue can read) came before the file was found to be no backup at all."""
    dialog = over_damaged_pages(qtbot, store, journal)
    not_a_backup = tmp_path / "letter.backup"
    not_a_backup.write_bytes(b"%PDF-1.7 a letter, not a backup")

    dialog.choose_file(not_a_backup)
    assert "cannot be restored as a Solace backup" in dialog.error.text()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert asked(dialog) == [] and not dialog.restoring
    assert "cannot be restored as a Solace backup" in dialog.error.text()


def test_over_a_damaged_journal_another_journals_backup_is_restored_after_one_yes(
    qtbot, store, journal, other_file: Path
) -> None:  # type: ignore[no-untyped-def]
    """Break test 16 of session 19, re-test N2: over a damaged journal, the yes to
    "Restore “Mine”, another journal?" did nothing and said nothing (the question still
    showing as it was answered counted as a question being asked), and Restore again
    asked whether to restore "a backup older than your latest words" of the damaged
    journal, which a backup of another journal, added beside it, never touches."""
    folder = journal.folder
    dialog = over_damaged_pages(qtbot, store, journal)
    before = digest(folder)

    dialog.choose_file(other_file)
    qtbot.keyClicks(dialog.passphrase, THEIRS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked(dialog)), timeout=20_000)  # once the passphrase fits
    (question,) = asked(dialog)
    assert question.text() == "Restore \u201cMine\u201d, another journal?"
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as restored:
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
        assert asked(dialog) == []  # no second question, about the damaged journal
    opened, _words = restored.args
    assert opened.folder != folder
    assert digest(folder) == before  # the damaged journal is as it was
    opened.lock()

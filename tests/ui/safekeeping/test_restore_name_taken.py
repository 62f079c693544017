"""A restored backup of another journal whose name a journal here already has is added
as "Test journal (2)", and the dialog says so before (in its question) and after (in
what it tells once the journal opens): break test 16 of session 12b, finding 6, two
journals called the same on one lock screen. The real window, real files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.confirm import Question
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.safekeeping.test_restore_flow import restore_dialog


def test_a_restored_journal_of_a_name_in_use_is_added_as_name_2_and_said(
    qtbot, store, window, tmp_path
):  # type: ignore[no-untyped-def]
    from journal.storage.safekeeping.status import back_up_to

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    other, _ = JournalStore(elsewhere).create("test journal", PASSPHRASE, LIGHT_KDF)
    write_entries(other, 2)
    archive = back_up_to(other, tmp_path / "other.solacebackup")
    other.lock()

    qtbot.mouseClick(window.lock_screen.unlock_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool([w for w in dialog.findChildren(Question) if w.isVisible()]))
    (question,) = [w for w in dialog.findChildren(Question) if w.isVisible()]
    assert (
        "It will be added as “test journal (2)”, since a journal called “test journal” is "
        "already on this computer." in question.informativeText()
    )
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as restored:
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    assert "It was added as “test journal (2)”" in restored.args[1]
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    assert window.journal.header.name == "test journal (2)"
    assert sorted(j.name for j in store.journals()) == ["Test journal", "test journal (2)"]
    window.lock()


def test_the_journal_a_restore_opened_is_the_one_chosen_at_the_next_lock(
    qtbot, store, unlocked_window, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, R2: a restore from the lock screen added and opened
    "Rowan (2)"; Ctrl+L then chose the other "Rowan", the journal unlocked before, whose
    passphrase is not the one just used. The journal just locked is the one chosen."""
    from journal.storage.safekeeping.status import back_up_to

    window = unlocked_window  # "Test journal" opened: the one chosen at the lock below
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    other, _ = JournalStore(elsewhere).create("Test journal", PASSPHRASE, LIGHT_KDF)
    archive = back_up_to(other, tmp_path / "other.solacebackup")
    other.lock()
    window.lock()
    page = window.lock_screen.unlock_page
    assert page.chosen_name() == "Test journal"

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool([w for w in dialog.findChildren(Question) if w.isVisible()]))
    (question,) = [w for w in dialog.findChildren(Question) if w.isVisible()]
    qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    assert window.journal.header.name == "Test journal (2)"

    window.lock()  # as Ctrl+L does
    assert page.chosen_name() == "Test journal (2)"

"""A journal whose file an older Solace made is told after the unlock that updated it,
until the note has been read: where the copy from before is, and that an older Solace
can no longer open it; a partner's journal updated as Together opens it, of the
partner, by name (break test 41, findings 4 and 5: the file changed with no word, and
the partner's older Solace then refused their own journal). A lock, a Cancel or a crash
before the note was read lost it for good (re-test 41, F3)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QPushButton

from journal.domain.safekeeping.rotation import Reason
from journal.storage import migrate
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.backups import list_backups
from journal.ui.common.confirm import Question
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.couples import PARTNER_PASSPHRASE
from tests.storage.downgraded import downgrade
from tests.ui.together.support import seeded, type_partner_passphrase, unlock_owner

OLDER = ("0026_backslash_headlines", "0025_answer_and_sign_zones")  # before 0027 and 0028


def as_an_older_solace_left_it(journal: OpenJournal) -> None:
    for revision in OLDER:
        downgrade(journal.db.engine, revision)
    journal.lock()


def unlock(qtbot, window) -> list[str]:  # type: ignore[no-untyped-def]
    """Unlock with the keys; the notes the journal opened with."""
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    return list(window.notices.texts())


def close_the_note(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    (button,) = [b for b in window.notices.findChildren(QPushButton) if b.isVisible()]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.notices.texts() == []


def test_an_update_is_told_until_its_note_is_read(qtbot, store, window):  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    as_an_older_solace_left_it(store.unlock(info.folder, PASSPHRASE))
    for _ in range(2):  # locked before the note was read: told again
        (note,) = unlock(qtbot, window)
        window.lock()
        assert note.startswith("Solace updated your journal for this version")
        assert "“before an update of Solace” in Restore a backup…" in note
        assert "An older version of Solace can no longer open it" in note
    (again,) = unlock(qtbot, window)
    assert again == note
    close_the_note(qtbot, window)
    window.lock()
    assert unlock(qtbot, window) == []  # read: not said again


def test_an_update_whose_unlock_was_cancelled_is_told_at_the_next(qtbot, store, window):  # type: ignore[no-untyped-def]
    """The migration, under way on its thread, finishes after Cancel: its note waits."""
    (info,) = store.journals()
    as_an_older_solace_left_it(store.unlock(info.folder, PASSPHRASE))
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert QThreadPool.globalInstance().waitForDone(UNLOCK_WAIT_MS)  # the update ran
    qtbot.wait(50)  # its answer, come back, locks what it opened
    assert window.journal is None
    assert "Your journal was not opened" in page.error.text()
    (note,) = unlock(qtbot, window)
    assert note.startswith("Solace updated your journal for this version")


def asked(qtbot, window, folder):  # type: ignore[no-untyped-def]
    """Open Together on the partner's older journal: the question asked first."""
    area = type_partner_passphrase(qtbot, window, folder)
    qtbot.keyClick(area.start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), Question), timeout=10_000)
    question = QApplication.activeModalWidget()
    assert question.text() == "Update “Alex's journal” for this version of Solace?"
    assert "an older version of Solace can no longer open it" in question.informativeText()
    return area, question


def agreed(qtbot, store, window):  # type: ignore[no-untyped-def]
    """The owner's journal open, the partner's older one opened in Together with "Update
    and open"; Together's area and the partner's folder."""
    unlock_owner(qtbot, window)
    folder = seeded(window, store)
    as_an_older_solace_left_it(store.unlock(folder, PARTNER_PASSPHRASE))
    area, question = asked(qtbot, window, folder)
    with qtbot.waitSignal(area.exclusive, timeout=10_000):
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    return area, folder


def test_a_partner_journal_is_updated_only_once_she_agrees_then_told_by_name(  # type: ignore[no-untyped-def]
    qtbot, store, window
):
    """Re-test 41, F9: Together updated the partner's journal as it opened it, and her
    own older Solace then refused it, with no question first."""
    unlock_owner(qtbot, window)
    folder = seeded(window, store)
    as_an_older_solace_left_it(store.unlock(folder, PARTNER_PASSPHRASE))
    area, question = asked(qtbot, window, folder)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Don't open", the default
    qtbot.waitUntil(lambda: area.start.problem.isVisible(), timeout=5_000)
    assert "“Alex's journal” was not opened, and is unchanged." in area.start.problem.text()
    assert area.session is None
    unchanged = store.unlock(folder, PARTNER_PASSPHRASE, update=False)
    assert unchanged.needs_update  # still as the older Solace left it
    unchanged.lock()
    area, question = asked(qtbot, window, folder)
    with qtbot.waitSignal(area.exclusive, timeout=10_000):
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    (note,) = window.notices.texts()
    assert note.startswith(
        "Solace updated the journal “Alex's journal” for this version as Together opened it"
    )
    assert "An older version of Solace can no longer open it" in note
    close_the_note(qtbot, window)
    window.lock()
    # Read here, the note is not said again when the partner opens her own journal.
    assert not store.unlock(folder, PARTNER_PASSPHRASE).updated


def test_a_partner_journal_whose_note_was_not_read_tells_the_partner(qtbot, store, window):  # type: ignore[no-untyped-def]
    _area, folder = agreed(qtbot, store, window)
    window.lock()
    assert store.unlock(folder, PARTNER_PASSPHRASE).updated


def test_a_lock_while_she_is_asked_locks_her_journal_unchanged(qtbot, store, window):  # type: ignore[no-untyped-def]
    unlock_owner(qtbot, window)
    folder = seeded(window, store)
    as_an_older_solace_left_it(store.unlock(folder, PARTNER_PASSPHRASE))
    area, _question = asked(qtbot, window, folder)
    partner = area._waiting_partner
    window.lock()
    assert partner is not None
    with pytest.raises(RuntimeError, match="locked"):  # its key forgotten
        partner.data_key  # noqa: B018
    assert store.unlock(folder, PARTNER_PASSPHRASE, update=False).needs_update


def test_the_lock_s_backup_after_the_note_was_read_does_not_bring_it_back(qtbot, store, window):  # type: ignore[no-untyped-def]
    """Break test 42, F2: the backup copy a lock takes was made before the lock forgot
    the read note, and restoring it told the update again."""
    (info,) = store.journals()
    as_an_older_solace_left_it(store.unlock(info.folder, PASSPHRASE))
    unlock(qtbot, window)
    key = bytes(window.journal.data_key)
    close_the_note(qtbot, window)
    for backup in list_backups(info.folder):  # none of today's: the lock takes one
        if backup.reason is Reason.DAILY:
            shutil.rmtree(backup.folder)
    window.lock()
    (taken,) = [b for b in list_backups(info.folder) if b.reason is Reason.DAILY]
    engine = open_engine(taken.folder / "journal.db", key)
    try:
        assert migrate.untold(engine)[0] == ""  # the update not to be told
    finally:
        engine.dispose()


def test_a_partner_note_read_in_together_stays_read_after_a_lock_that_restarts(  # type: ignore[no-untyped-def]
    qtbot, store, window
):
    """Re-test 42, F1: Ctrl+L replaces the process, and such a lock takes no view apart;
    the partner's journal was left open to the process's end, what was read of its note
    never written, and the note came back at the next Together."""
    area, folder = agreed(qtbot, store, window)
    partner = area.session.partner
    close_the_note(qtbot, window)
    window.replaces_process = lambda: True  # as the app's hard lock (`journal.app`)
    window.lock()
    with pytest.raises(RuntimeError, match="locked"):  # locked with the owner's
        partner.data_key  # noqa: B018
    assert not store.unlock(folder, PARTNER_PASSPHRASE).updated

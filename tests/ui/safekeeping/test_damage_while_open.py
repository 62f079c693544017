"""A journal whose file is damaged while it is open (a disk that flips bits below the
file system, after the unlock's page walk passed): what the person is told. The real
window, real SQLCipher files damaged in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal.storage.lock.drafts import DRAFTS_NAME
from journal.ui.entries.area import JournalArea
from tests.storage.safekeeping.helpers import (
    damage_while_open,
    flip_a_middle_page_of_entries,
    write_entries,
)

CANARY = "Willowcanary I wrote this after the damage"


def entries_in_the_file(journal) -> None:  # type: ignore[no-untyped-def]
    """Give the open ``journal`` 60 entries of 900 characters and checkpoint them, so
    every page is in journal.db (none only in its log), read afresh from the file."""
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()  # read afresh from the file, not from a cache


def damaged_open(window) -> None:  # type: ignore[no-untyped-def]
    """Give the open journal 60 entries, every page in journal.db, then damage it."""
    entries_in_the_file(window.journal)
    damage_while_open(window.journal.folder / "journal.db")


def damage_a_page_of_entries(db: Path, key: bytes, scratch: Path) -> None:
    """Flip, in place under the open journal, the one bit that
    `flip_a_middle_page_of_entries` flips in a copy of ``db`` (a page every entry's
    text needs): the list meets it, and the rest is left to rescue."""
    copy = scratch / "copy.db"
    shutil.copyfile(db, copy)
    flip_a_middle_page_of_entries(copy, key)
    changed = copy.read_bytes()
    offset = next(i for i, byte in enumerate(db.read_bytes()) if changed[i] != byte)
    with db.open("r+b") as file:
        file.seek(offset)
        file.write(changed[offset : offset + 1])


def test_the_lock_names_the_damaged_journal_as_what_refused_the_words(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 13, finding 3: "(the disk may be full or refuse
    writes)" for a journal whose file was damaged. Since the lock reads the file back
    before its save (break test 16 of session 15, finding 6), it is a lock for damage."""
    window = unlocked_window
    folder = window.journal.folder
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    damaged_open(window)
    qtbot.keyClicks(area.editor.body, CANARY)
    window.lock()  # its read-back meets the damage before the save is tried
    assert window.lock_notice.startswith("This journal's file is damaged")
    assert "the disk may be full" not in window.lock_notice
    assert (folder / DRAFTS_NAME).is_file()


def test_a_save_on_a_damaged_file_locks_to_the_damage_page_with_the_words_kept(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Findings 2 and 4: one rule for a damaged page met while the journal is open:
    said plainly, nothing more written (no backup of the damaged file at this lock),
    Restore a backup… and Rescue what can be read… offered, the words kept sealed."""
    from journal.storage.safekeeping.backups import list_backups

    window = unlocked_window
    folder = window.journal.folder
    backups_before = list_backups(folder)
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    damaged_open(window)
    qtbot.keyClicks(area.editor.body, CANARY)
    area.editor.save_soon()
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)

    page = window.lock_screen.unlock_page
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=5_000)
    said = page.error.text()
    assert said.startswith("This journal's file is damaged: part of it could not be read")
    assert "will write nothing more to it" in said
    assert "Restore a backup…" in said and "Rescue what can be read…" in said
    assert "Words you had not saved yet are waiting, kept encrypted, with this journal" in said
    assert page.rescue_button.hasFocus()  # it keeps every word (break test 16, S15, 6)
    assert (folder / DRAFTS_NAME).is_file()
    assert list_backups(folder) == backups_before  # no copy of the damaged file


def test_back_up_now_on_a_damaged_file_locks_to_the_damage_page(qtbot, unlocked_window, tmp_path):  # type: ignore[no-untyped-def]
    """Finding 2, step 7: "Your journal itself is unchanged", and the journal stayed
    open for writing on a damaged file."""
    from journal.storage.safekeeping.status import back_up_to
    from journal.ui.common.messages import user_message

    window = unlocked_window
    damaged_open(window)
    place = tmp_path / "usb"
    place.mkdir()
    try:
        back_up_to(window.journal, place / "mine.solacebackup")
    except Exception as error:  # what the Back up now dialog shows, through the one rule
        said = user_message(error)
    assert said.startswith("This journal's file is damaged")
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    assert window.lock_screen.unlock_page.rescue_button.isVisible()


def test_the_lock_for_damage_leaves_the_file_and_its_log_as_they_were(
    qtbot, unlocked_window, data_dir, tmp_path
):  # type: ignore[no-untyped-def]
    """Issue 16 (left open in session 14): the lock checkpointed the WAL into the
    damaged journal.db as it closed. Once a read met the damage, the window's lock
    writes nothing into journal.db or its WAL (hashes before and after), the words
    typed are kept sealed beside it, and Rescue what can be read… brings them back."""
    from journal.errors import JournalFileDamaged
    from journal.storage.entries.repository import EntryRepository
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.safekeeping.rescue import rescue
    from tests.conftest import PASSPHRASE
    from tests.storage.safekeeping.helpers import digest

    window = unlocked_window
    journal = window.journal
    folder = journal.folder
    entries_in_the_file(journal)
    write_entries(journal, 3, start=60, word="in the log")  # in the WAL only
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, CANARY)  # not saved yet: no event loop since
    damage_a_page_of_entries(folder / "journal.db", bytes(journal.data_key), tmp_path)
    with pytest.raises(JournalFileDamaged):  # what the list meets as it reads them
        EntryRepository(journal.db).summaries_page(0, 100)
    assert journal.damage_known
    before = digest(folder)
    assert (folder / "journal.db-wal").stat().st_size  # the three entries' frames

    window.lock_for_damage()
    assert window.is_locked
    after = digest(folder)
    for name in ("journal.db", "journal.db-wal"):
        assert after[name] == before[name], name
    assert (folder / DRAFTS_NAME).is_file()

    result = rescue(
        data_dir, folder, PASSPHRASE, "Mine (rescued)", "a new long passphrase", LIGHT_KDF
    )
    try:
        assert CANARY in "".join(result.journal.sealed_drafts().values())
    finally:
        result.journal.lock()


def test_ctrl_n_on_a_damaged_file_says_so_and_locks_to_the_damage_page(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Issue 16 (left open in session 14): File > New entry on a damaged journal gave
    the general "Something went wrong on Solace's side…" (its error escaped the
    command). It says what happened in the journal's words and locks to the damage
    page, as reading an entry does."""
    from PySide6.QtCore import Qt

    window = unlocked_window
    damaged_open(window)
    with qtbot.capture_exceptions() as escaped:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    assert not escaped
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=5_000)
    assert page.error.text().startswith("This journal's file is damaged")
    assert "Something went wrong" not in page.error.text()


def test_keys_typed_as_the_damage_lock_begins_are_sealed_with_the_words(
    qtbot, unlocked_window, data_dir, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 15, finding 2: a lock for damage found by a check came
    while she typed; the end of the sentence, queued while the window locked, was lost
    with no word. Keys queued before the lock reach the editor and are sealed with its
    words; nothing is written into journal.db or its WAL; Rescue brings them back whole."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.safekeeping.rescue import rescue
    from tests.conftest import PASSPHRASE
    from tests.storage.safekeeping.helpers import digest

    window = unlocked_window
    journal = window.journal
    folder = journal.folder
    entries_in_the_file(journal)
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, CANARY)  # not saved yet: no event loop since
    damage_a_page_of_entries(folder / "journal.db", bytes(journal.data_key), tmp_path)
    late = " and the end"
    for letter in late:  # typed, still queued when the check locks
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Space if letter == " " else Qt.Key(ord(letter.upper()))
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.postEvent(area.editor.body, event)
    before = digest(folder)

    window.lock_for_damage()  # what the background page walk does when it finds damage
    assert window.is_locked
    after = digest(folder)
    for name in ("journal.db", "journal.db-wal"):
        assert after.get(name) == before.get(name), name
    said = window.lock_screen.unlock_page.error.text()
    assert "Words you had not saved yet are waiting" in said

    result = rescue(
        data_dir, folder, PASSPHRASE, "Mine (rescued)", "a new long passphrase", LIGHT_KDF
    )
    try:
        assert CANARY + late in "".join(result.journal.sealed_drafts().values())
    finally:
        result.journal.lock()


def damage_a_free_page(store, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Flip a bit in the last page of the journal in ``folder``, a page on SQLite's list
    of free pages (a table filled last, then dropped): no read ever meets it, only a
    check of every page finds it."""
    from tests.conftest import PASSPHRASE

    journal = store.unlock(folder, PASSPHRASE)
    with journal.db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE padding (x BLOB)")
        for _ in range(40):
            connection.exec_driver_sql("INSERT INTO padding VALUES (randomblob(3000))")
    with journal.db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE padding")
    journal.lock()
    db = folder / "journal.db"
    with db.open("r+b") as file:
        file.seek(db.stat().st_size - 4096 + 300)
        byte = file.read(1)[0]
        file.seek(-1, 1)
        file.write(bytes([byte ^ 0x10]))


def damage_a_page_the_list_reads(store, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Give the journal in ``folder`` 60 entries and damage a page every entry's text
    needs: the list meets it as the window opens."""
    from tests.conftest import PASSPHRASE

    journal = store.unlock(folder, PASSPHRASE)
    key = bytes(journal.data_key)
    entries_in_the_file(journal)
    journal.lock()
    db = folder / "journal.db"
    damage_a_page_of_entries(db, key, folder.parent)


@pytest.mark.parametrize("damage", [damage_a_free_page, damage_a_page_the_list_reads])
def test_a_damage_found_by_the_check_left_to_run_at_unlock_locks_to_the_damage_page(
    qtbot, window, store, monkeypatch, damage
):  # type: ignore[no-untyped-def]
    """Issue 12: a large journal opens while its pages are checked on a thread of their
    own. A damaged page, whether only the check reads it or the list meets it as the
    window opens, ends on the damage page, Rescue offered, journal.db exactly as it
    was: refused by the unlock when the check ends first (its own words), else locked
    for it once open (`lock_for_damage`). Which comes first depends on the machine;
    either way, never "Something went wrong" (the first version said it, without
    Rescue, when the check ended during the unlock, and an unexpected error when the
    list met the page as the window opened)."""
    from PySide6.QtCore import Qt

    from journal.storage.lock import page_check
    from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS

    monkeypatch.setattr(page_check, "CHECK_LATER_FROM", 0)  # this small one counts as large
    page = window.lock_screen.unlock_page
    folder = page.chosen_folder()
    damage(store, folder)
    before = (folder / "journal.db").read_bytes()

    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=UNLOCK_WAIT_MS)

    assert window.journal is None
    said = page.error.text()
    assert said.startswith(
        (
            "This journal's file is damaged: part of it could not be read while it was open",
            "This journal's files look damaged, so Solace did not open them",
        )
    ), said
    assert (folder / "journal.db").read_bytes() == before


def test_a_page_that_cannot_be_read_as_the_window_opens_locks_for_it(qtbot, window, store):  # type: ignore[no-untyped-def]
    """The window's first reads meet a damaged page its check has not reached yet (a
    large journal opens while its pages are checked, issue 12): a lock for damage, as
    anywhere else, never an unexpected error over a half-opened window. The journal is
    handed over as the lock screen hands over one it unlocked."""
    from tests.conftest import PASSPHRASE

    page = window.lock_screen.unlock_page
    journal = store.unlock(page.chosen_folder(), PASSPHRASE)
    entries_in_the_file(journal)
    damage_while_open(journal.folder / "journal.db")

    window.lock_screen.unlocked.emit(journal)
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=10_000)

    assert window.journal is None and not journal.is_open
    assert page.error.text().startswith("This journal's file is damaged: part of it could not")


def _menu_tip_over_the_status_bar(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Open the File menu with Alt+F and go down one item: its status tip takes the
    status bar's line (as a pointer resting on it does); then close the menu."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


@pytest.mark.parametrize("then", ["nothing", "a menu's status tip"])
def test_keys_dropped_as_it_opened_are_said_again_on_the_damage_page(
    qtbot, window, store, monkeypatch, then
):  # type: ignore[no-untyped-def]
    """Break test 34, finding 8: words typed as the window appeared were dropped as
    "pressed while your journal was opening", said in the window, and the damage lock
    that followed took the window away: nothing on screen said where they went. The
    damage page says it again, also when a menu's status tip had taken the words off
    the status bar first (break test 35, finding 3). The real check of a large
    journal's pages, held until the keys are typed (as on a slow disk)."""
    from journal.ui.shell.main_window import STALE_INPUT_DROPPED
    from tests.conftest import UNLOCK_WAIT_MS
    from tests.storage.lock.held_checks import hold_page_checks
    from tests.ui.accessibility.test_keys_while_opening import unlock_typing_after_enter

    let_go = hold_page_checks(monkeypatch)
    page = window.lock_screen.unlock_page
    damage_a_free_page(store, page.chosen_folder())
    window.resize(1366, 768)  # wide enough for those words in the status bar
    try:
        window.activateWindow()
        unlock_typing_after_enter(qtbot, window, "words typed as it opened")
        assert window.statusBar().currentMessage() == STALE_INPUT_DROPPED
        if then != "nothing":
            _menu_tip_over_the_status_bar(qtbot, window)
            assert window.statusBar().currentMessage() != STALE_INPUT_DROPPED
    finally:
        let_go.set()
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=UNLOCK_WAIT_MS)

    said = page.error.text()
    assert said.startswith("This journal's file is damaged: part of it could not"), said
    assert STALE_INPUT_DROPPED in said  # on the page that took the window's place
    assert STALE_INPUT_DROPPED in window.lock_notice  # and by the process a lock starts


def test_keys_typed_as_it_opened_onto_a_damaged_page_are_said_as_such(
    qtbot, window, store, monkeypatch
):  # type: ignore[no-untyped-def]
    """Break test 35, finding 5: the window's first reads met a damaged page while keys
    typed after Enter were being dropped; the damage page said they came "while Solace
    was locking it, after your words were kept", words she never wrote. It says they
    were pressed while the journal was opening."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from journal.ui.shell.lock_cover import LOCKING_AFTER_CHECK
    from journal.ui.shell.main_window import KEYS_AFTER_DAMAGE_LOCK, STALE_INPUT_DROPPED
    from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
    from tests.storage.lock.held_checks import hold_page_checks
    from tests.ui.shell.test_check_wait import PaintedWords, let_go_once_said

    let_go = hold_page_checks(monkeypatch)  # the list meets the page before the check
    page = window.lock_screen.unlock_page
    damage_a_page_the_list_reads(store, page.chosen_folder())
    # The lock for it waits for the check, let go once the lock's cover says so.
    cover = window.lock_cover.said
    painted = PaintedWords(cover, cover.text, LOCKING_AFTER_CHECK)
    releaser = let_go_once_said(let_go, painted)
    try:
        window.activateWindow()
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        assert page.busy.isVisibleTo(page)  # still opening
        qtbot.keyClicks(QApplication.focusWidget(), "typed as it opened")
        qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=UNLOCK_WAIT_MS)
    finally:
        let_go.set()
        releaser.join()

    said = page.error.text()
    assert said.startswith("This journal's file is damaged: part of it could not"), said
    assert STALE_INPUT_DROPPED in said
    assert KEYS_AFTER_DAMAGE_LOCK not in said
    # The lock waited for the check saying so, and promised no save (re-test 35).
    assert set(painted.painted) == {LOCKING_AFTER_CHECK}

"""A journal whose file is damaged while it is open (a disk that flips bits below the
file system, after the unlock's page walk passed): what the person is told. The real
window, real SQLCipher files damaged in place."""

from __future__ import annotations

from journal.storage.lock.drafts import DRAFTS_NAME
from journal.ui.entries.area import JournalArea
from tests.storage.safekeeping.helpers import damage_while_open, write_entries

CANARY = "Willowcanary I wrote this after the damage"


def damaged_open(window) -> None:  # type: ignore[no-untyped-def]
    """Give the open journal 60 entries, every page in journal.db, then damage it."""
    journal = window.journal
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()  # read afresh from the file, not from a cache
    damage_while_open(journal.folder / "journal.db")


def test_the_lock_names_the_damaged_journal_as_what_refused_the_words(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 13, finding 3: "(the disk may be full or refuse
    writes)" for a journal whose file was damaged; the cause follows the save's error."""
    window = unlocked_window
    folder = window.journal.folder
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    damaged_open(window)
    qtbot.keyClicks(area.editor.body, CANARY)
    window.lock()  # its save meets the damage first
    assert "(the journal's file is damaged)" in window.lock_notice
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
    assert page.restore_button.hasFocus()
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

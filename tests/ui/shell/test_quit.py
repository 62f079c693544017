"""Quitting: the lock on the way out saves and forgets the journal and its key, and
leaves the views to the process's exit instead of taking them apart one by one (most
of the time from the close to the exit, issue 12); a quit the person refuses leaves
a lock like any other, with the views forgotten."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.drafts import DRAFTS_NAME
from tests.conftest import PASSPHRASE
from tests.ui.shell.test_full_disk import WORDS, disk_full, when_asked, write_unsaved


def test_closing_saves_and_locks_and_leaves_the_views_to_the_exit(qtbot, store, unlocked_window):
    window = unlocked_window
    entries = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entries.editor.body, "Written just before closing the window")
    journal, areas = window.journal, list(window.areas)
    entries.editor.save_now()
    entry_id = entries.editor.entry_id
    qtbot.keyClicks(entries.editor.body, ", then these")  # saved by the close
    pages = window.pages.count()

    assert window.close()

    assert window.is_locked and not journal.is_open
    assert journal.folder.joinpath("journal.db").exists()
    # Not taken apart widget by widget: the process ends now (exit_without_teardown).
    assert window.areas == areas and window.pages.count() == pages
    reopened = store.unlock(journal.folder, PASSPHRASE)
    try:
        saved = EntryRepository(reopened.db).get(entry_id)
    finally:
        reopened.lock()
    assert saved is not None and saved.body == "Written just before closing the window, then these"


def test_a_quit_refused_to_keep_held_words_forgets_the_views(qtbot, unlocked_window):

    from journal.ui.shell.held_words import KEEP_OPEN

    window = unlocked_window
    write_unsaved(qtbot, window)
    folder = window.journal.folder
    blocker = folder / f".{DRAFTS_NAME}.tmp"  # the sealed file cannot be written
    blocker.mkdir()
    (blocker / "in the way").write_text("")

    when_asked(lambda box: next(b for b in box.buttons() if b.text() == KEEP_OPEN).click())
    with disk_full(4096):
        assert not window.close()  # kept open, on the lock screen

    assert window.is_locked and window.isVisible() and window.holds_sealed_drafts
    assert window.areas == [] and window.pages.count() == 0
    assert window.stack.currentWidget() is window.lock_area  # asked over the lock screen
    (blocker / "in the way").unlink()
    blocker.rmdir()
    assert window.close()  # the held words go into the sealed file on the way out
    sealed = (folder / DRAFTS_NAME).read_bytes()
    assert WORDS.encode() not in sealed


def test_a_field_that_saves_as_it_is_left_saves_before_the_lock(qtbot, store, unlocked_window):
    """Together's "Your name" saves when it is left. Left focused at Ctrl+Q, it was left
    only after the lock (the views stay whole on the way out) and wrote to a locked
    journal: an error after closing, and the name typed lost."""
    from journal.storage.together.sharing import Sharing

    window = unlocked_window
    together = next(a for a in window.areas if a.area_id == "together")
    window.show_area(together)
    field = together.start.my_name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "Robin")
    folder = window.journal.folder

    assert window.close()
    field.clearFocus()  # what the closing window's focus does later: nothing to write now

    reopened = store.unlock(folder, PASSPHRASE)
    try:
        assert Sharing(reopened.db).my_name("") == "Robin"
    finally:
        reopened.lock()


def test_ctrl_q_on_a_full_disk_says_the_words_are_kept_before_closing(qtbot, unlocked_window):
    """Break test 16c of session 26, finding 2: Ctrl+Q while the disk was full closed
    the window at once, and a person took the words for lost or saved. The lock on the
    way out seals them beside the journal; before the window goes, it says so."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from journal.ui.shell.main_window import CLOSE_SOLACE, SEALED_ON_QUIT

    window = unlocked_window
    write_unsaved(qtbot, window)
    folder = window.journal.folder
    said: list[str] = []

    def answer(box: QMessageBox) -> None:
        said.extend([box.text(), box.informativeText()])
        button = next(b for b in box.buttons() if b.text() == CLOSE_SOLACE)
        qtbot.keyClick(button, Qt.Key.Key_Space)

    when_asked(answer)
    with disk_full(4096):
        qtbot.keyClick(
            QApplication.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
        )
    qtbot.waitUntil(lambda: not window.isVisible())
    assert said[0] == SEALED_ON_QUIT
    assert "kept encrypted in a small file beside it" in said[1] and "disk" in said[1]
    assert (folder / DRAFTS_NAME).exists() and WORDS.encode() not in (
        folder / DRAFTS_NAME
    ).read_bytes()

"""Words sealed at a lock beside a journal that the next unlock refuses as damaged:
the damage page says they wait and what brings them back, and "Rescue what can be
read…" brings them back into the rescued journal's editor (break test 16 of session
13, finding 3: nothing said they were there, and Rescue left them behind while its
summary said "Everything could be read"). The real window, real files."""

from __future__ import annotations

import json
import uuid

from PySide6.QtCore import Qt

from journal.storage.entries.search import EntrySearch
from journal.storage.lock.journal import OpenJournal
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import START, flip_a_middle_page_of_entries, write_entries

NEW_PASSPHRASE = "rescued words need a new long passphrase"
CANARY = "Willowcanary I wrote this after the damage"


def _seal_canary(journal: OpenJournal) -> None:
    """Seal a new entry's draft holding ``CANARY`` beside ``journal``, as a lock does
    (the editor's draft, `EntryEditor.draft`)."""
    draft = {
        "id": str(uuid.uuid4()),
        "stored": False,
        "created_at": START.isoformat(),
        "title": "",
        "body": CANARY,
        "tags": "",
        "mood": None,
        "feelings": [],
        "shared": False,
    }
    assert journal.keep_drafts({"journal": json.dumps(draft)}) is None


def _rescued(qtbot, window, dialog):  # type: ignore[no-untyped-def]
    """Fill the Rescue dialog with a new passphrase (the journal's is kept from the
    unlock that met the damage), press Rescue, and return the new recovery key's page
    it leads to."""
    assert dialog.passphrase.text() == PASSPHRASE
    qtbot.keyClicks(dialog.new_passphrase.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new_passphrase.second, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.footer.primary, Qt.MouseButton.LeftButton)
    key_page = window.lock_screen.key_page
    qtbot.waitUntil(
        lambda: window.lock_screen.currentWidget() is key_page or dialog.footer.error.isVisible(),
        timeout=UNLOCK_WAIT_MS,
    )
    assert window.lock_screen.currentWidget() is key_page, dialog.footer.error.text()
    return key_page


def test_the_damage_page_names_the_waiting_words_and_rescue_brings_them_back(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 60, word="x" * 900)
    _seal_canary(journal)
    key = bytes(journal.data_key)
    journal.lock()
    flip_a_middle_page_of_entries(info.folder / "journal.db", key)

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    said = page.error.text()
    assert "look damaged" in said
    assert "Words you had not saved yet are waiting, kept encrypted, with this journal" in said
    assert "Restore a backup… or Rescue what can be read… brings them back" in said

    qtbot.mouseClick(page.rescue_button, Qt.MouseButton.LeftButton)
    dialog = window.rescue_dialog
    assert isinstance(dialog, RescueDialog)
    key_page = _rescued(qtbot, window, dialog)
    assert "and the words you had not saved yet were rescued" in key_page.reason.text()
    key_page.confirm.setChecked(True)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(key_page.continue_button, Qt.MouseButton.LeftButton)

    editor = window.area("journal").editor  # type: ignore[union-attr]
    assert editor.body.markdown() == CANARY  # back where it was being written
    assert EntrySearch(window.journal.db).search("Willowcanary")  # and saved there


def test_words_waiting_with_a_file_of_which_no_page_reads_are_offered_to_rescue(
    qtbot, store, window
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 15: with every page damaged the damage page offered no
    Rescue what can be read… ("nothing in it that a rescue could read"), and the words
    sealed at the last lock waited beside a file nothing would open again."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 10)
    _seal_canary(journal)
    journal.lock()
    db = info.folder / "journal.db"
    raw = bytearray(db.read_bytes())
    for page in range(len(raw) // 4096):  # every page, the first one's salt left whole
        raw[page * 4096 + 300] ^= 0x10
    db.write_bytes(bytes(raw))

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    assert "Words you had not saved yet are waiting" in page.error.text()
    assert "Rescue what can be read… brings them back" in page.error.text()
    assert page.rescue_button.isVisible() and page.rescue_button.hasFocus()

    # A key pressed as the page appears is taken as still typed, pressing nothing
    # (issue 16); once she has paused, Enter presses the focused Rescue.
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    qtbot.keyClick(page.rescue_button, Qt.Key.Key_Return)
    dialog = window.rescue_dialog
    assert isinstance(dialog, RescueDialog)
    key_page = _rescued(qtbot, window, dialog)
    assert key_page.reason.text().startswith("Only the words you had not saved yet were rescued")
    key_page.confirm.setChecked(True)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(key_page.continue_button, Qt.MouseButton.LeftButton)
    editor = window.area("journal").editor  # type: ignore[union-attr]
    assert editor.body.markdown() == CANARY

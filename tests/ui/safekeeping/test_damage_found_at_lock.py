"""A journal damaged underneath while open, locked before any read met the damage
(break test 16 of session 15, finding 6, step 3): Ctrl+L and the idle lock said
"Journal locked. Everything you wrote was saved." over a file the next unlock refused.
The lock reads the file back before it says anything is saved. The real window, a
real SQLCipher file damaged in place by one flipped bit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal.storage.lock.drafts import DRAFTS_NAME
from journal.ui.entries.area import JournalArea
from journal.ui.shell.main_window import DAMAGED_WHILE_OPEN, LOCKED_SAVED
from tests.conftest import PASSPHRASE
from tests.ui.safekeeping.test_damage_while_open import (
    damage_a_page_of_entries,
    entries_in_the_file,
)

CANARY = "Limecanary written after the damage"
LATER = " and a second sentence before the lock"


def _lock(window, qtbot, how: str) -> None:  # type: ignore[no-untyped-def]
    if how == "ctrl+l":
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    else:
        window._lock_when_idle()  # what the idle timer calls once its time has passed


@pytest.mark.parametrize("how", ["ctrl+l", "idle"])
def test_a_lock_over_damage_no_read_met_never_says_everything_was_saved(
    qtbot, unlocked_window, data_dir, tmp_path, how
):  # type: ignore[no-untyped-def]
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.safekeeping.rescue import rescue

    window = unlocked_window
    journal = window.journal
    folder = journal.folder
    entries_in_the_file(journal)
    damage_a_page_of_entries(folder / "journal.db", bytes(journal.data_key), tmp_path)
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, CANARY)
    assert area.editor.save_now()  # saved: the page it needs is not the damaged one
    assert not journal.damage_known  # nothing has met the damage yet
    qtbot.keyClicks(area.editor.body, LATER)  # not saved yet

    _lock(window, qtbot, how)
    assert window.is_locked
    said = window.lock_notice
    assert LOCKED_SAVED not in said
    assert "Everything you wrote was saved" not in said
    assert said.startswith(DAMAGED_WHILE_OPEN)
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(lambda: page.rescue_button.isVisible(), timeout=5_000)
    shown = page.error.text()
    assert shown.startswith(DAMAGED_WHILE_OPEN)
    assert "Words you had not saved yet are waiting, kept encrypted, with this journal" in shown
    assert "Rescue what can be read…" in shown
    assert page.rescue_button.hasFocus()
    assert (folder / DRAFTS_NAME).is_file()

    result = rescue(
        data_dir, folder, PASSPHRASE, "Mine (rescued)", "a new long passphrase", LIGHT_KDF
    )
    try:
        assert CANARY + LATER in "".join(result.journal.sealed_drafts().values())
    finally:
        result.journal.lock()


def test_a_lock_over_a_sound_file_still_says_everything_was_saved(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, CANARY)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.lock_notice == LOCKED_SAVED

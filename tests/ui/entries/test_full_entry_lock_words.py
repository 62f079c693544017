"""The lock says what a full entry refused (issue 9, break test 9 of session 20, F5):
keys typed into an entry at its 2,000,000-character limit just before Ctrl+L were
refused as they were typed, and the lock then said "Everything you wrote was saved",
untrue for them. It now names them; a lock with nothing refused says what it said."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.ui.shell.main_window import LOCKED_SAVED

CTRL = Qt.KeyboardModifier.ControlModifier


def _lock(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.is_locked, timeout=30_000)
    return str(window.lock_screen.unlock_page.error.text())


def _new_entry(qtbot, window):  # type: ignore[no-untyped-def]
    area = window.area("journal")
    window.show_area_id("journal")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    body = area.editor.body
    qtbot.waitUntil(body.hasFocus, timeout=5_000)
    return area, body


def test_keys_a_full_entry_refused_are_named_at_the_lock(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    area, body = _new_entry(qtbot, window)
    # One line a character short of the limit (one line this long is shown as written,
    # cheaply), then keys: the first fits, the next three are refused as typed.
    body.set_markdown("x" * (MAX_BODY_CHARS - 1))
    qtbot.keyClicks(body, "abcd")
    assert len(body.markdown()) == MAX_BODY_CHARS
    assert "one holds up to 2,000,000" in area.editor.text_note.text()
    said = _lock(qtbot, window)
    assert said.startswith(LOCKED_SAVED)
    assert "3 characters you typed or pasted" in said
    assert window.lock_screen.unlock_page.error.kind == "status"  # calm: said before


def test_a_lock_with_nothing_refused_says_everything_was_saved(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    _area, body = _new_entry(qtbot, window)
    qtbot.keyClicks(body, "a quiet day")
    assert _lock(qtbot, window) == LOCKED_SAVED

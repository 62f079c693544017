"""A note the person has read does not come back: closing a newer note showed "30
entries were imported…" again, long after that import, each time, as if a second import
had just happened (break test 16 of session 18, finding 11). Notes told within moments
of each other still wait their turn (test_message_room.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.shell import notices
from journal.ui.shell.notices import READ_MS, Notice

FIRST_IMPORT = (
    "30 entries were imported. A backup of your journal with what was imported, and one "
    "of it as it was before, are kept with your backups."
)
SECOND_IMPORT = FIRST_IMPORT.replace("30 entries", "11 entries")
BACKED_UP = "Your journal was backed up to /media/usb/journal-2026-12-02.backup."


def _shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The words of the notes on screen."""
    notes = window.notices.findChildren(Notice)
    return [note.text for note in notes if note.isVisible()] if window.notices.isVisible() else []


def _close(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Click Close note on the note shown."""
    (note,) = [n for n in window.notices.findChildren(Notice) if n.isVisible()]
    qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
    qtbot.wait(0)


def test_a_note_read_does_not_come_back_when_a_newer_one_is_closed(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    window = unlocked_window
    window.tell(FIRST_IMPORT)
    qtbot.wait(READ_MS + 300)  # on screen long enough to read
    window.tell(SECOND_IMPORT)
    assert _shown(window) == [SECOND_IMPORT]
    qtbot.wait(READ_MS + 300)
    _close(qtbot, window)
    assert _shown(window) == [], "the first import's note, read, is gone"
    window.tell(BACKED_UP)
    _close(qtbot, window)
    assert _shown(window) == []
    assert window.notices.texts() == []


def test_a_note_not_yet_read_waits_behind_a_newer_one(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    window = unlocked_window
    window.tell(FIRST_IMPORT)
    window.tell(BACKED_UP)  # within a moment: the first was never there to read
    assert _shown(window) == [BACKED_UP]
    _close(qtbot, window)
    assert _shown(window) == [FIRST_IMPORT]


def test_a_note_counts_as_read_in_view_or_closed_never_when_locked_away(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch
) -> None:
    """What waits on a note being read (an update's note, re-test 41, F3) hears it once:
    after `READ_MS` in view, or when its Close note is clicked; a note hidden behind a
    newer one or forgotten at a lock has not been read."""
    monkeypatch.setattr(notices, "READ_MS", 200)  # read sooner; the rule is the same
    window = unlocked_window
    read: list[str] = []
    window.tell(FIRST_IMPORT, on_read=lambda: read.append("first"))
    window.tell(BACKED_UP, on_read=lambda: read.append("backed up"))
    qtbot.waitUntil(lambda: bool(read), timeout=5000)  # READ_MS in view, however loaded
    qtbot.wait(300)  # READ_MS again: the note hidden behind it is still not read
    assert read == ["backed up"]
    _close(qtbot, window)
    assert read == ["backed up"]  # the first, shown again, closed at once below
    _close(qtbot, window)
    assert read == ["backed up", "first"]
    window.tell(SECOND_IMPORT, on_read=lambda: read.append("second"))
    window.lock()
    qtbot.wait(500)
    assert read == ["backed up", "first"]

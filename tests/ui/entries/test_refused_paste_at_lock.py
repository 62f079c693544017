"""What the lock says of pastes refused as too long for one entry (re-test 52, N5):
two pastes into empty entries, each refused and said at the time, were told at the
lock as "Not added, because the entry was full: … at its end", though neither entry
was full and nothing was lost."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.entries.entry import MAX_BODY_CHARS
from tests.ui.entries.editing import CTRL
from tests.ui.entries.test_save_failures import journal_area


def _paste(qtbot, area, text: str) -> None:  # type: ignore[no-untyped-def]
    area.new_entry()
    data = QMimeData()
    data.setText(text)
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(area.editor.body, Qt.Key.Key_V, CTRL)
    assert area.editor.body.toPlainText() == ""
    assert area.editor.text_note.text().startswith("Nothing was changed")


def test_pastes_refused_into_empty_entries_are_said_as_such_at_the_lock(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = journal_area(window)
    _paste(qtbot, area, "\n" * MAX_BODY_CHARS + "late words")
    _paste(qtbot, area, "x" * (MAX_BODY_CHARS + 5))
    qtbot.keyClick(area.editor.body, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    said = window.lock_screen.unlock_page.error.text()
    assert said == (
        "Journal locked. Everything you wrote was saved. Not added, as one entry holds up "
        "to 2,000,000 characters: 4,000,015 characters you typed or pasted (each was said "
        "under its entry at the time)."
    )
    assert window.lock_screen.unlock_page.error.kind == "status"

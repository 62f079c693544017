"""Together > What I share > "Make private" (issue 15 break test): the focus landed on
Back while its description still said "1 shared entry…", the new words came only
after, and nothing said the entry was made private."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.storage.entries.repository import EntryRepository
from journal.ui.together.sharing import NOTHING_SHARED
from tests.couples import entry
from tests.ui.together.support import together

Event = QAccessible.Event


def description_of(widget) -> str:  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def test_making_the_last_shared_entry_private_is_heard_with_backs_new_words(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    EntryRepository(unlocked_window.journal.db).save(entry(1, "The walk by the river", True))
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(area.start.shared_button, Qt.MouseButton.LeftButton)
    page = area.shared
    (button,) = page.buttons
    assert "1 shared entry" in description_of(page.back_button)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    described_at_focus: list[str] = []

    def note(_old, new) -> None:  # type: ignore[no-untyped-def]
        if new is page.back_button:
            described_at_focus.append(description_of(new))

    QApplication.instance().focusChanged.connect(note)
    try:
        a11y_events.listen()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert a11y_events.announcements(assertive=False) == [
            "Made private: The walk by the river."
        ]
    finally:
        QApplication.instance().focusChanged.disconnect(note)
    assert QApplication.focusWidget() is page.back_button
    assert described_at_focus and all(NOTHING_SHARED in d for d in described_at_focus)
    focus_moves = [i for i, e in enumerate(a11y_events.events) if e.kind == Event.Focus]
    said = [i for i, e in enumerate(a11y_events.events) if e.kind == Event.Announcement]
    assert focus_moves and max(focus_moves) < min(said)

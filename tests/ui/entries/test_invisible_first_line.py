"""An entry whose first line holds only an invisible character gets its row from the
first line that shows something (break test 9 of session 14, finding 10: a direction
mark alone on the first line, as chats copied from Hebrew or Arabic carry, gave a blank
row in the journal list; NUL or ESC gave a box)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.entries.entry import UNTITLED
from journal.ui.common.widgets import qt_text
from tests.ui.entries.editing import CTRL
from tests.ui.entries.test_editor import journal_area


def _paste_by_keys(qtbot, body, text: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+V with ``text`` on the clipboard (as copied from a chat: the keyboard types
    no byte-order mark or NUL)."""
    data = QMimeData()
    data.setText(qt_text(text))
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)


INVISIBLE = [
    "\u200b",  # zero-width space
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\ufeff",  # byte-order mark
    "\u00ad",  # soft hyphen
    "\u2060",  # word joiner
    "\u180e",  # Mongolian vowel separator
    "\u034f",  # combining grapheme joiner
    "\u3164",  # Hangul filler
    "\u2800",  # braille pattern blank
    "\U000e0020",  # tag space
    "\x00",  # NUL
    "\x1b",  # ESC
    "\u200f\u200b \u00ad",
]


def test_a_first_line_with_nothing_visible_is_skipped_in_the_list(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    body = area.editor.body
    for mark in INVISIBLE:
        area.new_entry()
        _paste_by_keys(qtbot, body, mark)
        qtbot.keyClick(body, Qt.Key.Key_Return)
        qtbot.keyClicks(body, "I miss you so much today")
        assert area.editor.save_now()
        if not mark.startswith("\ufeff"):  # Qt's clipboard drops a leading byte-order mark
            assert body.markdown() == f"{mark}\nI miss you so much today"  # kept as written
        assert area.model.index(0).data() == "I miss you so much today", repr(mark)


def test_an_entry_with_nothing_visible_is_untitled_and_a_control_shows_its_mark(
    qtbot, unlocked_window
):
    area = journal_area(unlocked_window)
    body = area.editor.body
    area.new_entry()
    _paste_by_keys(qtbot, body, "\u200f\u200b")
    assert area.editor.save_now()
    assert area.model.index(0).data() == UNTITLED
    area.new_entry()
    _paste_by_keys(qtbot, body, "a\x00b")
    assert area.editor.save_now()
    assert area.model.index(0).data() == "a\u2400b"

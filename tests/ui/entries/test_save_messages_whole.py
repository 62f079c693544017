"""On any screen with 100 % text, down to a netbook's 1024x600, the entry editor's
messages about saving and formatting are read whole in their two lines, never cut
with "…".

Break test 16 of session 12, finding 5: the full-disk message ended "…please free
some space an…": the reassuring half (Solace saves the words by itself once there is
room) was the half cut off. The messages now say what matters first and fit two
lines; at a larger text size they take more, and are still shown whole
(test_messages_fit). The refusal of a text too long for one entry, with its two
numbers, may still take a third line: its first words say what matters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from journal.errors import DiskFull, JournalBusy, JournalReadOnly, StorageFailed
from journal.ui.common.fit import text_height
from journal.ui.entries.editor import FUTURE_MESSAGE, NOTHING_TO_SAVE, TITLE_TOO_LONG
from journal.ui.entries.markdown import CANNOT_FORMAT, IN_CODE, NOTHING_TO_FORMAT
from tests.ui.entries.test_save_failures import journal_area
from tests.ui.shell.test_fits_any_screen import settle_layouts

SMALLEST = QSize(1024, 600)
MESSAGES = {
    "disk full": DiskFull().message,
    "journal busy": JournalBusy().message,
    "read-only": JournalReadOnly().message,
    "could not save": StorageFailed("Input/output error").message,
    "nothing to save": NOTHING_TO_SAVE,
    "cannot format": CANNOT_FORMAT,
    "in code": IN_CODE,
    "nothing to format": NOTHING_TO_FORMAT,
}


@pytest.mark.parametrize("name", list(MESSAGES))
def test_each_message_fits_two_lines_on_the_smallest_screen(qtbot, unlocked_window, name) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.resize(SMALLEST)
    area = journal_area(window)
    area.new_entry()
    editor = area.editor
    qtbot.keyClicks(editor.body, "Words of today")
    editor.timer.stop()
    words = MESSAGES[name]
    formatting = words in (CANNOT_FORMAT, IN_CODE, NOTHING_TO_FORMAT)
    editor.body.refused.emit(words) if formatting else editor.show_problem(words)
    settle_layouts(window)
    status = editor.text_note if formatting else editor.status
    assert status.text() == words
    assert text_height(status, status.width()) <= status.height(), (
        f"{name}: {status.width()} px wide, {status.height()} px high"
    )


@pytest.mark.parametrize(
    ("key", "words"), [("created_at", FUTURE_MESSAGE), ("title", TITLE_TOO_LONG)]
)
def test_the_date_s_and_title_s_refusals_fit_two_lines_on_the_smallest_screen(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, key, words
) -> None:
    window = unlocked_window
    window.resize(SMALLEST)
    area = journal_area(window)
    area.new_entry()
    editor = area.editor
    editor.notes.show(key, words, focus=False)
    settle_layouts(window)
    note = editor.notes.note(key)
    assert text_height(note, note.width()) <= note.height(), f"{note.width()} px wide"

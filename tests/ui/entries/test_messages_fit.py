"""The entry editor's messages (the save status, why the text or the date was not taken)
are read in full at any screen and text size (issue 10): the Journal's page never
scrolls, and a message is shown whole, wrapped, never cut off at the window's edge
nor cut short with "…". A save error of four lines at 1024x600 and 200 % text was cut
off at the bottom edge ("... and Solace will try"), and the page scrolled to take it;
then the messages were kept to two lines, and the refusal of a "Written on" in the
future ended with "…" at 200 % (break test of session 18, finding 1): a refusal is
read whole."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from journal.domain.common.local_time import now_utc
from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.settings import FONT_SCALE
from journal.ui.common.fit import text_height
from journal.ui.common.local_time import to_qdatetime
from journal.ui.entries.editor import FUTURE_MESSAGE, EntryEditor
from tests.ui.entries.test_save_failures import journal_area
from tests.ui.shell.test_fits_any_screen import SCREENS, settle_layouts
from tests.ui.shell.test_full_disk import disk_full


def _name(label: QLabel) -> str:
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def _problems(window, message: QLabel, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What keeps ``message`` (showing ``words``) from being read in full."""
    problems = []
    if not message.isVisible():
        return ["it is not shown"]
    where = QRect(message.mapTo(window, QPoint(0, 0)), message.size())
    if not window.rect().contains(where):
        problems.append(f"it lies outside the window: {where.getRect()}")
    if message.visibleRegion().boundingRect().size() != message.size():
        problems.append("part of it is cut off")
    if window.page_scroll.verticalScrollBar().maximum() > 0:
        editor = message.window().findChild(EntryEditor)
        problems.append(
            f"the Journal's page scrolls to show it (by "
            f"{window.page_scroll.verticalScrollBar().maximum()} px; the words "
            f"{editor.body.height()} px, the details {editor.details.isVisible()})"
        )
    if message.text() != words or _name(message) != words:
        problems.append("a screen reader does not hear it whole")
    if text_height(message, message.width()) > message.height():
        problems.append(
            f"it is cut short: {message.height()} px high, its words need "
            f"{text_height(message, message.width())} px at its width {message.width()}"
        )
    return problems


def _failed_save(qtbot, editor: EntryEditor) -> tuple[QLabel, str]:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.body, " and more")
    with disk_full(4096):
        assert not editor.save_now()
    return editor.status, editor.status.text()


def _refused_date(qtbot, editor: EntryEditor) -> tuple[QLabel, str]:  # type: ignore[no-untyped-def]
    editor.when.setDateTime(to_qdatetime(now_utc() + timedelta(days=2)))
    return editor.notes.note("created_at"), FUTURE_MESSAGE


def _refused_paste(qtbot, editor: EntryEditor) -> tuple[QLabel, str]:  # type: ignore[no-untyped-def]
    huge = QMimeData()
    huge.setText("x" * (MAX_BODY_CHARS + 1))
    editor.body.insertFromMimeData(huge)
    return editor.text_note, editor.text_note.text()


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("show", [_failed_save, _refused_date, _refused_paste])
def test_the_editors_messages_are_read_in_full_on_every_screen(
    qtbot, unlocked_window, scale, show
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    area = journal_area(window)
    area.new_entry()
    editor = area.editor
    editor.retry.stop()
    qtbot.keyClicks(editor.body, "Words of today")
    message, words = show(qtbot, editor)
    editor.retry.stop()  # the words stay unsaved; the message stays
    assert words and message.text() == words
    found = {}
    for screen in SCREENS:
        window.resize(screen)
        settle_layouts(window)
        # Qt lays the page out in turns: the last turn is the one to judge.
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: not _problems(window, message, words), timeout=3000)
        problems = _problems(window, message, words)
        if problems:
            found[f"{screen.width()}x{screen.height()}"] = problems
    assert not found, found

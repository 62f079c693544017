"""Opening an entry of many lines never freezes the window (break test 9 of session 15,
finding 11: an entry of 166,000 short lines froze it 16-19 s each time it was chosen,
nothing shown). It goes into the editor a slice at a time, as a paste does, with
"Opening… n %" under it; keys typed meanwhile go in after it; choosing another entry
meanwhile shows that one at once. Work is observed, not timed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.editor import OPENING
from journal.ui.entries.timeline import ID_ROLE
from tests.ui.entries.editing import CTRL
from tests.ui.entries.test_editor import journal_area
from tests.ui.entries.test_sliced_paste import LINES, _many_lines, _paste


def _click_entry(qtbot, area, entry_id: str) -> None:  # type: ignore[no-untyped-def]
    row = next(
        row
        for row in range(area.model.rowCount())
        if area.model.index(row).data(ID_ROLE) == entry_id
    )
    place = area.timeline.visualRect(area.model.index(row)).center()
    qtbot.mouseClick(area.timeline.viewport(), Qt.MouseButton.LeftButton, pos=place)


def _two_entries(qtbot, window, text: str = "") -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """A big entry (``text``, else many lines; pasted) and a small one; (big id, its
    text, small id)."""
    area = journal_area(window)
    area.new_entry()
    text = text or _many_lines()
    _paste(area.editor.body, text)
    qtbot.waitUntil(lambda: not area.editor.body.pasting, timeout=60_000)
    assert area.editor.save_now()
    big = area.editor.entry_id
    area.new_entry()
    QTest.keyClicks(area.editor.body, "small")
    assert area.editor.save_now()
    return big, text, area.editor.entry_id


def test_opening_an_entry_of_many_lines_lets_the_window_answer(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    big, text, _small = _two_entries(qtbot, unlocked_window)
    editor = area.editor
    turns: list[int] = []
    ticking = QTimer()
    ticking.setInterval(0)
    ticking.timeout.connect(lambda: turns.append(editor.body.document().blockCount()))
    ticking.start()

    _click_entry(qtbot, area, big)
    assert editor.entry_id == big and editor.body.opening
    assert editor.status.text() == OPENING.format(percent=0)
    assert not editor.is_dirty  # going in changes nothing
    QTest.keyClicks(editor.body, " end")  # typed while it opens: waits, goes after it
    qtbot.waitUntil(lambda: not editor.body.opening, timeout=60_000)
    ticking.stop()

    assert any(count < LINES for count in turns)  # the event loop turned meanwhile
    assert not editor.status.text().startswith("Opening")
    assert editor.body.markdown() == text + " end"
    while editor.body.document().isUndoAvailable():  # the typing only: never the opening
        QTest.keyClick(editor.body, Qt.Key.Key_Z, CTRL)
    assert editor.body.markdown() == text


def test_choosing_another_entry_while_one_opens_shows_it_at_once(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    big, text, small = _two_entries(qtbot, unlocked_window)
    editor = area.editor
    _click_entry(qtbot, area, big)
    assert editor.body.opening
    _click_entry(qtbot, area, small)
    assert editor.entry_id == small and not editor.body.opening
    assert editor.body.markdown() == "small" and not editor.is_dirty
    assert EntryRepository(unlocked_window.journal.db).get(big).body == text  # untouched


def _one_long_line() -> str:
    """One line of a million characters, no line break (break test 9 of session 15 and
    fid17 finding 3: opening one of two million blocked the window about 7 s)."""
    return ("I miss you, my love, more than words hold; " * 24_000)[:1_000_000]


def test_opening_an_entry_of_one_long_line_lets_the_window_answer(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    big, text, _small = _two_entries(qtbot, unlocked_window, _one_long_line())
    editor = area.editor
    sizes: list[int] = []
    ticking = QTimer()
    ticking.setInterval(0)
    ticking.timeout.connect(lambda: sizes.append(editor.body.document().characterCount()))
    ticking.start()

    _click_entry(qtbot, area, big)
    assert editor.entry_id == big and editor.body.opening  # not all in at once
    assert editor.status.text() == OPENING.format(percent=0)
    QTest.keyClicks(editor.body, " end")  # typed while it opens: waits, goes after it
    qtbot.waitUntil(lambda: not editor.body.opening, timeout=60_000)
    ticking.stop()

    assert any(0 < size < len(text) for size in sizes)  # the event loop turned meanwhile
    assert editor.body.markdown() == text + " end"
    assert editor.body.document().blockCount() > 2  # still held in pieces
    while editor.body.document().isUndoAvailable():  # the typing only: never the opening
        QTest.keyClick(editor.body, Qt.Key.Key_Z, CTRL)
    assert editor.body.markdown() == text
    assert editor.save_now()
    assert EntryRepository(unlocked_window.journal.db).get(big).body == text

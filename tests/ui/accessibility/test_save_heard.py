"""What a screen reader hears of an entry's saving (break test 15 of session 7,
finding 7): "Saved at 03:40" changed on its line and was never heard. Now an
ordinary autosave stays quiet (it follows every pause while writing), a save that
could not happen is heard at once, its end is heard, and Ctrl+S saves and says when."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.entries.editor import NOTHING_TO_SAVE
from tests.ui.entries.test_editor import write
from tests.ui.entries.test_keys import _writing
from tests.ui.shell.test_full_disk import disk_full

CTRL = Qt.KeyboardModifier.ControlModifier


def test_autosave_is_quiet_and_ctrl_s_saves_and_says_when(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    area = _writing(qtbot, unlocked_window)
    a11y_events.listen()
    editor = area.editor
    qtbot.keyClick(editor.body, Qt.Key.Key_S, CTRL)
    assert a11y_events.announcements(assertive=False) == [NOTHING_TO_SAVE]
    a11y_events.clear()
    write(qtbot, area, "A quiet evening")  # waits for the autosave
    assert editor.status.text().startswith("Saved at")
    assert a11y_events.announcements() == []
    qtbot.keyClicks(editor.body, " at home")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, CTRL)
    assert not editor.is_dirty
    assert a11y_events.announcements() == [editor.status.text()]
    assert editor.status.text().startswith("Saved at")


def test_a_save_that_could_not_happen_is_heard_and_so_is_its_end(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    area = _writing(qtbot, unlocked_window)
    a11y_events.listen()
    editor = area.editor
    editor.retry.setInterval(50)
    qtbot.keyClicks(editor.body, "Words written as the disk filled")
    with disk_full(4096):
        assert not editor.save_now()
    problem = editor.status.text()
    assert "the disk is full" in problem
    assert a11y_events.announcements(assertive=True) == [problem]
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass  # tried again on its own, now that there is room
    assert editor.status.text().startswith("Saved at")
    assert a11y_events.announcements(assertive=False) == [editor.status.text()]

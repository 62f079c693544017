"""Every connection to the journal closes at every lock, the Journal's save
connection too: a lock on quit (or before the process is replaced) skips forgetting
the views, where that connection was closed, and it kept journal.db and its key open
until the process ended (found in session 26: a test worker held the files of 158
earlier tests open)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.entries.test_editor import journal_area, write


def open_files_under(folder: Path) -> list[str]:
    """The files under ``folder`` this process holds open (Linux: /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files read from /proc")
def test_closing_the_window_closes_every_connection_to_the_journal(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    folder = window.journal.folder
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "A quiet evening")  # saved through the save connection
    assert area.editor.save_now()
    assert open_files_under(folder)
    window.close()
    qtbot.waitUntil(lambda: window.journal is None)
    assert open_files_under(folder) == []

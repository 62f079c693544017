"""Words typed while the journal's files refuse writes are saved once they take writes
again, without a lock (break test 46, F3: the editor's own connection, opened while the
files were read-only, stayed read-only, and "Not saved yet: … read-only" stayed for a
minute after they were writable). Real window, real SQLCipher journal; the files made
immutable (``chattr +i``), which refuses writes even to the root user."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from journal.errors import JournalReadOnly
from journal.storage.entries.repository import EntryRepository
from tests.ui.entries.test_save_failures import journal_area

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="chattr")
WORDS = "Typed while the files were read-only"


@contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """The journal's database files refuse every write while the block runs."""
    files = [str(path) for path in folder.iterdir() if path.name.startswith("journal.db")]
    made = subprocess.run(["chattr", "+i", *files], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr is not allowed here: {made.stderr.decode(errors='replace')}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *files], check=False)


def test_words_refused_as_read_only_are_saved_once_the_files_take_writes(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = journal_area(window)
    editor = area.editor
    editor.retry.setInterval(50)  # the same retry, sooner, so the test is short
    with immutable(window.journal.folder):
        area.new_entry()  # the editor's first save opens its own connection now
        qtbot.keyClicks(editor.body, WORDS)
        assert not editor.save_now()
        assert editor.status.text() == JournalReadOnly().message
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass  # writable again: the next retry saves, on a connection opened afresh
    assert "Saved" in editor.status.text()
    saved = EntryRepository(window.journal.db).get(editor.entry_id or "")
    assert saved is not None and saved.body == WORDS

"""An export cut short (break test 16, N7): the process killed while writing left a
hidden folder of readable entries in the chosen place, found by nothing. The next
unlock deletes it and says so."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from journal.ui.shell.notices import Notice
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS

CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from journal.storage.lock.store import JournalStore
    from journal.storage.safekeeping.export import export_journal
    from tests.storage.safekeeping.helpers import write_entries

    store = JournalStore(Path(sys.argv[1]))
    journal = store.unlock(store.journals()[0].folder, sys.argv[4])
    write_entries(journal, 300, word="CANARYWORD")

    def progress(done, total):
        if done >= 100:
            print("killed", flush=True)
            os._exit(9)  # as kill -9 would: no clean-up runs

    export_journal(journal.db, Path(sys.argv[2]), [], progress)
    """
)


def test_an_export_cut_short_is_deleted_and_told_at_the_next_unlock(
    qtbot, window, data_dir: Path, tmp_path: Path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    root = Path(__file__).resolve().parents[3]
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), str(stick), str(root), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.stdout.strip() == "killed", child.stderr
    (left,) = stick.iterdir()
    assert left.name.startswith(".journal-export-") and left.name.endswith(".partial")
    assert any("CANARYWORD" in p.read_text() for p in (left / "entries").iterdir())

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert list(stick.iterdir()) == []  # no plaintext left behind
    (said,) = window.notices.texts()  # a note kept until read, not the status bar
    assert f"An export to {stick} was cut short last time" in said
    assert "Solace has deleted them" in said
    # Locked before it was read, it is said again; read, never again (it was said once,
    # from memory, and lost to the lock).
    window.lock()
    for expected in ([said], []):
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
            qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        assert window.notices.texts() == expected
        for note in window.notices.findChildren(Notice):
            qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
        window.lock()

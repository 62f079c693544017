"""Work cut short is told at the next unlock (break test 16 of the eighth session):
an import, which added nothing (finding 10: Ctrl+L during an import of 200,000
entries dropped it with nothing said), and a backup file, whose hidden unfinished
copy is removed from the chosen place (finding 13: it stayed on a USB stick for
ever). Each runs in a real child process, killed with SIGKILL at a chosen point, as
the lock's process replacement or a power cut would; the window then unlocks the
real journal."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.importer import apply
from journal.storage.safekeeping.unfinished import unfinished_import
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS

WORKER = Path(__file__).parents[2] / "storage" / "safekeeping" / "cut_worker.py"


def jrnl_export(path: Path, count: int) -> Path:
    entries = [
        {"date": "2026-10-01", "time": "09:00", "title": f"Day {n}", "body": f"words {n}"}
        for n in range(count)
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}))
    return path


def kill_at(store, work: str, path: Path, word: str) -> None:  # type: ignore[no-untyped-def]
    """Run ``work`` on the store's one journal in a child process; SIGKILL it when it
    says ``word``."""
    (info,) = store.journals()
    arguments = [str(store.data_dir), str(info.folder), PASSPHRASE, work, str(path)]
    child = subprocess.Popen(
        [sys.executable, str(WORKER), *arguments], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == word
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)


def unlock(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    """Unlock through the lock screen; the notes shown, as one text."""
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.journal is not None
    return " ".join(window.notices.texts())


def test_an_import_killed_inside_its_transaction_is_named_at_the_next_unlock(
    qtbot, store, window, tmp_path
):
    kill_at(store, "import", jrnl_export(tmp_path / "old journal.json", 300), "inserted")
    said = unlock(qtbot, window)
    assert EntryRepository(window.journal.db).count() == 0
    assert "Your import of \u201cold journal.json\u201d was stopped" in said
    assert "nothing from it was added" in said
    assert unfinished_import(window.journal.db) == ""  # said once


def test_an_import_that_ends_leaves_nothing_to_tell(journal, tmp_path):
    source = jrnl_export(tmp_path / "old journal.json", 3)
    assert apply(journal, plan_for(source), backup=False, name=source.name).entries == 3
    assert unfinished_import(journal.db) == ""


def test_a_backup_file_killed_before_its_rename_is_cleared_away_and_told(
    qtbot, store, window, tmp_path
):
    stick = tmp_path / "usb stick"
    stick.mkdir()
    kill_at(store, "backup-file", stick / "copy.solacebackup", "renaming")
    assert [p.name for p in stick.iterdir()] == [".copy.solacebackup.partial"]
    said = unlock(qtbot, window)
    assert list(stick.iterdir()) == []
    assert f"A backup file to {stick} was cut short last time" in said

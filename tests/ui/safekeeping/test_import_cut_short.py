"""An import cut short is told at the next unlock (break test 16 of the eighth session,
finding 10: Ctrl+L during an import of 200,000 entries dropped it, and nothing said
so). The import runs in a real child process, killed with SIGKILL inside its
transaction, as the lock's process replacement or a power cut would; the window then
unlocks the real journal and says which import added nothing."""

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

WORKER = Path(__file__).parents[2] / "storage" / "safekeeping" / "import_worker.py"


def jrnl_export(path: Path, count: int) -> Path:
    entries = [
        {"date": "2026-10-01", "time": "09:00", "title": f"Day {n}", "body": f"words {n}"}
        for n in range(count)
    ]
    path.write_text(json.dumps({"tags": {}, "entries": entries}))
    return path


def test_an_import_killed_inside_its_transaction_is_named_at_the_next_unlock(
    qtbot, store, window, tmp_path
):
    (info,) = store.journals()
    source = jrnl_export(tmp_path / "old journal.json", 300)
    child = subprocess.Popen(
        [
            sys.executable,
            str(WORKER),
            str(store.data_dir),
            str(info.folder),
            PASSPHRASE,
            str(source),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "inserted"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.journal is not None
    assert EntryRepository(window.journal.db).count() == 0
    said = " ".join(window.notices.texts())
    assert "Your import of \u201cold journal.json\u201d was stopped" in said
    assert "nothing from it was added" in said
    assert unfinished_import(window.journal.db) == ""  # said once


def test_an_import_that_ends_leaves_nothing_to_tell(journal, tmp_path):
    source = jrnl_export(tmp_path / "old journal.json", 3)
    assert apply(journal, plan_for(source), backup=False, name=source.name).entries == 3
    assert unfinished_import(journal.db) == ""

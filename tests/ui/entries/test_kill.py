"""Kill the app about a second after typing stops: the words are there after restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.killed import killed_after

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Typed just before the power went out"

WORKER = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from journal.settings import Settings
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea

data, folder, passphrase, text = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], sys.argv[5]
app = QApplication([])
journal = JournalStore(data).unlock(folder, passphrase)
area = JournalArea()
area.show()
area.open_journal(AppContext(journal, Settings(data), lambda url: None))
area.new_entry()
area.editor.saved.connect(lambda summary: print("saved", flush=True))
QTest.keyClicks(area.editor.body, text)
print("typed", flush=True)
app.exec()
"""


@pytest.mark.slow
def test_killing_the_app_after_typing_keeps_the_words(tmp_path, data_dir):
    store = JournalStore(data_dir)
    journal, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    folder = journal.folder
    journal.lock()
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    waited = killed_after(
        script, [str(ROOT), str(data_dir), str(folder), PASSPHRASE, TEXT], "typed", "saved"
    )
    assert waited < 3.0  # saved about a second after typing stopped

    reopened = store.unlock(folder, PASSPHRASE)
    try:
        repo = EntryRepository(reopened.db)
        summaries, _ = repo.summaries(10)
        assert len(summaries) == 1
        entry = repo.get(summaries[0].id)
        assert entry is not None and entry.body.strip() == TEXT
    finally:
        reopened.lock()

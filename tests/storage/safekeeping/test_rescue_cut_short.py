"""A rescue killed midway leaves no journal in the list (break test 16 of session 17,
finding 4): the new journal was listed as soon as it was made, so a rescue stopped by
a power cut, a crash or a kill while it wrote the rows left a journal that opened as a
normal, empty one, as if the rescue had found nothing, and took its name. Now it is
filled in a hidden folder and listed only once whole.

The rescue runs in a real child process (`cut_worker.py`), killed with SIGKILL once
every row is written into the new journal, before it is listed."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.cut_worker import NEW_PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries

WORKER = Path(__file__).with_name("cut_worker.py")


def test_a_rescue_killed_before_it_is_whole_is_never_listed(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "data")
    journal, _recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 40)
    folder = journal.folder
    journal.lock()
    arguments = [str(store.data_dir), str(folder), PASSPHRASE, "rescue", "Halfway"]
    child = subprocess.Popen(
        [sys.executable, str(WORKER), *arguments], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "applied"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)

    assert [info.name for info in store.journals()] == ["Mine"]
    # The name is free, and a rescue run again brings every entry.
    rescued = rescue(store.data_dir, folder, PASSPHRASE, "Halfway", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        assert EntryRepository(rescued.journal.db).count() == 40
        assert rescued.journal.folder.parent == store.root
    finally:
        rescued.journal.lock()
    assert sorted(info.name for info in store.journals()) == ["Halfway", "Mine"]

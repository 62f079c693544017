"""When the journal's files stop taking writes, SQLite reports an error: the process
never dies of SIGBUS (break tests 9 and 14, finding 0).

In WAL mode SQLite's default keeps the WAL index in a ``-shm`` file mapped into
memory; a write to a mapped page the file can no longer hold (the file cut short,
made immutable, or a disk remounted read-only) is a SIGBUS, which killed Solace at
Ctrl+L with the words it was about to seal. Each test runs the journal in a child
process, which prints what happened, so that a signal is seen as such.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux files")

CHILD = textwrap.dedent(
    """
    import subprocess, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore

    journal, _ = JournalStore(Path(sys.argv[1])).create("Refused", "pass word", LIGHT_KDF)
    with journal.db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE words(text)")
        connection.exec_driver_sql("INSERT INTO words VALUES ('saved')")
    print("open", sorted(p.name for p in journal.folder.iterdir()), flush=True)
    files = [p for p in journal.folder.iterdir() if p.name.startswith("journal.db")]
    if sys.argv[2] == "cut":  # the WAL index file cut short, as a failing disk may
        for path in files:
            if path.name.endswith("-shm"):
                with open(path, "r+b") as handle:
                    handle.truncate(0)
    else:  # immutable files: every write refused
        subprocess.run(["chattr", "+i", *map(str, files)], check=True)
    try:
        try:
            with journal.db.engine.begin() as connection:
                connection.exec_driver_sql("INSERT INTO words VALUES ('refused?')")
            print("written", flush=True)
        except Exception as error:
            print("refused", type(error).__name__, flush=True)
        try:
            journal.lock()
        except Exception as error:
            print("lock said", type(error).__name__, flush=True)
        print("locked", flush=True)
    finally:
        subprocess.run(["chattr", "-i", *map(str, files)], check=False)
    """
)


def run_child(tmp_path: Path, how: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    root = Path(__file__).resolve().parents[3]
    return subprocess.run(
        [sys.executable, str(script), str(tmp_path / "data"), how, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_open_journal_maps_no_shared_wal_index_file(tmp_path):
    """No ``-shm`` file exists beside an open journal, and cutting one short (had it
    existed) changes nothing: the next write and the lock end normally."""
    result = run_child(tmp_path, "cut")
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr[-500:])
    assert "journal.db-shm" not in result.stdout
    assert "locked" in result.stdout


def test_files_that_refuse_writes_give_an_error_never_a_signal(tmp_path):
    """``chattr +i`` on the database files (what break test 9 did): the write is
    refused with an error and the lock completes; the process lives."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    probe = tmp_path / "probe"
    probe.write_text("")
    if subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode != 0:
        pytest.skip("this file system or user cannot make files immutable")
    subprocess.run(["chattr", "-i", str(probe)], check=True)
    result = run_child(tmp_path, "immutable")
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr[-500:])
    assert "refused" in result.stdout and "locked" in result.stdout

"""A crash at any write of a credential change never leaves the old credential opening
a kept file whose key opens the live journal while the new one is live (break test
14, finding 1: a kill -9 between the live vault.json and the snapshots' copies).

A child process changes the passphrase (or makes a new recovery key) and is killed
just before each rename of a key file in turn (see `credential_worker`); after each,
every key file Solace keeps (the live one, each snapshot's, any half-written one) is
tried with the old and the new credential.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock import keys
from journal.storage.lock.engine import open_engine
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind, parse_header, unwrap_candidates

pytestmark = pytest.mark.slow
WORKER = Path(__file__).with_name("credential_worker.py")
OLD, NEW = "old quiet passphrase", "new quiet passphrase"


def run_worker(folder: Path, operation: str, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(WORKER), str(folder), OLD, operation, str(kill_at), NEW],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def key_files(folder: Path) -> list[Path]:
    """Every key file kept in a journal's folder, whole or half-written."""
    return [p for p in folder.rglob("*") if p.is_file() and "vault.json" in p.name]


def opens_live(folder: Path, kind: SlotKind, secret: bytes) -> list[str]:
    """The key files that ``secret`` unwraps to a key opening the live database."""
    found = []
    for path in key_files(folder):
        try:
            header = parse_header(path.read_bytes())
        except Exception:  # half-written: opens nothing
            continue
        for _generation, key in unwrap_candidates(header, kind, secret):
            try:
                open_engine(folder / "journal.db", key).dispose()
            except Exception:
                continue
            found.append(str(path.relative_to(folder)))
    return sorted(found)


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, str]:
    """A journal with two snapshots, its folder, and its recovery key."""
    journal, recovery = JournalStore(tmp_path / "template").create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.backup(Reason.DAILY)
    journal.backup(Reason.MANUAL)
    folder = journal.folder
    journal.lock()
    return folder, recovery


@pytest.mark.timeout(600)
@pytest.mark.parametrize("operation", ["passphrase", "recovery"])
def test_no_old_credential_opens_a_kept_file_once_the_new_one_is_live(
    tmp_path, template, operation
):
    source, recovery = template
    if operation == "passphrase":
        kind, old, new = SlotKind.PASSPHRASE, OLD, NEW
        secret = keys.normalise_passphrase
    else:
        kind, old, new = SlotKind.RECOVERY, recovery, ""
        secret = keys.normalise_recovery_key
    clean = tmp_path / "clean" / "journals" / source.name
    shutil.copytree(source, clean)
    finished = run_worker(clean, operation, 0)
    assert finished.returncode == 0, finished.stderr
    said = dict(line.split(" ", 1) for line in finished.stdout.splitlines())
    renames = int(said["renames"])
    assert opens_live(clean, kind, secret(old)) == []
    assert renames >= 3  # the live key file and the two snapshots' copies
    for kill_at in range(1, renames + 1):
        folder = tmp_path / f"kill{kill_at}" / "journals" / source.name
        shutil.copytree(source, folder)
        result = run_worker(folder, operation, kill_at)
        assert result.returncode == -signal.SIGKILL, (kill_at, result.stderr[-400:])
        old_opens = opens_live(folder, kind, secret(old))
        if "vault.json" not in old_opens:  # the change happened: the old one opens nothing
            assert old_opens == [], (kill_at, old_opens)
            if new:
                assert "vault.json" in opens_live(folder, kind, secret(new)), kill_at

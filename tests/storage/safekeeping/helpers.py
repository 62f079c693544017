"""Small helpers shared by the safekeeping storage tests (real journals only)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def write_entries(journal: OpenJournal, count: int, start: int = 0, word: str = "words") -> None:
    repo = EntryRepository(journal.db)
    for n in range(start, start + count):
        entry = new_entry(START + timedelta(hours=n))
        repo.save(dataclasses.replace(entry, body=f"{word} {n}"))


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path, with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or folder) read-only while the block runs, as the person or a
    read-only disk would make it: its write bits taken away, and for root (whom
    permission bits do not stop) a read-only bind mount over it. Skips the test
    where root may not mount."""
    mode = stat.S_IMODE(path.stat().st_mode)
    os.chmod(path, mode & ~0o222)
    mounted = False
    try:
        if os.geteuid() == 0:
            for args in (["--bind", str(path), str(path)], ["-o", "remount,ro,bind", str(path)]):
                done = subprocess.run(["mount", *args], capture_output=True, check=False)
                if done.returncode:
                    pytest.skip("root without the right to mount cannot make a read-only file")
                mounted = True
        yield
    finally:
        if mounted:
            subprocess.run(["umount", str(path)], capture_output=True, check=False)
        os.chmod(path, mode)

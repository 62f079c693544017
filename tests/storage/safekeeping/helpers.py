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
import sqlcipher3

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.engine import key_connection
from journal.storage.lock.journal import OpenJournal

START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def write_entries(journal: OpenJournal, count: int, start: int = 0, word: str = "words") -> None:
    repo = EntryRepository(journal.db)
    for n in range(start, start + count):
        entry = new_entry(START + timedelta(hours=n))
        repo.save(dataclasses.replace(entry, body=f"{word} {n}"))


def flip_a_middle_bit(path: Path, bit: int = 0x08) -> None:
    """Bit rot: flip ``bit`` of the byte in the middle of the file at ``path``, in place
    (a damage only a check of the pages finds)."""
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= bit
    path.write_bytes(bytes(raw))


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
            # lazily: a failing test may still hold the file open
            subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)
        os.chmod(path, mode)


def flip_a_middle_page_of_entries(db: Path, key: bytes) -> None:
    """Flip one bit in the first page from the middle of the file on that reading
    every entry's text needs (other pages hold indexes and the search index)."""
    raw = bytearray(db.read_bytes())
    pages = len(raw) // 4096
    for page in range(pages // 2, pages):
        raw[page * 4096 + 300] ^= 0x10
        db.write_bytes(bytes(raw))
        connection = sqlcipher3.connect(str(db))
        key_connection(connection, key)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:  # the schema: not a page of entries
            connection.close()
            raw[page * 4096 + 300] ^= 0x10
            continue
        try:
            connection.execute("SELECT sum(length(body)) FROM entries").fetchone()
        except sqlcipher3.DatabaseError:
            return
        finally:
            connection.close()
        raw[page * 4096 + 300] ^= 0x10
    raise AssertionError("no page of entries after the middle")


def damage_while_open(db: Path) -> None:
    """Flip one bit in every page of ``db`` but the first, under a journal that is open
    (its unlock's page walk has passed): what a disk that flips bits below the file
    system does. Reads of pages not already in a connection's cache then fail with
    SQLite's "database disk image is malformed"."""
    raw = bytearray(db.read_bytes())
    for page in range(1, len(raw) // 4096):
        raw[page * 4096 + 300] ^= 0x10
    with db.open("r+b") as file:  # in place: the same file the connections hold open
        file.write(bytes(raw))

"""Small helpers shared by the safekeeping storage tests (real journals only)."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

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

"""Entries written with given bodies, what a search finds among them, and the size of
the file that holds them: the set-up the storage tests in any script share."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.lock.journal import OpenJournal


def write(journal: OpenJournal, bodies: Mapping[str, str]) -> dict[str, str]:
    """Save one entry per body of ``bodies`` (key → body) in ``journal``, now; returns
    key → the entry's id."""
    repo = EntryRepository(journal.db)
    ids = {}
    for key, body in bodies.items():
        entry = dataclasses.replace(new_entry(datetime.now(UTC)), body=body)
        repo.save(entry)
        ids[key] = entry.id
    return ids


def found(journal: OpenJournal, words: str) -> set[str]:
    """The ids of the entries the journal search finds for ``words``."""
    return {hit.summary.id for hit in EntrySearch(journal.db).search(words)}


def found_keys(journal: OpenJournal, ids: Mapping[str, str], words: str) -> set[str]:
    """The keys of ``ids`` (key → entry id, as ``write`` returns them) whose entries the
    journal search finds for ``words``."""
    hits = found(journal, words)
    return {key for key, entry_id in ids.items() if entry_id in hits}


def settled_size(journal: OpenJournal) -> int:
    """Bytes of the journal's database file once its WAL is written back into it."""
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return (journal.folder / DATABASE_NAME).stat().st_size

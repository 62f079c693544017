"""Entries whose stored headline is the one an older Solace made: the set-up of the
migration tests that make headlines again (0017, 0019)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgraded

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def with_old_headlines(
    journal: OpenJournal, old: Mapping[str, str], revision: str
) -> dict[str, str]:
    """Save one entry per body of ``old`` (body → the headline an older app stored for
    it), an hour apart, take the schema back to the Alembic ``revision`` and store each
    old headline there; returns entry id → body. The caller upgrades."""
    repo = EntryRepository(journal.db)
    ids = {}
    for index, body in enumerate(old):
        entry = dataclasses.replace(new_entry(DAY + timedelta(hours=index)), body=body)
        repo.save(entry)
        ids[entry.id] = body
    with downgraded(journal.db.engine, revision) as connection:
        for entry_id, body in ids.items():
            connection.execute(
                text("UPDATE entries SET headline = :headline WHERE id = :id"),
                {"headline": old[body], "id": entry_id},
            )
    return ids

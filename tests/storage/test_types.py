"""The one stored-time type: aware in, naive UTC in SQLite, aware UTC out; naive refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from journal.domain.entries.entry import new_entry
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import EntryRepository
from journal.storage.schema import metadata
from journal.storage.types import UtcDateTime


def test_every_datetime_column_of_every_table_is_stored_utc():
    columns = [
        f"{table.name}.{column.name}"
        for table in metadata().sorted_tables
        for column in table.columns
        if column.type.python_type is datetime and not isinstance(column.type, UtcDateTime)
    ]
    assert columns == []


def test_a_moment_in_any_zone_is_kept_as_the_same_utc_moment(journal):
    kolkata = timezone(timedelta(hours=5, minutes=30))
    entry = new_entry(datetime(2024, 3, 31, 2, 30, tzinfo=kolkata))
    EntryRepository(journal.db).save(entry)
    loaded = EntryRepository(journal.db).get(entry.id)
    assert loaded is not None
    assert loaded.created_at == datetime(2024, 3, 30, 21, 0, tzinfo=UTC)
    assert loaded.created_at.tzinfo is UTC


def test_a_naive_time_is_refused_before_it_reaches_the_database(journal):
    with journal.db.session() as session, pytest.raises(StatementError, match="timezone-aware"):
        session.execute(EntryRow.__table__.update().values(updated_at=datetime(2024, 1, 1, 9)))

"""Library times written as the local wall clock by older versions become UTC on upgrade."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from journal.storage import migrate
from journal.storage.library.repository import LibraryStore
from tests.storage.downgraded import downgraded
from tests.time_zones import in_zone


def test_bookmarks_stamped_in_local_time_are_read_as_utc_after_the_upgrade(journal):
    with in_zone("Europe/Berlin"):
        with downgraded(journal.db.engine, "0003_library") as connection:
            # What the old code stored: the Berlin wall clock, summer and winter.
            for slug, wall in (
                ("summer", "2024-07-01 12:00:00.000000"),
                ("winter", "2024-01-15 09:30:00.000000"),
            ):
                connection.execute(
                    text("INSERT INTO library_bookmarks (slug, created_at) VALUES (:s, :w)"),
                    {"s": slug, "w": wall},
                )
        assert migrate.upgrade(journal.db.engine)
    marks = {mark.slug: mark.created_at for mark in LibraryStore(journal.db).bookmarks()}
    assert marks == {
        "summer": datetime(2024, 7, 1, 10, tzinfo=UTC),
        "winter": datetime(2024, 1, 15, 8, 30, tzinfo=UTC),
    }
    assert migrate.current_revisions(journal.db.engine) == migrate.head_revisions()

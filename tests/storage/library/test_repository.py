"""The library's bookmarks and closeness marks, stored in a real encrypted journal."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from journal.domain.library.closeness import IdeaMark, IdeaResponse
from journal.storage.library.repository import LibraryStore
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.schema import metadata
from tests.conftest import PASSPHRASE

LIBRARY_TABLES = {"library_bookmarks", "closeness_marks", "closeness_done", "closeness_own_ideas"}


def test_a_new_journal_has_the_library_tables_as_the_models_describe(journal: OpenJournal) -> None:
    with journal.db.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) >= LIBRARY_TABLES
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [
            d
            for d in compare_metadata(context, metadata())
            if any(t in repr(d) for t in LIBRARY_TABLES)
        ]
    assert diff == []


def test_bookmarks_and_marks_survive_locking(store: JournalStore, journal: OpenJournal) -> None:
    library = LibraryStore(journal.db)
    library.set_bookmarked("warning-signs", True)
    library.set_bookmarked("warning-signs", True)  # twice is still one bookmark
    library.set_bookmarked("finding-support", True)
    library.set_bookmarked("finding-support", False)
    library.set_response("hugging", IdeaResponse.YES)
    library.set_note("hugging", "  After dinner, on the sofa.  ")
    library.add_done("hugging", dt.date(2026, 11, 2))
    library.add_done("hugging", dt.date(2026, 11, 2))
    library.add_done("hugging", dt.date(2026, 10, 30))
    own = library.add_own_idea("  Reading   aloud ", "One chapter each night.")
    library.set_response(own.idea_id, IdeaResponse.MAYBE)
    library.set_reading_size(140)
    folder = journal.folder
    journal.lock()

    reopened = store.unlock(folder, PASSPHRASE)
    try:
        again = LibraryStore(reopened.db)
        assert [b.slug for b in again.bookmarks()] == ["warning-signs"]
        assert again.is_bookmarked("warning-signs")
        assert not again.is_bookmarked("finding-support")
        assert again.mark("hugging") == IdeaMark(
            "hugging",
            IdeaResponse.YES,
            "After dinner, on the sofa.",
            (dt.date(2026, 10, 30), dt.date(2026, 11, 2)),
        )
        assert [(i.title, i.description) for i in again.own_ideas()] == [
            ("Reading aloud", "One chapter each night.")
        ]
        assert again.mark(own.idea_id).response is IdeaResponse.MAYBE
        assert again.reading_size() == 140
    finally:
        reopened.lock()


def test_answers_can_be_changed_and_taken_back(journal: OpenJournal) -> None:
    library = LibraryStore(journal.db)
    library.set_response("dates", IdeaResponse.NOT_YET)
    library.set_response("dates", None)
    library.add_done("dates", dt.date(2026, 11, 1))
    library.remove_done("dates", dt.date(2026, 11, 1))
    assert library.mark("dates") == IdeaMark("dates")
    assert library.mark("never-marked") == IdeaMark("never-marked")


def test_removing_an_own_idea_forgets_its_marks(journal: OpenJournal) -> None:
    library = LibraryStore(journal.db)
    own = library.add_own_idea("Baking together")
    library.set_response(own.idea_id, IdeaResponse.YES)
    library.add_done(own.idea_id, dt.date(2026, 11, 3))
    library.remove_own_idea(own.idea_id)
    library.remove_own_idea("hugging")  # a shipped idea cannot be removed
    assert library.own_ideas() == []
    assert own.idea_id not in library.marks()
    with pytest.raises(ValueError):
        library.add_own_idea("   ")


def test_a_reading_size_out_of_range_is_kept_within_it(journal: OpenJournal) -> None:
    library = LibraryStore(journal.db)
    assert library.reading_size() == 100
    library.set_reading_size(10_000)
    assert library.reading_size() == 250
    journal.db.set_setting("library/reading_size_percent", "large")
    assert library.reading_size() == 100

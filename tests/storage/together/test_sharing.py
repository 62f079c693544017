"""What a journal's writer is called in Together (`Sharing.my_name`), and which entries
are shared (`Sharing.shared_among`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.sharing import Sharing


def test_a_journal_name_too_long_for_a_writer_s_name_is_not_offered_cut(journal) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, break test of session 25, F4: Together's "Your name" was filled with
    the journal's name cut to 40 characters ("Remembering our little one, winter
    2026,"), the name the partner reads. A name that fits is still offered."""
    sharing = Sharing(journal.db)
    long_name = "Remembering our little one, winter 2026, and after"
    assert sharing.my_name(long_name) == ""
    assert sharing.my_name("Our journal") == "Our journal"
    sharing.set_my_name("Robin")
    assert sharing.my_name(long_name) == "Robin"


def test_the_shared_among_the_ids_asked_are_found_across_every_query(journal) -> None:  # type: ignore[no-untyped-def]
    """`shared_among` reads each id's flag by its id (issue 12: asked the other way
    round, SQLite walked every shared entry). Ids of several queries, private and
    shared entries, and ids no entry has."""
    entries = [
        replace(
            new_entry(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n)), shared=n % 3 == 0
        )
        for n in range(1_200)
    ]
    EntryRepository(journal.db).add_many(entries)
    asked = [entry.id for entry in entries[100:]] + ["no such entry"]
    found = Sharing(journal.db).shared_among(asked)
    assert found == {entry.id for entry in entries[100:] if entry.shared}
    assert len(found) == 366

"""The feeling links keep one B-tree (migration 0030, issue 12): the filters by tag
and by feeling, the tags' spellings and the feelings named most answer as before, and
the upgraded file is smaller. Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from journal.storage.entries.stats import MoodStats
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import settled_size

START = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
TAGS = ("grief", "body", "sleep", "کتاب", "river")
FEELINGS = ("sad", "numb", "hopeful", "angry")
WRITTEN = 600


def _write(journal: OpenJournal) -> None:
    """`WRITTEN` entries, each with two tags and two feelings of a few."""
    EntryRepository(journal.db).add_many(
        dataclasses.replace(
            new_entry(START + timedelta(hours=i)),
            body=f"Walked by the river, day {i}.",
            tags=(TAGS[i % 5], TAGS[(i + 2) % 5]),
            feelings=(FEELINGS[i % 4], FEELINGS[(i + 1) % 4]),
        )
        for i in range(WRITTEN)
    )


def _answers(journal: OpenJournal) -> dict[str, object]:
    """What a person sees of the links: each filter's entries, a tag typed in another
    spelling found as the journal spells it, the feelings named most."""
    search = EntrySearch(journal.db)
    answers: dict[str, object] = {
        f"tag {tag}": [h.summary.id for h in search.search("", SearchFilters(tag=tag), limit=999)]
        for tag in TAGS
    }
    answers |= {
        f"feeling {feeling}": [
            h.summary.id for h in search.search("river", SearchFilters(feeling=feeling), limit=999)
        ]
        for feeling in FEELINGS
    }
    answers["كتاب typed"] = len(search.search("", SearchFilters(tag="كتاب"), limit=999))
    answers["feelings"] = MoodStats(journal.db).top_feelings()
    return answers


def _links_indexes(journal: OpenJournal) -> list[str]:
    """The indexes made beside the links' own keys, by name."""
    with journal.db.engine.connect() as connection:
        return sorted(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name IN ('entry_tags', 'entry_feelings') AND sql IS NOT NULL"
            ).scalars()
        )


def test_a_new_journal_keeps_no_second_index_of_its_feelings(journal: OpenJournal) -> None:
    assert _links_indexes(journal) == ["ix_entry_tags_tag"]


def test_an_upgraded_journal_answers_as_before_and_shrinks(journal: OpenJournal) -> None:
    _write(journal)
    downgrade(journal.db.engine, "0029_invisible_characters")

    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM")  # the old form, as compact as VACUUM makes it
    assert _links_indexes(journal) == ["ix_entry_feelings_feeling", "ix_entry_tags_tag"]
    before, answered = settled_size(journal), _answers(journal)
    assert all(answered[f"tag {tag}"] for tag in TAGS)
    assert answered["كتاب typed"] == len(answered["tag کتاب"])  # type: ignore[arg-type]

    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert _links_indexes(journal) == ["ix_entry_tags_tag"]
    assert settled_size(journal) < before
    assert _answers(journal) == answered
    assert EntryRepository(journal.db).count() == WRITTEN

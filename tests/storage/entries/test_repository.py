"""The entry repository on a real encrypted journal."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect

from journal.domain.entries.entry import MAX_BODY_CHARS, Entry, new_entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.repository import EntryRepository, EntryTooLong

BASE = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)


def make(at: datetime, **values: object) -> Entry:
    return dataclasses.replace(new_entry(at), **values)  # type: ignore[arg-type]


def test_a_new_journal_has_the_journal_tables(journal):
    names = set(inspect(journal.db.engine).get_table_names())
    assert {
        "entries",
        "entry_feelings",
        "entry_tags",
        "custom_prompts",
        "skipped_prompts",
        "remembrance_dates",
        "entries_fts",
    } <= names
    with journal.db.engine.connect() as connection:
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'entries_fts'"
        ).scalar_one()
        secure = connection.exec_driver_sql(
            "SELECT v FROM entries_fts_config WHERE k = 'secure-delete'"
        ).scalar_one()
    assert "remove_diacritics 2" in sql
    assert secure == 1


def test_an_entry_comes_back_exactly_as_saved(journal):
    repo = EntryRepository(journal.db)
    entry = make(
        BASE,
        title="A slow morning",
        body="I *stayed* in bed.\n\n- tea\n- rain\n",
        mood=Mood.HEAVY,
        feelings=("sad", "Tired  out"),
        tags=("mornings",),
        shared=True,
        prompt_id="grief-right-now",
    )
    repo.save(entry)
    loaded = repo.get(entry.id)
    assert loaded == dataclasses.replace(entry, feelings=("sad", "tired out"))
    assert loaded is not None and loaded.created_at.tzinfo is UTC
    assert repo.count() == 1


def test_saving_again_updates_text_feelings_and_tags(journal):
    repo = EntryRepository(journal.db)
    entry = make(BASE, body="first", feelings=("sad",), tags=("a",))
    repo.save(entry)
    later = dataclasses.replace(
        entry, body="second", feelings=("calm",), tags=("b",), updated_at=BASE + timedelta(1)
    )
    repo.save(later)
    assert repo.get(entry.id) == later
    assert repo.count() == 1


def test_an_entry_too_long_is_refused_kindly(journal):
    repo = EntryRepository(journal.db)
    with pytest.raises(EntryTooLong) as raised:
        repo.save(make(BASE, body="x" * (MAX_BODY_CHARS + 1)))
    assert "Nothing was changed" in raised.value.message
    assert repo.count() == 0


def test_the_timeline_pages_newest_first_without_gaps(journal):
    repo = EntryRepository(journal.db)
    saved = [make(BASE + timedelta(hours=i), title=f"entry {i}") for i in range(25)]
    same_time = make(BASE + timedelta(hours=3), title="same hour")
    for entry in [*saved, same_time]:
        repo.save(entry)
    seen: list[str] = []
    page, cursor = repo.summaries(10)
    while page:
        seen += [summary.id for summary in page]
        page, cursor = repo.summaries(10, cursor)
    assert len(seen) == len(set(seen)) == 26
    assert seen[0] == saved[-1].id
    assert [s.id for s in repo.summaries_page(0, 26)] == seen
    first = repo.summaries_page(0, 1)[0]
    assert first.headline == "entry 24"


def test_days_with_entries_are_local_days(journal):
    repo = EntryRepository(journal.db)
    local = datetime(2024, 5, 3, 21, 30).astimezone()
    repo.save(make(local))
    repo.save(make(datetime(2024, 5, 17, 9, 0).astimezone()))
    repo.save(make(datetime(2024, 6, 1, 9, 0).astimezone()))
    assert repo.days_with_entries(2024, 5) == {3, 17}
    assert repo.entry_days(5, 3) == [date(2024, 5, 3)]


def test_delete_removes_the_entry_and_its_links(journal):
    repo = EntryRepository(journal.db)
    entry = make(BASE, feelings=("sad",), tags=("x",))
    repo.save(entry)
    assert repo.delete(entry.id)
    assert repo.get(entry.id) is None
    assert not repo.delete(entry.id)
    with journal.db.engine.connect() as connection:
        for table in ("entry_feelings", "entry_tags"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0

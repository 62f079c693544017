"""Mood over time, feelings named most, own prompts, skipped prompts, remembrance."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.prompts import Audience
from journal.domain.entries.remembrance import RemembranceDate, RemembranceKind, RemembrancePrefs
from journal.storage.entries.prompts import PromptStore
from journal.storage.entries.remembrance import RemembranceStore
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.stats import Bucket, MoodStats


def _local(*args: int) -> datetime:
    return datetime(*args).astimezone()  # type: ignore[misc]


def test_mood_by_day_week_and_month(journal):
    repo = EntryRepository(journal.db)
    for at, mood, feelings in [
        (_local(2024, 1, 1, 9), Mood.VERY_HEAVY, ("sad", "numb")),  # Monday
        (_local(2024, 1, 1, 20), Mood.HEAVY, ("sad",)),
        (_local(2024, 1, 7, 9), Mood.LIGHTER, ("calm",)),  # Sunday, same week
        (_local(2024, 2, 5, 9), Mood.IN_BETWEEN, ("sad",)),
    ]:
        repo.save(dataclasses.replace(new_entry(at), mood=mood, feelings=feelings))
    repo.save(new_entry(_local(2024, 2, 6, 9)))  # no mood: left out of the chart

    days = MoodStats(journal.db).mood_series(Bucket.DAY)
    assert (days[0].period, days[0].average, days[0].entries) == (date(2024, 1, 1), 1.5, 2)
    weeks = MoodStats(journal.db).mood_series(Bucket.WEEK)
    assert weeks[0].period == date(2024, 1, 1) and weeks[0].entries == 3
    months = MoodStats(journal.db).mood_series(Bucket.MONTH, start=date(2024, 2, 1))
    assert [(p.period, p.average) for p in months] == [(date(2024, 2, 1), 3.0)]
    assert MoodStats(journal.db).top_feelings() == [("sad", 3), ("calm", 1), ("numb", 1)]
    assert MoodStats(journal.db).top_feelings(end=date(2024, 1, 1), limit=1) == [("sad", 2)]
    assert MoodStats(journal.db).first_entry_day() == date(2024, 1, 1)


def test_own_prompts_and_skipped_prompts_are_kept(journal):
    store = PromptStore(journal.db)
    assert store.add("   ") is None
    mine = store.add("What  would I say to a friend?", Audience.PARTNER)
    assert mine is not None and mine.custom and mine.text == "What would I say to a friend?"
    assert store.custom_prompts() == [mine]
    store.skip("grief-right-now")
    store.skip("grief-right-now")
    assert store.skipped() == {"grief-right-now"}
    store.forget_skipped()
    store.remove(mine.id)
    assert store.skipped() == frozenset() and store.custom_prompts() == []


def test_remembrance_dates_and_prefs_are_kept(journal):
    store = RemembranceStore(journal.db)
    assert store.prefs() == RemembrancePrefs()
    remembered = RemembranceDate(
        str(uuid.uuid4()), RemembranceKind.DUE_DATE, " Little  one ", date(2024, 9, 1), True
    )
    store.save(remembered)
    assert store.dates() == [dataclasses.replace(remembered, label="Little one")]
    prefs = RemembrancePrefs(
        acknowledge_days=False, on_this_day=True, skip_on_this_day=frozenset({(9, 1)})
    )
    store.set_prefs(prefs)
    assert store.prefs() == prefs
    store.delete(remembered.id)
    assert store.dates() == []

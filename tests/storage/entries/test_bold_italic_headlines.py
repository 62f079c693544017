"""Migration 0019: a headline stored before bold italic was read as such (``***x***``,
``_**x**_``) is made again by today's rule; nothing else changes. Real SQLCipher
journals."""

from __future__ import annotations

import dataclasses

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from tests.storage.entries.old_headlines import DAY, with_old_headlines

# body -> the headline the app stored for it before 0019 (the old rule's)
OLD = {
    "***I miss you***\nthe scan today": "*I miss you*",
    "_**little one**_": "_little one_",
    "a ***quiet*** day": "a *quiet* day",
    "5*3 and snake_case": "5*3 and snake_case",  # a star or underscore that is text
    "Our walk by the river": "Our walk by the river",
}
NOW = {
    "***I miss you***\nthe scan today": "I miss you",
    "_**little one**_": "little one",
    "a ***quiet*** day": "a quiet day",
    "5*3 and snake_case": "5*3 and snake_case",
    "Our walk by the river": "Our walk by the river",
}


def test_an_existing_journal_gets_the_headlines_of_bold_italic_lines(journal) -> None:  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    titled = dataclasses.replace(new_entry(DAY), title="*my* title", body="***x***")
    repo.save(titled)
    ids = with_old_headlines(journal, OLD, "0017_visible_headlines")
    before = {entry_id: repo.get(entry_id) for entry_id in [*ids, titled.id]}

    migrate.upgrade(journal.db.engine)

    shown = {summary.id: summary.headline for summary in repo.summaries_page(0, 50)}
    assert {ids[entry_id]: shown[entry_id] for entry_id in ids} == NOW
    assert shown[titled.id] == "*my* title"  # a title is shown as typed
    assert {entry_id: repo.get(entry_id) for entry_id in before} == before  # text, times, tags

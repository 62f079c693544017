"""Migration 0026: a headline stored when a backslash before punctuation was taken off
(``¯_(ツ)_/¯`` for ``¯\\_(ツ)_/¯``) is made again with every backslash; nothing else
changes (break test 9 of session 20, finding 1). Real SQLCipher journals."""

from __future__ import annotations

import dataclasses

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from tests.storage.entries.old_headlines import DAY, with_old_headlines

# body -> the headline the app stored for it before 0026 (the old rule's)
OLD = {
    "¯\\_(ツ)_/¯ so that was the scan": "¯_(ツ)_/¯ so that was the scan",
    "\\\\server\\share and a\\_b": "\\server\\share and a_b",
    "**quiet** C:\\Users": "quiet C:\\Users",  # a backslash before a letter was kept
    "Our walk by the river": "Our walk by the river",
}
NOW = {
    "¯\\_(ツ)_/¯ so that was the scan": "¯\\_(ツ)_/¯ so that was the scan",
    "\\\\server\\share and a\\_b": "\\\\server\\share and a\\_b",
    "**quiet** C:\\Users": "quiet C:\\Users",
    "Our walk by the river": "Our walk by the river",
}


def test_an_existing_journal_gets_headlines_with_every_backslash(journal) -> None:  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    titled = dataclasses.replace(new_entry(DAY), title="my \\*title\\*", body="a\\_b")
    repo.save(titled)
    ids = with_old_headlines(journal, OLD, "0023_measures_and_persian_search")
    before = {entry_id: repo.get(entry_id) for entry_id in [*ids, titled.id]}

    migrate.upgrade(journal.db.engine)

    shown = {summary.id: summary.headline for summary in repo.summaries_page(0, 50)}
    assert {ids[entry_id]: shown[entry_id] for entry_id in ids} == NOW
    assert shown[titled.id] == "my \\*title\\*"  # a title is shown as typed
    assert {entry_id: repo.get(entry_id) for entry_id in before} == before  # text, times, tags

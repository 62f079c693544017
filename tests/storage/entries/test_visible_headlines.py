"""Migration 0017: stored headlines that held nothing visible, or a control character,
are made again (break test 9 of session 14, finding 10)."""

from __future__ import annotations

from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from tests.storage.entries.old_headlines import with_old_headlines

# body -> the headline an older app stored for it
OLD = {
    "\u200f\nI miss you so much today": "\u200f",
    "\u200b\nlittle one": "\u200b",
    "a\x00b": "a\x00b",
    "\u2800": "\u2800",
    "Our walk by the river": "Our walk by the river",
}
NOW = {
    "\u200f\nI miss you so much today": "I miss you so much today",
    "\u200b\nlittle one": "little one",
    "a\x00b": "a\u2400b",
    "\u2800": "Untitled entry",
    "Our walk by the river": "Our walk by the river",
}


def test_an_existing_journal_gets_headlines_that_show_something(journal) -> None:  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    ids = with_old_headlines(journal, OLD, "0016_tags_read_as_the_editor")
    assert migrate.upgrade(journal.db.engine)
    shown = {summary.id: summary.headline for summary in repo.summaries_page(0, 50)}
    assert {ids[entry_id]: headline for entry_id, headline in shown.items()} == NOW
    bodies = {repo.get(entry_id).body for entry_id in ids}  # type: ignore[union-attr]
    assert bodies == set(OLD)  # untouched

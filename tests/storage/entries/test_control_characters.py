"""Every word of an entry is found, whatever control characters it holds (break test of
issue 9, finding 8: after a NUL, nothing could be found), on a real SQLCipher journal."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters

BODY = "NULTEST before\x00after and \x01ctrl \x1b[31mred\x1b[0m \x7f del end 我今天很难过。"


def _found(journal, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    hits = EntrySearch(journal.db).search(words, SearchFilters())
    return ["".join(part for part, _marked in hit.snippet) for hit in hits]


def _index_is_sound(journal) -> None:  # type: ignore[no-untyped-def]
    with journal.db.session() as session:  # raises when the index and the text differ
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))


def test_every_word_after_a_nul_is_found_and_snippets_show_it(journal):
    repo = EntryRepository(journal.db)
    entry = dataclasses.replace(new_entry(datetime(2026, 3, 1, tzinfo=UTC)), body=BODY)
    repo.save(entry)
    for word in ("NULTEST", "before", "after", "ctrl", "31mred", "del", "end"):
        snippets = _found(journal, word)
        assert len(snippets) == 1 and word in snippets[0], word
    (cjk,) = _found(journal, "难过")
    assert "难过" in cjk
    assert "\x00" not in "".join(_found(journal, "after"))
    _index_is_sound(journal)
    repo.save(dataclasses.replace(entry, body=BODY + " more\x00words"))  # the update trigger
    assert _found(journal, "words") and not _found(journal, "xyzzy")
    _index_is_sound(journal)
    saved = repo.get(entry.id)
    assert saved is not None and saved.body == BODY + " more\x00words"  # stored exactly

"""Entries saved while a line of backticks or tildes hid the tags after it gain those
tags when the journal is upgraded (migration 0016; break test 9 of session 14,
finding 1). Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from tests.storage.downgraded import downgrade

BODY = "~~~ 12 weeks ~~~\nthe scan today\n#grief came back and #mid-week"


def test_an_entry_saved_without_the_tags_after_a_fence_line_gains_them(journal):
    repo = EntryRepository(journal.db)
    # As the earlier rule stored it: only the tag typed in the tag field.
    hidden = dataclasses.replace(new_entry(datetime.now(UTC)), body=BODY, tags=("loss",))
    plain = dataclasses.replace(new_entry(datetime.now(UTC)), body="no ticks #calm", tags=())
    repo.save(hidden)
    repo.save(plain)
    downgrade(journal.db.engine, "0015_persian_letters")
    before = repo.get(hidden.id).updated_at

    assert migrate.upgrade(journal.db.engine)

    upgraded = repo.get(hidden.id)
    assert upgraded.tags == ("loss", "grief", "mid-week")
    assert upgraded.updated_at == before  # not an edit of the person's
    assert repo.get(plain.id).tags == ()  # a body without ticks or tildes is left alone
    found = EntrySearch(journal.db).search("", SearchFilters(tag="grief"))
    assert [hit.summary.id for hit in found] == [hidden.id]
    assert [hit.summary.id for hit in EntrySearch(journal.db).search("mid-week")] == [hidden.id]
    with journal.db.session() as session:
        check = "INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"
        session.execute(text(check))  # the word index holds exactly what the rows say

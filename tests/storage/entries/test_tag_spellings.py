"""One spelling per tag, also where a tag's other spelling is plain English letters
(break test 51, F1): "weiss" after "weiß", "baby" after the full-width "ｂａｂｙ" a
Chinese keyboard types, "fish" after "ﬁsh" with its ligature are one tag each
(`tags.tag_key`; "café" and "cafe" are two, as search keeps accents), spelled
as first written, and the tag filter typed either way finds all of its entries.
Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.importer import apply

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
# (as first written, then typed in English letters)
KINDS = [("weiß", "weiss"), ("ｂａｂｙ", "baby"), ("ﬁsh", "fish")]


def _save(journal: OpenJournal, hour: int, tag: str) -> str:
    entry = dataclasses.replace(
        new_entry(START + timedelta(hours=hour)), body=f"Day {hour}.", tags=(tag,)
    )
    EntryRepository(journal.db).save(entry)
    return entry.id


def _filtered(journal: OpenJournal, tag: str) -> set[str]:
    hits = EntrySearch(journal.db).search("", SearchFilters(tag=tag), limit=99)
    return {hit.summary.id for hit in hits}


@pytest.mark.parametrize(("first", "english"), KINDS, ids=[k[1] for k in KINDS])
def test_a_tag_typed_in_english_letters_is_spelled_as_first_written(
    journal: OpenJournal, first: str, english: str
) -> None:
    older = _save(journal, 0, first)
    newer = _save(journal, 1, english)
    assert EntryRepository(journal.db).get(newer).tags == (first,)  # type: ignore[union-attr]
    for typed in (first, english):
        assert _filtered(journal, typed) == {older, newer}, typed


def test_a_journal_holding_two_spellings_of_one_tag_finds_both(journal: OpenJournal) -> None:
    """A journal written before this rule held for English letters keeps both."""
    older = _save(journal, 0, "weiß")
    newer = _save(journal, 1, "river")
    with journal.db.engine.begin() as connection:  # as the version before wrote it
        connection.exec_driver_sql(
            "INSERT INTO entry_tags SELECT seq, 'weiss' FROM entries WHERE id = ?", (newer,)
        )
    for typed in ("weiss", "weiß", "WEISS"):
        assert _filtered(journal, typed) == {older, newer}, typed


def test_an_import_spells_an_english_tag_as_the_journal_does(
    journal: OpenJournal, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    _save(journal, 0, "weiß")
    source = tmp_path / "2024-05.txt"  # RedNotebook's month file
    source.write_text("2:\n  text: Snow again.\n  Tags: {weiss: null}\n", encoding="utf-8")
    plan = plan_for(source)
    apply(journal, plan, backup=False)
    (imported,) = [found for e in plan.entries if (found := EntryRepository(journal.db).get(e.id))]
    assert imported.tags == ("weiß",)

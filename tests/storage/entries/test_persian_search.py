"""Persian, Arabic and Urdu words are found however the keyboard wrote them: Persian
(۰-۹) and Arabic-Indic (٠-٩) digits as ASCII digits, the half-space (ZWNJ) as nothing,
the Urdu teh marbuta goal ۃ as ة (break test 9 of session 15, finding 5); a tag keeps
its half-space and twin letters make one tag (finding 4). Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.domain.entries.tags import merge_tags
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from tests.storage.downgraded import downgraded
from tests.storage.entries.written import found_keys, write

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
BODIES = {
    "zwnj": "دلم برای بچه\u200cام تنگ شده",
    "joined": "دلم برای بچهام تنگ شده",
    "persian digits": "۱۲ هفته بود",
    "latin digits": "12 weeks",
    "fever": "تب ۳۸.۵°C",
    "want": "می\u200cخواهم برگردم",
    "arabic": "رحمة واسعة",
}


@pytest.fixture
def ids(journal):  # type: ignore[no-untyped-def]
    return write(journal, BODIES)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("بچهام", {"zwnj", "joined"}),
        ("بچه\u200cام", {"zwnj", "joined"}),
        ("میخواهم", {"want"}),
        ("می\u200cخواهم", {"want"}),
        ("12", {"persian digits", "latin digits"}),
        ("۱۲", {"persian digits", "latin digits"}),
        ("١٢", {"persian digits", "latin digits"}),
        ("38.5", {"fever"}),
        ("رحمۃ", {"arabic"}),
    ],
)
def test_persian_words_and_digits_are_found_however_typed(
    journal,
    ids,
    words: str,
    expected: set[str],  # type: ignore[no-untyped-def]
) -> None:
    assert found_keys(journal, ids, words) == expected, words


def test_the_snippet_marks_the_word_with_its_half_space(journal, ids) -> None:  # type: ignore[no-untyped-def]
    hits = EntrySearch(journal.db).search("بچهام")
    marked = {text for hit in hits for text, on in hit.snippet if on}
    assert marked == {"بچه\u200cام", "بچهام"}


def _save(journal, body: str, hour: int, field=()):  # type: ignore[no-untyped-def]
    entry = dataclasses.replace(
        new_entry(DAY + timedelta(hours=hour)), body=body, tags=merge_tags(field, body)
    )
    EntryRepository(journal.db).save(entry)
    return entry.id


def test_a_tag_keeps_its_half_space_and_twin_letters_are_one_tag(journal) -> None:  # type: ignore[no-untyped-def]
    repo = EntryRepository(journal.db)
    sorrows = _save(journal, "امروز سخت بود #غم\u200cها", 0)
    first = _save(journal, "یاد تو #ری", 1)  # Persian yeh
    later = _save(journal, "ذكرى #ري", 2)  # Arabic yeh, typed on another keyboard
    assert repo.get(sorrows).tags == ("غم\u200cها",)
    assert repo.get(later).tags == ("ری",)  # spelled as the first written
    for typed in ("ری", "ري"):  # the filter typed on either keyboard
        found = EntrySearch(journal.db).search("", SearchFilters(tag=typed))
        assert {hit.summary.id for hit in found} == {first, later}, typed
    assert merge_tags([], "#کتاب then #كتاب") == ("کتاب",)


def test_upgrading_adds_the_cut_tags_and_makes_twins_one(journal) -> None:  # type: ignore[no-untyped-def]
    """Migration 0022: an entry saved by the earlier rule ("#غم‌ها" stored as غم, "#ري"
    a tag of its own) gains the whole tag and the first spelling; no text or time
    changes."""
    repo = EntryRepository(journal.db)
    sorrows = _save(journal, "امروز سخت بود #غم\u200cها", 0)
    first = _save(journal, "یاد تو #ری", 1)
    later = _save(journal, "ذكرى #ري", 2)
    with downgraded(journal.db.engine, "0017_visible_headlines") as connection:
        for seq_id, tag in ((sorrows, "غم"), (later, "ري")):  # as the earlier rule stored them
            seq = connection.execute(
                text("SELECT seq FROM entries WHERE id = :id"), {"id": seq_id}
            ).scalar_one()
            connection.execute(
                text("UPDATE entries SET tags = :t WHERE seq = :s"), {"t": tag, "s": seq}
            )
            connection.execute(text("DELETE FROM entry_tags WHERE entry_seq = :s"), {"s": seq})
            connection.execute(
                text("INSERT INTO entry_tags (entry_seq, tag) VALUES (:s, :t)"),
                {"s": seq, "t": tag},
            )
    before = {entry_id: repo.get(entry_id) for entry_id in (sorrows, first, later)}

    assert migrate.upgrade(journal.db.engine)

    assert repo.get(sorrows).tags == ("غم", "غم\u200cها")
    assert repo.get(later).tags == ("ری",)
    for entry_id, entry in before.items():
        now = repo.get(entry_id)
        assert (now.body, now.updated_at, now.created_at) == (
            entry.body,
            entry.updated_at,
            entry.created_at,
        )
    found = EntrySearch(journal.db).search("", SearchFilters(tag="ری"))
    assert {hit.summary.id for hit in found} == {first, later}
    with journal.db.session() as session:
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))


def test_an_entry_alone_with_its_spelling_keeps_what_is_typed(journal) -> None:  # type: ignore[no-untyped-def]
    """Its own earlier spelling does not respell it: only other entries' do."""
    repo = EntryRepository(journal.db)
    alone = _save(journal, "یاد تو #ری", 0)
    entry = repo.get(alone)
    repo.save(dataclasses.replace(entry, body="ذكرى #ري", tags=("ري",)))  # type: ignore[arg-type]
    assert repo.get(alone).tags == ("ري",)  # type: ignore[union-attr]
    other = _save(journal, "و باز #ری", 1)
    assert repo.get(other).tags == ("ري",)  # type: ignore[union-attr]


def test_of_two_spellings_a_journal_kept_the_first_used_spells_a_new_tag(journal) -> None:  # type: ignore[no-untyped-def]
    """A journal from before one spelling per tag may hold two of one kind."""
    older = _save(journal, "یاد تو #ری", 0)
    newer = _save(journal, "ذكرى", 1)
    with journal.db.engine.begin() as connection:  # as an older Solace wrote it
        seq = connection.exec_driver_sql("SELECT seq FROM entries WHERE id = ?", (newer,)).scalar()
        connection.exec_driver_sql("INSERT INTO entry_tags VALUES (?, 'ري')", (seq,))
    again = _save(journal, "و باز #ري", 2)
    repo = EntryRepository(journal.db)
    assert repo.get(older).tags == ("ری",)  # type: ignore[union-attr]
    assert repo.get(again).tags == ("ری",)  # type: ignore[union-attr]

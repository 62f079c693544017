"""A word with a character inside it that shows nothing is found and marked as the word
it looks like (re-test 47, N4): a zero-width space or a word joiner pasted from a chat,
a soft hyphen copied from a web page or a PDF, a direction mark from a Hebrew chat, in
the Journal's search (both its indexes) and in the Library's, however the search or the
entry holds it. Real SQLCipher journals, the real articles."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from journal.storage import migrate
from journal.storage.entries.search import EntrySearch
from journal.storage.library.index import LibraryIndex
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import found_keys, write

ZWSP, SOFT_HYPHEN, WORD_JOINER, NO_BREAK_SPACE_ZW, RLM = (
    "\u200b",
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\u200f",
)
BODIES = {
    "zwsp": f"I had a fe{ZWSP}ver all night",
    "soft hyphen": f"The hos{SOFT_HYPHEN}pital called back",
    "joiner": f"Tired and sad{WORD_JOINER}ness",
    "plain": "A fever again today, and the hospital",
    "hebrew": f"חזרנו מבית{RLM} החולים",
    "thai": f"วันนี้{ZWSP}เศร้า",  # today / sad, parted by a zero-width space
    # A chat app wraps a name or a pasted phrase in isolates (FSI, LRI ... PDI).
    "isolates": "Then I felt \u2066dizzy\u2069 and called \u2068Dana\u2069",
    "us": "Us, 👩\u200d❤\ufe0f\u200d👨, always",
}


@pytest.fixture
def ids(journal: OpenJournal) -> dict[str, str]:
    return write(journal, BODIES)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("fever", {"zwsp", "plain"}),
        (f"fe{ZWSP}ver", {"zwsp", "plain"}),
        (f"fev{SOFT_HYPHEN}er", {"zwsp", "plain"}),
        ("hospital", {"soft hyphen", "plain"}),
        ("hosp", {"soft hyphen", "plain"}),
        ("sadness", {"joiner"}),
        (f"ב{NO_BREAK_SPACE_ZW}ית", {"hebrew"}),
        (f"מבית{RLM}", {"hebrew"}),
        ("בית", {"hebrew"}),
        ("วันนี้เศร้า", {"thai"}),  # the two words typed together
        (f"วันนี้{ZWSP}เศร้า", {"thai"}),
        ("dizzy", {"isolates"}),  # break test 48, F1
        ("dana", {"isolates"}),
    ],
)
def test_a_word_with_an_invisible_character_is_found_as_it_looks(
    journal: OpenJournal, ids: dict[str, str], words: str, expected: set[str]
) -> None:
    assert found_keys(journal, ids, words) == expected, repr(words)


def test_the_snippet_marks_the_whole_word_as_written(
    journal: OpenJournal, ids: dict[str, str]
) -> None:
    hits = EntrySearch(journal.db).search("fever")
    marked = {words for hit in hits for words, on in hit.snippet if on}
    assert marked == {f"fe{ZWSP}ver", "fever"}
    # The words she pasted come back as pasted: nothing taken out of the entry.
    assert any(f"fe{ZWSP}ver all night" in "".join(w for w, _ in hit.snippet) for hit in hits)


@pytest.mark.parametrize(
    ("words", "shown"),
    [("วันนี้เศร้า", f"วันนี้{ZWSP}เศร้า"), ("👩\u200d❤\ufe0f\u200d👨", "👩\u200d❤\ufe0f\u200d👨")],
)
def test_a_run_found_past_what_shows_nothing_is_shown_and_marked(
    journal: OpenJournal, ids: dict[str, str], words: str, shown: str
) -> None:
    """Break test 48, F2 and F7: a Thai run typed whole, where the entry parts its words
    by a zero-width space, and an emoji sequence with its variation selector found the
    entry and showed none of its words."""
    (hit,) = EntrySearch(journal.db).search(words)
    assert [part for part, on in hit.snippet if on] == [shown]


def test_an_entry_indexed_before_is_found_after_the_upgrade_and_its_index_stays_whole(
    journal: OpenJournal, ids: dict[str, str]
) -> None:
    """Migration 0029: an entry saved by the earlier rule, its word index without the
    joined word, is found by it once the journal is upgraded, and changing the entry
    afterwards keeps the index whole (its triggers take out what they put in)."""
    seq_of = "SELECT seq FROM entries WHERE id = :id"
    downgrade(journal.db.engine, "0028_index_leaves_fit_pages")
    with journal.db.session() as session:
        seq = session.execute(text(seq_of), {"id": ids["zwsp"]}).scalar_one()
        columns = "title, body, tags, feelings"
        session.execute(
            text(
                f"INSERT INTO entries_fts(entries_fts, rowid, {columns}) SELECT 'delete', "
                "seq, title, solace_index_body(body, title, tags), tags, feelings "
                "FROM entries WHERE seq = :seq"
            ),
            {"seq": seq},
        )
        session.execute(  # as the earlier rule indexed it: the body, no other form
            text(
                f"INSERT INTO entries_fts(rowid, {columns}) SELECT seq, title, "
                "solace_unpack(body), tags, feelings FROM entries WHERE seq = :seq"
            ),
            {"seq": seq},
        )
        session.commit()
    assert found_keys(journal, ids, "fever") == {"plain"}

    assert migrate.upgrade(journal.db.engine)

    assert found_keys(journal, ids, "fever") == {"zwsp", "plain"}
    with journal.db.session() as session:
        session.execute(
            text("UPDATE entries SET title = 'Night' WHERE seq = :seq"), {"seq": seq}
        )
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))
        session.commit()
    assert found_keys(journal, ids, "night fever") == {"zwsp"}


def test_a_journal_without_them_is_left_as_it_is_by_the_upgrade(
    journal: OpenJournal,
) -> None:
    keys = write(journal, {"plain": "A fever again today"})
    downgrade(journal.db.engine, "0028_index_leaves_fit_pages")
    with journal.db.session() as session:
        structure = "SELECT block FROM entries_fts_data WHERE id = 10"
        before = session.execute(text(structure)).scalar_one()

    assert migrate.upgrade(journal.db.engine)

    with journal.db.session() as session:
        assert session.execute(text(structure)).scalar_one() == before  # not rebuilt
    assert found_keys(journal, keys, "fever") == {"plain"}


@pytest.mark.parametrize("typed", [f"fe{ZWSP}ver", f"fe{SOFT_HYPHEN}ver", f"fe{WORD_JOINER}ver"])
def test_the_library_finds_and_marks_the_word_pasted_with_an_invisible_character(
    index: LibraryIndex, typed: str
) -> None:
    hits = index.search(typed)
    assert [hit.slug for hit in hits] == [hit.slug for hit in index.search("fever")] != []
    assert all("<b>fever</b>" in hit.snippet.lower() for hit in hits if "fever" in hit.snippet)

"""The journal file stays under twice its text (issue 12): bodies are stored packed and
the word index keeps no positions, with every search feature and every word kept."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchFilters
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import settled_size

SENTENCES = (
    "I woke up early again and lay there listening to the rain.",
    "Coffee at the café on the corner, the one with the blue chairs.",
    "The hospital called about the follow-up appointment next week.",
    "Walked by the river with Sam and neither of us said much.",
    "Some moments today felt almost ordinary, and then they didn't.",
    "我今天很难过。",
)
EXACT = (
    "> a quote kept\n\tindented\n    four spaces\n",
    "emoji 🌧️ and ZWJ 👩‍👩‍👧, RTL שלום עולם, combining e\u0301 and a\u0331",
    "",
    "x" * 10_000,
)


def _entry(at: datetime, body: str, tags: tuple[str, ...] = (), feelings: tuple[str, ...] = ()):
    return dataclasses.replace(new_entry(at), body=body, tags=tags, feelings=feelings)


def _prose(i: int) -> str:
    """A few sentences of several paragraphs, different for each i."""
    return "\n\n".join(
        " ".join(SENTENCES[(i * 7 + k * 3 + p) % len(SENTENCES)] for k in range(3 + i % 4))
        for p in range(1 + i % 3)
    )


def test_every_body_comes_back_exactly(journal):
    repo = EntryRepository(journal.db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [_entry(start + timedelta(hours=i), body) for i, body in enumerate(EXACT)]
    repo.add_many(entries[:2])
    for entry in entries[2:]:
        repo.save(entry)
    for entry in entries:
        assert repo.get(entry.id).body == entry.body  # type: ignore[union-attr]


def test_the_journal_grows_by_less_than_twice_the_text_written(journal):
    """Before: about 3x (bodies stored as they are, a word index with positions)."""

    empty = settled_size(journal)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [
        _entry(start + timedelta(hours=i), _prose(i), ("grief",) if i % 3 else (), ("sad",))
        for i in range(1500)
    ]
    EntryRepository(journal.db).add_many(entries)
    written = sum(len(e.body.encode()) + len("grief\n" if e.tags else "") + 3 for e in entries)
    assert (settled_size(journal) - empty) / written <= 1.8


def test_search_keeps_prefixes_accents_snippets_and_filters(journal):
    repo = EntryRepository(journal.db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    cafe = _entry(start, SENTENCES[1], ("coffee",), ("calm",))
    river = _entry(start + timedelta(days=1), SENTENCES[3], (), ("sad",))
    repo.add_many([cafe, river])
    search = EntrySearch(journal.db)
    (hit,) = search.search("cafe")
    assert hit.summary.id == cafe.id
    assert ("café", True) in hit.snippet
    assert [h.summary.id for h in search.search("walked by the r")] == [river.id]
    assert [h.summary.id for h in search.search("the", SearchFilters(tag="coffee"))] == [cafe.id]
    assert [h.summary.id for h in search.search("the", SearchFilters(feeling="sad"))] == [river.id]


def test_a_word_the_index_splits_in_pieces_is_still_found(journal):
    """The word index keeps no positions, so FTS5 refuses phrases: a word its tokenizer
    cuts in pieces (Devanagari vowel signs, an enclosing mark) is searched as its pieces."""
    repo = EntryRepository(journal.db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    hindi = _entry(start, "आज मैं हिन्दी में लिख रही हूँ")
    marked = _entry(start + timedelta(hours=1), "a note about x\u20ddy today")
    repo.add_many([hindi, marked])
    search = EntrySearch(journal.db)
    assert [h.summary.id for h in search.search("हिन्दी")] == [hindi.id]
    assert [h.summary.id for h in search.search("x\u20ddy")] == [marked.id]


def test_the_bulk_path_indexes_words_inside_spaceless_sentences(journal):
    entry = _entry(datetime(2025, 1, 1, tzinfo=UTC), "Walked by the river. 我今天很难过。")
    EntryRepository(journal.db).add_many([entry])
    assert [h.summary.id for h in EntrySearch(journal.db).search("难过")] == [entry.id]


def test_an_existing_journal_is_packed_after_a_snapshot_and_shrinks(journal):
    repo = EntryRepository(journal.db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    entries = [
        _entry(start + timedelta(hours=i), body or "x", ("grief",), ("sad",))
        for i, body in enumerate(EXACT)
    ]
    prose = [_entry(start - timedelta(hours=i + 1), _prose(i)) for i in range(400)]
    repo.add_many(entries + prose)
    downgrade(journal.db.engine, "0006_entries_grams")

    with journal.db.engine.connect() as connection:
        kinds = {r[0] for r in connection.exec_driver_sql("SELECT typeof(body) FROM entries")}
    assert kinds == {"text"}  # the form journals had before
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM")  # the old form, as compact as it gets
    before = settled_size(journal)
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert settled_size(journal) < 0.7 * before  # the freed pages are given back
    with journal.db.engine.connect() as connection:
        kinds = {r[0] for r in connection.exec_driver_sql("SELECT typeof(body) FROM entries")}
        rowid_tables = connection.execute(
            text(
                "SELECT name FROM sqlite_master WHERE name IN ('entry_tags', 'entry_feelings')"
                " AND sql NOT LIKE '%WITHOUT ROWID%'"
            )
        ).all()
    assert kinds == {"blob"}
    assert rowid_tables == []
    for entry in entries:
        assert repo.get(entry.id).body == (entry.body)  # type: ignore[union-attr]
    hits = EntrySearch(journal.db).search("emoji", SearchFilters(tag="grief", feeling="sad"))
    assert [h.summary.id for h in hits] == [entries[1].id]


# A row keeps at most 3,981 bytes on a SQLCipher page (4,016 usable less 35); an
# FTS5 leaf is one row's blob, after the row's 4-byte header (migration 0028).
LEAF_ON_ITS_PAGE = 3977


def _leaf_bytes(journal) -> list[int]:  # type: ignore[no-untyped-def]
    with journal.db.engine.connect() as connection:
        return [
            int(size)
            for (size,) in connection.exec_driver_sql(
                "SELECT length(block) FROM entries_fts_data WHERE id > 10"
            )
        ]


def test_the_word_index_leaves_fit_sqlcipher_pages(journal):
    """Before: FTS5's leaves of up to 4,050 bytes, sized for SQLite's own pages, each
    spilling 3.5 KB into an overflow page of its own (about 2 % of the file)."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    EntryRepository(journal.db).add_many(
        [_entry(start + timedelta(hours=i), _prose(i) + f" word{i}") for i in range(600)]
    )
    leaves = _leaf_bytes(journal)
    assert max(leaves) > LEAF_ON_ITS_PAGE - 200  # full leaves were written
    assert max(leaves) <= LEAF_ON_ITS_PAGE


def test_an_upgrade_writes_every_leaf_again_to_fit(journal):
    repo = EntryRepository(journal.db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    downgrade(journal.db.engine, "0026_backslash_headlines")
    repo.add_many(
        [_entry(start + timedelta(hours=i), _prose(i) + f" word{i}") for i in range(600)]
    )
    assert max(_leaf_bytes(journal)) > LEAF_ON_ITS_PAGE  # as FTS5 writes them by default
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: None)
    # Every leaf written again (the compaction's 'optimize'), none spilling now. What
    # that saves shows on a journal's real mix of words: see the migration's figures.
    assert max(_leaf_bytes(journal)) <= LEAF_ON_ITS_PAGE
    (hit,) = EntrySearch(journal.db).search("word599")
    assert repo.get(hit.summary.id).body.endswith(" word599")  # type: ignore[union-attr]

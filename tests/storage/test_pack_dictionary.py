"""Bodies are packed with a preset dictionary (issue 12), and every body ever packed,
with it or before it, reads back exactly."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.pack_dictionary import PACK_DICTIONARY, PACK_DICTIONARY_ID
from journal.storage.types import pack_text, unpack_text

WORDS = (
    "The hospital called about the follow-up appointment. I keep thinking about what "
    "this pregnancy meant to me, and how my body is healing. Walked by the river."
)


def test_the_dictionary_never_changes():
    """Every body packed with it names it by this checksum: other bytes under the same
    name would leave those bodies unreadable."""
    assert len(PACK_DICTIONARY) == 32_761
    assert zlib.adler32(PACK_DICTIONARY) == PACK_DICTIONARY_ID == 0x8012DB24


def test_an_entry_is_kept_packed_with_the_dictionary_and_reads_back_as_written(journal):
    entry = replace(new_entry(datetime(2026, 3, 1, 9, tzinfo=UTC)), body=WORDS)
    EntryRepository(journal.db).save(entry)
    with journal.db.engine.connect() as connection:
        stored = connection.execute(text("SELECT body FROM entries")).scalar_one()
    assert int.from_bytes(stored[2:6], "big") == PACK_DICTIONARY_ID
    assert len(stored) < len(zlib.compress(WORDS.encode())) * 0.8
    loaded = EntryRepository(journal.db).get(entry.id)
    assert loaded is not None and loaded.body == WORDS


def test_a_body_packed_before_the_dictionary_still_reads_and_is_found(journal):
    entry = replace(new_entry(datetime(2026, 3, 1, 9, tzinfo=UTC)), body=WORDS)
    repository = EntryRepository(journal.db)
    repository.save(entry)
    with journal.db.engine.begin() as connection:  # as versions before issue 12 packed it
        old = zlib.compress(WORDS.encode(), 6)
        connection.execute(text("UPDATE entries SET body = :old"), {"old": old})
    loaded = repository.get(entry.id)
    assert loaded is not None and loaded.body == WORDS
    assert [hit.summary.id for hit in EntrySearch(journal.db).search("river")] == [entry.id]


@given(st.text())
def test_any_text_packs_and_unpacks_exactly(words):
    assert unpack_text(pack_text(words)) == words


def test_a_cut_short_or_unknown_dictionary_body_is_refused_not_misread():
    packed = pack_text(WORDS)
    with pytest.raises(zlib.error):
        unpack_text(packed[: len(packed) // 2])
    other = zlib.compressobj(6, zdict=b"another dictionary")
    with pytest.raises(zlib.error):
        unpack_text(other.compress(WORDS.encode()) + other.flush())

"""Journal search finds words inside scripts written without spaces (issue 9):
Chinese, Japanese, Thai and Korean, alone or with other words, and forgets them with
the entry."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import found, write

WRITTEN = {
    "zh": "我今天很难过。",
    "ja": "今日はとても悲しい日でした。",
    "th": "วันนี้ฉันรู้สึกเศร้ามาก",
    "ko": "오늘은정말슬펐어요",
    "mixed": "Walked by the river; 心里还是很难过, but the air helped.",
}


@pytest.fixture
def written(journal):
    return write(journal, WRITTEN)


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        ("难过", {"zh", "mixed"}),  # two characters in the middle of a sentence
        ("很难过", {"zh", "mixed"}),
        ("难", {"zh", "mixed"}),  # one character
        ("悲しい", {"ja"}),
        ("とても", {"ja"}),
        ("เศร้า", {"th"}),  # "sad", inside an unbroken Thai sentence
        ("รู้สึก", {"th"}),  # with combining vowel marks
        ("슬펐", {"ko"}),
        ("river 难过", {"mixed"}),  # words and a spaceless word together
        ("难过 walked", {"mixed"}),
        ("悲しくない", set()),  # not written anywhere
        ("难受", set()),
    ],
)
def test_a_word_inside_a_spaceless_sentence_is_found(journal, written, words, keys):
    assert found(journal, words) == {written[key] for key in keys}


def test_the_snippet_marks_the_word_inside_the_sentence(journal, written):
    (hit,) = EntrySearch(journal.db).search("悲しい")
    assert ("悲しい", True) in hit.snippet
    assert "".join(part for part, _ in hit.snippet) == WRITTEN["ja"]


def test_a_changed_or_deleted_entry_is_found_only_by_what_it_says_now(journal, written):
    repo = EntryRepository(journal.db)
    entry = repo.get(written["zh"])
    repo.save(dataclasses.replace(entry, body="今天好一点了。"))
    assert found(journal, "难过") == {written["mixed"]}
    assert found(journal, "好一点") == {written["zh"]}
    repo.delete(written["zh"])
    assert found(journal, "好一点") == set()
    with journal.db.session() as session:
        left = session.execute(text("SELECT count(*) FROM entries_grams")).scalar_one()
    assert left == 4  # ja, th, ko and mixed: the deleted entry left no tokens behind


def test_an_existing_journal_is_indexed_when_it_is_upgraded(journal, written):
    downgrade(journal.db.engine, "0002_entries")
    assert migrate.upgrade(journal.db.engine)
    assert found(journal, "难过") == {written["zh"], written["mixed"]}

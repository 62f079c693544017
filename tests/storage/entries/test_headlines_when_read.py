"""An entry's headline is made when it is read, not stored (migration 0031, issue 12):
every list shows what `make_headline` makes of the entry as written, a long body is
read only as far as a headline reads, and an upgraded journal shows the headlines
it showed before in a smaller file. Real SQLCipher journals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.entries import entry
from journal.domain.entries.entry import HEADLINE_READ, UNTITLED, make_headline, new_entry
from journal.storage import migrate, types
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.lock.journal import OpenJournal
from tests.storage.downgraded import downgrade
from tests.storage.entries.written import settled_size

START = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
# (title, body): thousands of blank lines, line breaks of every kind,
# a title that reads as the words for no title, Markdown, a line that shows nothing.
WRITTEN = (
    ("", "\n" * 4_000 + "**Deep** under blank lines"),
    ("", "\r\n" * 2_000 + "after Windows line breaks\r\nmore"),
    ("Untitled entry", "the body's first line"),
    ("", "\u200b\n\u2029> she held my hand, walking home"),
    ("", "one line " * 30),
    ("  ", ""),
    ("The scan", "words under a title"),
    ("", "\n" * 1_999_000 + "words past the headline's reach"),
)


def _write(journal: OpenJournal) -> list[str]:
    repository = EntryRepository(journal.db)
    ids = []
    for i, (title, body) in enumerate(WRITTEN):
        entry = dataclasses.replace(new_entry(START + timedelta(hours=i)), title=title, body=body)
        repository.save(entry)
        ids.append(entry.id)
    return ids


def _listed(journal: OpenJournal) -> dict[str, str]:
    """Each entry's headline as the timeline lists it."""
    summaries, _ = EntryRepository(journal.db).summaries(1_000)
    return {summary.id: summary.headline for summary in summaries}


def test_every_list_shows_the_headline_of_the_entry_as_written(journal: OpenJournal) -> None:
    ids = _write(journal)
    pairs = zip(ids, WRITTEN, strict=True)
    expected = {entry_id: make_headline(title, body) for entry_id, (title, body) in pairs}
    assert expected[ids[0]] == "Deep under blank lines"
    assert expected[ids[2]] == expected[ids[5]] == expected[ids[7]] == "Untitled entry"
    assert _listed(journal) == expected
    found = EntrySearch(journal.db).search("hand")
    assert [(hit.summary.id, hit.summary.headline) for hit in found] == [
        (ids[3], "she held my hand, walking home")
    ]
    with journal.db.engine.connect() as connection:
        columns = connection.exec_driver_sql("PRAGMA table_info(entries)").all()
    assert "headline" not in {column[1] for column in columns}


def test_a_headline_reads_only_the_start_of_a_body(
    journal: OpenJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A two-million-character entry costs a list what a short one does: its body is
    unpacked only as far as a headline reads, and lines that show nothing are passed
    over without being read one by one (break test 52, F1: two million line breaks
    before the words held every list for 5.3 s an entry)."""
    repository = EntryRepository(journal.db)
    for body in (
        "A short first line.\n" + "and then many more words " * 79_000,
        "\n" * 1_999_000 + "late words",
        "\u200b\r" * 999_000 + "late words",
    ):
        repository.save(dataclasses.replace(new_entry(START), body=body))
    unpacked: list[int] = []
    lines_read: list[str] = []
    real_unpacker, real_plain_line = types._unpacker, entry.plain_line

    class Counting:
        def __init__(self, stored: bytes) -> None:
            self.inner = real_unpacker(stored)

        def decompress(self, data: bytes, most: int = 0) -> bytes:
            out = self.inner.decompress(data, most)
            unpacked.append(len(out))
            return out

    monkeypatch.setattr(types, "_unpacker", Counting)
    monkeypatch.setattr(
        entry, "plain_line", lambda line: lines_read.append(line) or real_plain_line(line)
    )
    assert sorted(_listed(journal).values()) == ["A short first line.", UNTITLED, UNTITLED]
    assert max(unpacked) <= 4 * HEADLINE_READ + 3
    assert lines_read == ["A short first line."]


def test_an_upgraded_journal_lists_the_same_headlines_in_a_smaller_file(
    journal: OpenJournal,
) -> None:
    ids = _write(journal)
    EntryRepository(journal.db).add_many(
        new_entry(START + timedelta(days=1, minutes=i)) for i in range(400)
    )
    downgrade(journal.db.engine, "0030_feelings_one_index")
    with journal.db.engine.begin() as connection:
        connection.exec_driver_sql("VACUUM")  # the old form, as compact as VACUUM makes it
        stored = dict(connection.exec_driver_sql("SELECT id, headline FROM entries").all())

    before = settled_size(journal)
    assert [stored[entry_id] for entry_id in ids[:3]] == [
        "Deep under blank lines",
        "after Windows line breaks",
        UNTITLED,
    ]
    snapshots: list[str] = []
    assert migrate.upgrade(journal.db.engine, snapshot=lambda: snapshots.append("taken"))
    assert snapshots == ["taken"]
    assert _listed(journal) == stored
    assert len(stored) == len(WRITTEN) + 400
    assert settled_size(journal) < before

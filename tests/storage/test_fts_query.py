"""Escaping user search text for FTS5 MATCH."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.storage.fts_query import fts5_match_query, query_tokens


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = sqlcipher3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO t (body) VALUES (?)",
        [("Bleeding and cramping after a D&C",), ("We met at the café",), ("not yet",)],
    )
    yield connection
    connection.close()


def _matches(connection: sqlite3.Connection, query: str) -> list[str]:
    rows = connection.execute("SELECT body FROM t WHERE t MATCH ? ORDER BY rowid", (query,))
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bleeding", '"bleeding"*'),
        ('she said "not yet"', '"she"* "said"* "not"* "yet"*'),
        ("NEAR(a b)", '"NEAR"* "a"* "b"*'),
        ("title:fever ^x -y", '"title"* "fever"* "x"* "y"*'),
        ("x_y", '"x"* "y"*'),
        ("Fever fever FEVER", '"Fever"*'),
        ("café", '"café"*'),
        ("cafe\u0301", '"café"*'),
        ("😢 💔", None),
        ("", None),
        ("  \t\n", None),
        ('"*^:()', None),
    ],
)
def test_fts5_match_query(text: str, expected: str | None) -> None:
    assert fts5_match_query(text) == expected


def test_max_tokens() -> None:
    assert fts5_match_query("a b c d", max_tokens=2) == '"a"* "b"*'
    assert len(query_tokens(" ".join(f"w{i}" for i in range(1000)))) == 32
    with pytest.raises(ValueError, match="at least 1"):
        fts5_match_query("a", max_tokens=0)


def test_quotes_inside_a_token_are_doubled() -> None:
    # Tokens never contain quotes today; the doubling is kept as a second line of defence.
    assert query_tokens('a"b') == ["a", "b"]


def test_prefix_and_accents_in_a_real_index(db: sqlite3.Connection) -> None:
    assert _matches(db, fts5_match_query("bleed") or "") == ["Bleeding and cramping after a D&C"]
    assert _matches(db, fts5_match_query("CAFE") or "") == ["We met at the café"]
    assert _matches(db, fts5_match_query("not") or "") == ["not yet"]
    assert _matches(db, fts5_match_query("D&C cramp") or "") == [
        "Bleeding and cramping after a D&C"
    ]


@settings(database=None, max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_valid_query(text: str) -> None:
    query = fts5_match_query(text)
    if query is None:
        assert not query_tokens(text)
        return
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchall()
    finally:
        connection.close()


LATIN = st.text(
    alphabet=st.sampled_from("abcdefxyzéèüñçøABCÉ0123456789 .,;:'\"-_()*^!?\n"),
    max_size=80,
)


@settings(database=None, max_examples=300, deadline=None)
@given(LATIN)
def test_text_is_found_by_searching_for_itself(text: str) -> None:
    query = fts5_match_query(text)
    if query is None:
        return
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        connection.execute("INSERT INTO t (body) VALUES (?)", (text,))
        assert _matches(connection, query) == [text]
    finally:
        connection.close()

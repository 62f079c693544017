"""The terms the entries' word index holds for a piece of text, from its own tokenizer.

The word index keeps no positions (``detail=none``, migration 0009), so FTS5
refuses phrase queries, and a quoted string that its tokenizer splits in two
("हिन्दी", or a letter newer than SQLite's Unicode tables) would be a phrase.
Guessing the tokenizer's rules in Python would go wrong at the edges, so the text
is tokenized by the same tokenizer (``unicode61 remove_diacritics 2``) in a
private in-memory FTS5 table and the terms read back in order, folded as the index
folds them ("Café" -> "cafe"). About 30 µs for a word.
"""

from __future__ import annotations

import threading
from typing import Any

import sqlcipher3

__all__ = ["WORD_TOKENIZER", "index_terms"]

WORD_TOKENIZER = "unicode61 remove_diacritics 2"

_lock = threading.Lock()
_probe: Any = None


def _connection() -> Any:
    global _probe
    if _probe is None:
        connection = sqlcipher3.connect(":memory:", check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute(
            f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize = '{WORD_TOKENIZER}')"
        )
        connection.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, instance)")
        _probe = connection
    return _probe


def index_terms(text: str) -> list[str]:
    """The terms of ``text`` in order of first appearance, each once, as the word
    index stores them (case and accents folded); [] when it holds none."""
    if text.isascii() and text.isalnum():
        return [text.lower()]  # one term, case folded: the tokenizer's only change
    with _lock:
        connection = _connection()
        connection.execute("INSERT INTO probe(rowid, text) VALUES (1, ?)", (text,))
        try:
            rows = connection.execute("SELECT term FROM probe_terms ORDER BY offset").fetchall()
        finally:
            connection.execute("DELETE FROM probe")
    return list(dict.fromkeys(str(term) for (term,) in rows))

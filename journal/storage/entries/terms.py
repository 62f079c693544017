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

__all__ = ["MAX_VARIANTS", "WORD_TOKENIZER", "fold_variants", "index_terms"]

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


# Letters that full Unicode case folding (``str.casefold``) makes into two, and that
# the index keeps as written ("Straße" is the term "straße", "STRASSE" is "strasse").
_MAX_FORMS = 32  # ways of writing one word with "ß" for "ss" (a word with many "s")
# Greek vowels with and without the tonos: unicode61 takes Latin accents off only,
# and Greek capitals are written without accents ("ΣΟΦΙΑ" is the term "σοφια",
# "Σοφία" is "σοφία").
_TONOS = dict(zip("αεηιουω", "άέήίόύώ", strict=True))
_PLAIN_GREEK = str.maketrans({**{v: k for k, v in _TONOS.items()}, "ΐ": "ϊ", "ΰ": "ϋ"})
MAX_VARIANTS = 16


def _sharp_s_forms(folded: str) -> set[str]:
    """Every way to write ``folded`` with any "ss" in it as "ß", each "s" used once:
    "sss" is "sss", "ßs" and "sß"; "sssss" has eight ("sßß" among them, which a cap on
    the first three "ss" places missed: Hypothesis found "sßß" not found as "SSSSS").
    Built left to right, at most ``_MAX_FORMS`` ways to each point, fewest "ß" first."""
    ways: dict[int, list[str]] = {0: [""]}
    for i, letter in enumerate(folded):
        for prefix in ways.get(i, []):
            ways.setdefault(i + 1, []).append(prefix + letter)
            if folded[i : i + 2] == "ss":
                ways.setdefault(i + 2, []).append(prefix + "ß")
        for end in (i + 1, i + 2):
            if len(ways.get(end, [])) > _MAX_FORMS:
                ways[end] = sorted(ways[end], key=lambda form: form.count("ß"))[:_MAX_FORMS]
    return {folded, *ways.get(len(folded), [])}


def fold_variants(term: str, *, prefix: bool = False) -> list[str]:
    """The index terms that read as ``term`` (one term as `index_terms` gives it)
    under Unicode case folding, ``term`` first, at most ``MAX_VARIANTS``.

    The word index folds case as SQLite's unicode61 does, one letter for one letter,
    so "ß" stays "ß" and "strasse" would not find "Straße". Here every "ss" may
    also be "ß" (and a prefix ending in "s" may end in "ß": "stras" finds "Straße"),
    and "ß" may be "ss"; a Greek word is matched with its tonos on any one vowel or
    none, since Greek capitals drop it ("ΣΟΦΙΑ" finds "Σοφία" and the other way).
    Final sigma needs nothing: unicode61 already folds "ς" to "σ"."""
    folded = term.replace("ß", "ss")
    forms = _sharp_s_forms(folded)
    if prefix and folded.endswith("s"):
        forms |= {form[:-1] + "ß" for form in forms if form.endswith("s")}
    if any(letter in _TONOS or letter in "άέήίόύώϊϋΐΰ" for letter in folded):
        greek = set()
        for form in forms:
            plain = form.translate(_PLAIN_GREEK)
            greek.add(plain)
            for index, letter in enumerate(plain):
                if letter in _TONOS:
                    greek.add(plain[:index] + _TONOS[letter] + plain[index + 1 :])
        forms |= greek
    ordered = [term, *sorted(forms - {term}, key=lambda form: (len(form), form))]
    return ordered[:MAX_VARIANTS]

"""The words of a Library search, as the Library searches them.

`query_tokens` parts a search at every character that is no letter or digit, so an
apostrophe or an ampersand left single letters of their own: "doctor's" searched "s"
from its start (and marked every word of the passage starting with s), and "D&C"
searched "d" and "c" from their starts: every article, the one that explains a D&C
not among the first three (re-test 46b, P4). Here, as in the Journal
(`journal.storage.entries.search.match_expression`: "walked b" searches "walked"), a
single letter is no word of its own beside a longer one: "doctor's" is "doctor". In a
search of single letters only, the letters glued in one run of non-spaces ("D&C",
"e.g.") are the phrase they make, which the Library's index (it keeps the words'
positions) finds as written; a lone letter is still searched from its start, as the
first key of a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.storage.fts_query import query_tokens

__all__ = ["MAX_WORDS", "LibraryQuery", "library_query"]

MAX_WORDS = 32  # as `query_tokens`


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """``words``: searched each from its start or by its stem
    (`journal.storage.library.stems.match_query`) and marked where found; ``phrases``:
    runs of glued single letters ("D&C" is ("D", "C")), each searched as a phrase."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()


def library_query(text: str) -> LibraryQuery:
    """The words and phrases of ``text`` (any string) as the Library searches them
    (see the module's doc): ``"doctor's notes"`` is words ("doctor", "notes"), ``"D&C"``
    the phrase ("D", "C"), ``"f"`` the word "f". At most `MAX_WORDS` words, each once
    whatever its case."""
    words: dict[str, str] = {}  # by its case folded, as written first
    phrases: list[tuple[str, ...]] = []
    for chunk in text.split():
        tokens = query_tokens(chunk, max_tokens=MAX_WORDS)
        if len(tokens) > 1 and all(len(token) == 1 for token in tokens):
            phrases.append(tuple(tokens))
            continue
        for token in tokens:
            words.setdefault(token.casefold(), token)
    longer = [word for word in words.values() if len(word) > 1]
    if longer:
        return LibraryQuery(tuple(longer[:MAX_WORDS]))
    if phrases:
        return LibraryQuery(phrases=tuple(dict.fromkeys(phrases)))
    return LibraryQuery(tuple(list(words.values())[:MAX_WORDS]))

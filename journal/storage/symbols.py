"""Search for emoji and symbols: 🕯️, 💔, "C++", "F#" (break test 9, finding 7).

The word index's ``unicode61`` tokenizer keeps letters and numbers only, so an emoji
or a "+" is a space to it: a query made of them had no words at all, and the Journal
said "Type a little more to search" however much was typed. A candle or a heart is
how many people mark the entries they later look for.

So the pairs indexes (the entries' ``entries_grams`` and the Library's, both written
by ``journal.storage.ngrams.index_grams``; their tokenizer keeps every character and
splits at spaces only) also hold, for each run of non-spaces that has a symbol in it
(Unicode category S: emoji, ``+``, ``<``, ``$``...), or a word with a "#" after it
(a key or a language: "F#"):

* the run itself, its punctuation at either end taken off ("(C++)," -> "c++"), and
* each run of symbols inside it ("love❤️" gives "love❤" and "❤").

Both sides are folded the same way: as all search folds
(``journal.storage.word_forms.search_fold``: NFKC, Arabic letters one way), case
folded, and without the variation selectors that pick an emoji's colour or text look
(U+FE0E, U+FE0F), so 🕯 and 🕯️ are one. A query's symbol runs are searched as
prefixes of those tokens (`symbols_match`), ANDed with its words. Costs for a text
without any symbol: one regular-expression search.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from journal.storage.fts_query import fts5_phrase
from journal.storage.word_forms import search_fold

__all__ = ["symbol_query", "symbol_tokens", "symbols_match"]

_SELECTORS = str.maketrans("", "", "\ufe0e\ufe0f")
_SHARP = re.compile(r"\w#")
# ASCII has few symbols; anything outside ASCII may be one (checked exactly after).
_MAY_HOLD_SYMBOL = re.compile(r"[$+<=>^`|~#]|[^\x00-\x7f]")


@cache
def _patterns() -> tuple[Any, Any, Any, Any, Any]:
    """The regular expressions that need Unicode's categories (the ``regex`` library,
    imported on first use, not at start-up)."""
    import regex

    symbol = r"[\p{S}\u200d\u20e3\U000e0020-\U000e007f]"
    return (
        regex.compile(r"\p{S}"),  # where a symbol is (about 15 ms for a million letters)
        regex.compile(r"(?r)\S*"),  # the run of non-spaces before a place, read backwards
        regex.compile(r"\S*"),  # and after it
        regex.compile(rf"{symbol}*\p{{S}}{symbol}*"),  # a run of symbols (emoji sequences)
        # Punctuation at a run's ends, but the "#" of "F#".
        regex.compile(r"^\p{P}+|(?:(?<!\w)#|[^\P{P}#])+$"),
    )


def _fold(text: str) -> str:
    return search_fold(text).translate(_SELECTORS).casefold()


def _runs(text: str) -> list[str]:
    """The folded runs of non-spaces in ``text`` that hold a symbol, ends trimmed.
    One pass over the text to find the symbols, then only the runs around them."""
    if text.isascii() and not _MAY_HOLD_SYMBOL.search(text):
        return []
    symbol, before, after, symbols, ends = _patterns()
    places = [found.start() for found in symbol.finditer(text)]
    if "#" in text:
        places = sorted(places + [found.end() - 1 for found in _SHARP.finditer(text)])
    found: list[str] = []
    reached = -1
    for place in places:
        if place < reached:
            continue
        start = before.match(text, 0, place).start()
        reached = after.match(text, place).end()
        run = ends.sub("", _fold(text[start:reached]))
        if run and (symbols.search(run) or _SHARP.search(run)):
            found.append(run)
    return list(dict.fromkeys(found))


def symbol_tokens(*texts: str) -> str:
    """The symbol tokens of ``texts`` for the pairs index, space-separated ("" if none)."""
    tokens: list[str] = []
    for text in texts:
        for run in _runs(text):
            tokens.append(run)
            symbols = _patterns()[3]
            tokens.extend(found for found in symbols.findall(run) if found != run)
    return " ".join(dict.fromkeys(tokens))


def symbol_query(text: str) -> list[str]:
    """The symbol runs of a typed query, folded as the index folds them ("🕯️" -> "🕯",
    "C++" -> "c++"): each is searched for by `symbols_match`."""
    return _runs(text)


def symbols_match(runs: list[str]) -> str | None:
    """The pairs index's MATCH expression for ``runs`` (every one a prefix, ANDed),
    each quoted so that nothing typed is read as FTS5 syntax; None for none."""
    return " ".join(fts5_phrase(run) + "*" for run in runs) or None

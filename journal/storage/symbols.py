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
without any symbol: one regular-expression search; with symbols, a fixed number of
passes over the text (no Python step per symbol).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from journal.storage.fts_query import fts5_phrase
from journal.storage.word_forms import search_fold

__all__ = ["symbol_query", "symbol_tokens", "symbols_match"]

_SELECTORS = str.maketrans("", "", "\ufe0e\ufe0f")
# ASCII has few symbols (and "#", of "F#"); an ASCII text without any of them holds none.
_ASCII_MAY_HOLD = "$+<=>^`|~#"


@cache
def _patterns() -> tuple[Any, Any, Any]:
    """The regular expressions that need Unicode's categories (the ``regex`` library,
    imported on first use, not at start-up)."""
    import regex

    symbol = r"[\p{S}\u200d\u20e3\U000e0020-\U000e007f]"
    return (
        # A line (one run of non-spaces) that holds a symbol or a word's "#".
        regex.compile(r"(?m)^(?=[^\n]*(?:\p{S}|\w#))[^\n]+$"),
        regex.compile(rf"{symbol}*\p{{S}}{symbol}*"),  # a run of symbols (emoji sequences)
        # Punctuation at a run's ends (one run a line), but the "#" of "F#".
        regex.compile(r"(?m)^\p{P}+|(?:(?<!\w)#|[^\P{P}#])+$"),
    )


def _fold(text: str) -> str:
    return search_fold(text).translate(_SELECTORS).casefold()


def _runs(text: str) -> list[str]:
    """The folded runs of non-spaces in ``text`` that hold a symbol, ends trimmed, each once.

    A fixed number of passes, whatever the text holds (break test 9 of session 12,
    finding 6: a Python step per symbol made an entry of emoji cost 60-80 times a plain
    one at each autosave): the runs are split at spaces and kept once each (in C), then
    the different runs are looked at all together, one run a line: those that hold a
    symbol, then those folded and trimmed (folding never makes a line break, and no
    rule here crosses one)."""
    if text.isascii() and not any(char in text for char in _ASCII_MAY_HOLD):
        return []
    held, _symbols, ends = _patterns()
    holding = held.findall("\n".join(dict.fromkeys(text.split())))
    if not holding:
        return []
    trimmed = ends.sub("", _fold("\n".join(holding)))
    return list(dict.fromkeys(held.findall(trimmed)))


def symbol_tokens(*texts: str) -> str:
    """The symbol tokens of ``texts`` for the pairs index, space-separated ("" if none):
    each run `_runs` finds, then each run of symbols inside those runs ("love❤" gives
    "love❤" and "❤"). The index keeps no positions, so their order does not matter."""
    tokens: list[str] = []
    symbols = _patterns()[1]
    for text in texts:
        runs = _runs(text)
        tokens.extend(runs)
        if runs:
            tokens.extend(symbols.findall("\n".join(runs)))
    return " ".join(dict.fromkeys(tokens))


def symbol_query(text: str) -> list[str]:
    """The symbol runs of a typed query, folded as the index folds them ("🕯️" -> "🕯",
    "C++" -> "c++"): each is searched for by `symbols_match`."""
    return _runs(text)


def symbols_match(runs: list[str]) -> str | None:
    """The pairs index's MATCH expression for ``runs`` (every one a prefix, ANDed),
    each quoted so that nothing typed is read as FTS5 syntax; None for none."""
    return " ".join(fts5_phrase(run) + "*" for run in runs) or None

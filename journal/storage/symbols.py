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
* each run of symbols inside it ("love❤️" gives "love❤" and "❤"), and
* for a number written against a unit or symbol ("38.5°C", "101°F", "12€"), the unit
  alone, the number taken off ("°c", "°f", "€"): a query for the unit finds it, and a
  query of another number with the same unit ("39°C") finds it too (break test 9 of
  session 14, finding 8: a person typing a fever found nothing about fevers).

An ordinal indicator after a number ("38ºC", as Spanish and Portuguese keyboards type
the degree) is read as the degree sign; "℃" and "℉" become "°c" and "°f" by NFKC.

Both sides are folded the same way: as all search folds
(``journal.storage.word_forms.search_fold``: NFKC, Arabic letters one way), case
folded, and without the variation selectors that pick an emoji's colour or text look
(U+FE0E, U+FE0F), so 🕯 and 🕯️ are one. A query's symbol runs are searched as
prefixes of those tokens (`symbols_match`), ANDed with its words; a measurement in
a query ("39°C") is found as written and, in the Library, by its unit alone too
(`unit_of`); how a measurement is read, typed any way, is ``journal.storage.measures``.
Costs for a text without any symbol: one regular-expression search; with symbols, a fixed number of
passes over the text (no Python step per symbol).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from journal.storage.fts_query import fts5_phrase, query_tokens
from journal.storage.measures import DECIMAL, measure_tokens
from journal.storage.word_forms import search_fold

__all__ = [
    "VARIATION_SELECTORS",
    "decimal_numbers",
    "measured_words",
    "symbol_needles",
    "symbol_query",
    "symbol_tokens",
    "symbols_match",
    "unit_of",
]

#: The emoji variation selectors (text and emoji presentation), which symbols are
#: searched without: "❤️" is "❤".
VARIATION_SELECTORS = "\ufe0e\ufe0f"
_SELECTORS = str.maketrans("", "", VARIATION_SELECTORS)
# ASCII has few symbols (and "#", of "F#"); an ASCII text without any of them holds none.
_ASCII_MAY_HOLD = "$+<=>^`|~#"
# The ordinal indicator typed for a degree after a number ("38ºC").
_ORDINAL_DEGREE = re.compile(r"(?<=\d)º")


@cache
def _patterns() -> tuple[Any, Any, Any, Any]:
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
        # A run that is a number (digits, "." or "," between them) then a symbol: the
        # unit is what follows the number ("38.5°c" -> "°c").
        regex.compile(r"(?m)^\d(?:[\d.,]*\d)?(\p{S}[^\n]*)$"),
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
    if "º" in text:
        text = _ORDINAL_DEGREE.sub("°", text)
    held, _symbols, ends, _units = _patterns()
    holding = held.findall("\n".join(dict.fromkeys(text.split())))
    if not holding:
        return []
    trimmed = ends.sub("", _fold("\n".join(holding)))
    return list(dict.fromkeys(held.findall(trimmed)))


def symbol_tokens(*texts: str) -> str:
    """The symbol tokens of ``texts`` for the pairs index, space-separated ("" if none):
    each run `_runs` finds, then each run of symbols inside those runs ("love❤" gives
    "love❤" and "❤"), then the unit of each number written against one ("38.5°c" gives
    "°c"), then the measurements however written ("39C", "38,5 °C", "ºC") and decimal
    numbers in their one spelling (``journal.storage.measures.measure_tokens``). The
    index keeps no positions, so their order does not matter."""
    tokens: list[str] = []
    _held, symbols, _ends, units = _patterns()
    for text in texts:
        tokens.extend(measure_tokens(text))
        runs = _runs(text)
        tokens.extend(runs)
        if runs:
            joined = "\n".join(runs)
            tokens.extend(symbols.findall(joined))
            tokens.extend(units.findall(joined))
    return " ".join(dict.fromkeys(tokens))


def symbol_query(text: str) -> list[str]:
    """The symbol runs of a typed query, folded as the index folds them ("🕯️" -> "🕯",
    "C++" -> "c++"): each is searched for by `symbols_match`.

    A run holding a word of two letters or more ("came+", "^grief", "£50", "mum+dad")
    is left out: its symbols are ignored as punctuation is ("came." finds "came"), and
    its words are searched as words (break test 9 of session 19, finding 5: "came+"
    found nothing, for no entry holds "came+"). A measurement ("39°c") is kept, found
    as written (`unit_of`); so are runs that are symbols and single letters ("c++",
    "f#", "🕯")."""
    return [
        run
        for run in _runs(text)
        if unit_of(run) is not None or not any(len(word) > 1 for word in query_tokens(run))
    ]


def unit_of(run: str) -> str | None:
    """The unit of a folded symbol run that is a number written against it ("39°c" ->
    "°c", "38.5°" -> "°", "12€" -> "€"); None for any other run ("c++", "💔")."""
    found = _patterns()[3].fullmatch(run)
    return None if found is None else str(found.group(1))


def measured_words(spaced: str) -> str:
    """``spaced`` (a Journal query's words, its measurements read by
    ``journal.storage.measures.read_measures``) without its measurements ("38°c",
    "(101°f)") and decimal numbers ("38.5"): the Journal searches them in the pairs
    index, exactly (`symbols_match`, `decimal_numbers`); the word index holds "38.5°C"
    as the words "38", "5" and "c", "39C" as "39c". Other words are kept as they are."""
    kept = []
    for chunk in spaced.split():
        runs = _runs(chunk)
        measured = len(runs) == 1 and unit_of(runs[0]) is not None
        if not measured and not DECIMAL.search(chunk):
            kept.append(chunk)
    return " ".join(kept)


def decimal_numbers(text: str) -> list[str]:
    """The decimal numbers of a query ("38.5", "38,5" -> "38.5"), each once, as the
    pairs index holds them (``journal.storage.measures.measure_tokens``)."""
    return list(dict.fromkeys(found.group().replace(",", ".") for found in DECIMAL.finditer(text)))


def symbol_needles(runs: list[str]) -> list[str]:
    """What to mark in a text found by ``runs`` (`symbol_query`): each run, and the unit
    of each measurement among them (`unit_of`), longest first, each once."""
    needles = [*runs, *(unit for run in runs if (unit := unit_of(run)) is not None)]
    return sorted(dict.fromkeys(needles), key=len, reverse=True)


def symbols_match(runs: list[str], *, any_number: bool = False) -> str | None:
    """The pairs index's MATCH expression for ``runs`` (every one a prefix, ANDed),
    each quoted so that nothing typed is read as FTS5 syntax; None for none.

    With ``any_number`` (the Library), a measurement ("39°c") matches as written or by
    its unit alone ("°c"): the number is not required, so a temperature the text does
    not hold still finds the text that speaks of temperatures (break test 9 of session
    14, finding 8). Without it (the Journal), it matches as written: "38.5°c" is not
    "38 °C" (session 15, finding 9)."""
    parts = []
    for run in runs:
        unit = unit_of(run) if any_number else None
        written = fts5_phrase(run) + "*"
        parts.append(written if unit is None else f"({written} OR {fts5_phrase(unit)}*)")
    # Joined by AND, never by a space: FTS5 takes no implicit AND after a bracket
    # ('("0+"* OR "+"*) "×"*' was a syntax error, found by the search property).
    return " AND ".join(parts) or None

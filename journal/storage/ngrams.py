"""Search inside scripts written without spaces (Chinese, Japanese, Korean, Thai, Lao,
Khmer, Myanmar): overlapping two-character tokens, as Lucene's CJK analyzer makes.

FTS5's ``unicode61`` tokenizer keeps a whole run of such characters as one
token ("我今天很难过。" is one word to it), so a word inside the run is never
found. Each run is therefore also indexed as its overlapping pairs plus its
last character alone: 我今 今天 天很 很难 难过 过. A search for a run of two
or more characters becomes the phrase of its pairs ("很难过" -> "很难 难过"),
which matches exactly where the run occurs inside a longer one; a single
character is a prefix search ("难"* finds 难过 and a run ending in 难).

The pairs go into a separate index with a tokenizer that splits on spaces only
(``GRAMS_TOKENIZER``), so combining marks (Thai vowels) stay inside their pair.
Costs: one regular-expression pass over the text; an entry without these
scripts adds nothing to the index.
"""

from __future__ import annotations

import re
import unicodedata

from journal.domain.common.letters import without_invisible
from journal.storage.fts_query import fts5_phrase
from journal.storage.symbols import symbol_tokens, symbols_match

__all__ = ["GRAMS_TOKENIZER", "grams_match", "grams_text", "index_grams", "split_query"]

# Every Unicode category is a token character, so only the spaces between pairs split.
GRAMS_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co'"

SPACELESS = re.compile(
    "["
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1100-\u11ff"  # Hangul Jamo
    "\u1780-\u17ff"  # Khmer
    "\u3005-\u3007"  # 々 〆 〇
    "\u3040-\u30ff"  # Hiragana, Katakana (with ー)
    "\u3130-\u318f"  # Hangul compatibility Jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0003134f"  # CJK extensions B to G
    "]+"
)


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def grams_text(*texts: str) -> str:
    """The pair tokens of every spaceless run in ``texts``, space-separated ("" if none).
    A character that shows nothing inside a run (a zero-width space between Thai words)
    is not there (``journal.domain.common.letters.without_invisible``)."""
    tokens: list[str] = []
    for text in texts:
        for match in SPACELESS.finditer(unicodedata.normalize("NFC", without_invisible(text))):
            run = match.group()
            tokens.extend(_pairs(run))
            tokens.append(run[-1])
    return " ".join(tokens)


def index_grams(*texts: str) -> str:
    """What a pairs index holds for ``texts`` (the entries' since migration 0013, the
    Library's): the pairs of `grams_text` and the emoji and symbol tokens of
    ``journal.storage.symbols``, space-separated ("" if none)."""
    return " ".join(part for part in (grams_text(*texts), symbol_tokens(*texts)) if part)


def split_query(text: str) -> tuple[str, list[str]]:
    """``text`` with its spaceless runs taken out (for the word index), and those runs
    (without the characters that show nothing, as `grams_text` reads them)."""
    normalized = unicodedata.normalize("NFC", without_invisible(text))
    runs = [
        piece
        for match in SPACELESS.finditer(normalized)
        for piece in _without_symbols(match.group()).split()
    ]
    return SPACELESS.sub(" ", normalized), list(dict.fromkeys(runs))


def _without_symbols(run: str) -> str:
    """``run`` (a spaceless run of a query) with its punctuation and symbols made spaces
    ("฿", "๚", "・"): they part words, as everywhere in a query, and are never a run
    that must be found (break test 9 of session 19, finding 5: "came฿" found nothing)."""
    return "".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in run)


def grams_match(
    runs: list[str], symbols: list[str] | None = None, *, any_number: bool = False
) -> str | None:
    """The MATCH expression for a pairs index (`index_grams`): every spaceless run of
    ``runs`` (`split_query`) and every symbol run of ``symbols``
    (``journal.storage.symbols.symbol_query``) must occur (AND); None for none.

    Each run is quoted, so nothing typed is read as FTS5 syntax. ``any_number``: a
    measurement is found by its unit alone too (the Library's reading, see
    ``journal.storage.symbols.symbols_match``).
    """
    parts = [
        fts5_phrase(run) + "*" if len(run) == 1 else fts5_phrase(" ".join(_pairs(run)))
        for run in runs
    ]
    symbol_part = symbols_match(symbols or [], any_number=any_number)
    if symbol_part is not None:
        parts.append(symbol_part)
    return " AND ".join(parts) or None  # AND: a symbol part may be in brackets

"""Letters written in more than one way, read as one: the folding of search and tags.

Whether a hamza sits on an alef, an alef maksura is dotted, a teh marbuta is written as
heh, and whether vowels (harakat) or a stretch (tatweel) were typed is a matter of hand
and keyboard, not of the word: أمي and امي, على and علي, مدرسة and مدرسه, كَتَبَ and كتب
are one. `search_fold` writes them one way: أ إ آ ٱ as ا, ى as ي, ة as ه, harakat,
Quranic marks and the tatweel taken off. This is the normalisation of Larkey,
Ballesteros and Connell ("Light Stemming for Arabic Information Retrieval",
2002/2007) that Lucene's ``ArabicNormalizer`` and Elasticsearch's
``arabic_normalization`` apply, with the alef wasla ٱ beside the hamza-seated alefs.
Persian and Urdu letters that have an Arabic twin are written as it, as Lucene's
``PersianNormalizer`` does: ی and ے as ي, ک as ك, ۀ, ہ and the teh marbuta goal ۃ as
ه (ۃ is the Urdu ة). Persian (۰-۹) and Arabic-Indic (٠-٩) digits are the ASCII digits,
as Lucene's ``DecimalDigitFilter`` reads every decimal digit, and the zero-width
non-joiner (ZWNJ, U+200C, the Persian half-space of بچه‌ام and می‌خواهم) is nothing:
whether it was typed depends on the keyboard, not on the word (break test 9 of session
15, finding 5). Hebrew vowel points (niqqud) and cantillation marks are taken off the
same way.

Characters that show nothing are nothing to search either: the soft hyphen, the zero-width
space, the word joiner, the zero-width no-break space (a byte-order mark inside text), the
direction marks and the bidirectional embeddings and isolates (`INVISIBLE`). Text copied
from web pages, PDFs and chats holds them inside words, where they split a word that
looks whole ("fe\u200bver" read as "fe" and "ver"; re-test 47, N4). Unicode's
NFKC_Casefold mapping drops every default-ignorable character this way (ICU's
``nfkc_cf``, which Lucene's ``ICUFoldingFilter`` applies). The zero-width joiner and the
variation selectors are kept: they hold an emoji's sequence together, and emoji are
searched as written (``journal.storage.symbols``).

The Journal's and the Library's search fold both their indexes and their queries by it
(``journal.storage.word_forms``), and tags are told apart by it
(``journal.domain.entries.tags.tag_key``). A change here re-indexes every journal (a
migration calling ``journal.storage.migrations.reindex.reindex_search``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ARABIC_MARKS",
    "FOLDED",
    "HEBREW_POINTS",
    "INVISIBLE",
    "LETTER_FOLDS",
    "ascii_digits",
    "search_fold",
    "without_invisible",
]

HEBREW_POINTS = "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
# Harakat, Quranic marks and the tatweel (a stretch, no letter).
ARABIC_MARKS = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
#: Characters that show nothing, dropped by search (see the module's notes): the soft
#: hyphen, the Arabic letter mark, the zero-width space, the left-to-right and
#: right-to-left marks, the bidirectional embeddings and overrides, the word joiner and
#: the invisible operators, the bidirectional isolates, the zero-width no-break space.
#: As a regular-expression class.
INVISIBLE = "\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")

LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    # Persian and Urdu letters as their Arabic twins (Lucene's ``PersianNormalizer``):
    # Farsi yeh and yeh barree as yeh, keheh as kaf, heh with yeh, heh goal and teh
    # marbuta goal as heh.
    "\u06cc": "ي",
    "\u06d2": "ي",
    "\u06a9": "ك",
    "\u06c0": "ه",
    "\u06c1": "ه",
    "\u06c3": "ه",
    # The zero-width non-joiner, the Persian half-space: nothing.
    "\u200c": "",
    # Arabic-Indic and Persian digits as ASCII digits.
    **{chr(0x0660 + n): str(n) for n in range(10)},
    **{chr(0x06F0 + n): str(n) for n in range(10)},
}
# What `search_fold` changes beyond NFKC: those letters, Arabic marks, Hebrew points and
# the characters that show nothing.
FOLDED = re.compile(f"[{''.join(LETTER_FOLDS)}{ARABIC_MARKS}{HEBREW_POINTS}{INVISIBLE}]")


def _fold_letter(found: re.Match[str]) -> str:
    return LETTER_FOLDS.get(found.group(), "")


def search_fold(text: str) -> str:
    """``text`` (any string) as search reads it, for the index and the query alike:
    NFKC, then the letters written more than one way written one way and Arabic marks
    off (أ إ آ ٱ -> ا, ى ی ے -> ي, ک -> ك, ة ۀ ہ ۃ -> ه; harakat and tatweel dropped),
    Persian and Arabic-Indic digits as ASCII digits, the ZWNJ and the characters that
    show nothing (`INVISIBLE`) dropped, and Hebrew points off (בַּיִת -> בית); see the
    module's notes for the sources. Folding twice gives what folding once gives. ASCII
    text comes back as it is, at once; case is left to the caller."""
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text)
    if FOLDED.search(folded) is None:
        return folded
    # NFKC again: a mark taken off can leave a letter and an accent side by side that
    # compose ("A", tatweel, U+0301 is "Á").
    return unicodedata.normalize("NFKC", FOLDED.sub(_fold_letter, folded))


def ascii_digits(text: str) -> str:
    """``text`` (str) with each decimal digit of any script (Arabic-Indic, Persian,
    Devanagari, full-width) written as its ASCII digit, as a phone's keypad dials it
    ("٣٨" -> "38"), nothing else changed. ASCII text comes back as it is, at once."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def without_invisible(text: str) -> str:
    """``text`` (str) without the characters that show nothing (`INVISIBLE`), nothing
    else changed: for the search of scripts written without spaces, which folds no
    further (``journal.storage.ngrams``). ASCII text comes back as it is, at once."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)

"""The other forms of a text's words that the entries' word index holds beside them.

FTS5's ``unicode61`` tokenizer finds a word as it is written, or from its start.
Two kinds of word are then missed (break test 9, findings 6 and 7):

* **Compatibility characters.** A copy from a PDF writes "ﬁnally" with the one
  letter "ﬁ"; a Japanese input method types "ＡＢＣ" in full-width letters. Unicode
  compatibility folding (NFKC, the same kind of folding as the accents the index
  already takes off) makes them "finally" and "ABC". The query is folded the same
  way (`journal.storage.fts_query.query_tokens`).
* **Hebrew and Arabic words with attached prefixes.** In these scripts the article,
  "and" and the short prepositions are written joined to the word: הבית is ה + בית
  ("the house"), وبالمستشفى is و + ب + ال + مستشفى ("and in the hospital"). So the
  word she searches for sits inside the written one. Each such word is also indexed
  without them: Hebrew drops up to ``HEBREW_MAX_PREFIX`` leading letters of
  ו ה ב ל מ ש כ (the "prefix letters", which stack: וכשהבית), Arabic an optional
  و / ف, then an optional ب / ك / ل (or لل, ل + ال with its alef dropped), then
  an optional ال: the prefixes of Larkey's "light10" stemmer, which Lucene's
  ``ArabicStemmer`` uses. Every form on the way is indexed (المستشفى and مستشفى),
  with vowel points and harakat taken off. A stem keeps at least two letters.

* **Letters written in more than one way.** Arabic and Persian letters that differ
  only by hand and keyboard (أمي and امي, یک and يك), Arabic harakat, Hebrew points,
  Persian and Arabic-Indic digits and the Persian half-space (ZWNJ) are read one way by
  `search_fold` (``journal.domain.common.letters``, where the rules and their sources
  are). Hebrew points matter here too: the tokenizer splits a word at them, so a
  pointed query (בַּיִת) was searched as its single letters.

`search_fold` (NFKC, then the Arabic letters) is the one folding of both sides: the
index holds each word's folded form when it differs (`index_forms`), and a query is
folded by it before it is split (``journal.storage.fts_query.query_tokens``), in the
Journal and the Library alike. A change to it re-indexes every journal (migrations
0014_arabic_letters, 0015_persian_letters, 0023_measures_and_persian_search).

Why these forms and not the pairs index the scripts written without spaces use
(``journal.storage.ngrams``): a pair search finds any substring, and Hebrew and
Arabic words are short and built from three-letter roots, so אב ("father") would
find every כאב ("pain"). Taking off only the letters the grammar attaches keeps a
search of the written form, and of its start, exactly as it was, and costs a Latin
text nothing: ASCII text and text NFKC leaves alone with no Hebrew or Arabic letter
have no forms (two C-speed checks).

The word index reads the forms after the body (``journal.storage.types.index_body``,
migration 0013), each between two ``FORMS_SEPARATOR`` characters (a control
character the tokenizer splits at), so a search snippet that reaches them is told
apart and cut from the body as written instead (``journal.storage.entries.search``).
"""

from __future__ import annotations

import re
import unicodedata

from journal.domain.common.letters import (
    ARABIC_MARKS,
    FOLDED,
    HEBREW_POINTS,
    INVISIBLE,
    search_fold,
)

__all__ = [
    "FORMS_SEPARATOR",
    "HEBREW_MAX_PREFIX",
    "MARKED_WORD",
    "fold_compatibility",
    "fold_term",
    "index_forms",
    "search_fold",
    "starts_with_term",
    "word_forms",
]

FORMS_SEPARATOR = "\x1f"  # the unit separator: never a letter, split at by unicode61
HEBREW_MAX_PREFIX = 4  # ו + כ + ש + ה: "and when the"
_MIN_STEM = 2

_HEBREW_POINTS = HEBREW_POINTS
_HEBREW_LETTERS = "\u05d0-\u05ea\u05f0-\u05f2"
_HEBREW_WORD = re.compile(f"[{_HEBREW_LETTERS}][{_HEBREW_LETTERS}{_HEBREW_POINTS}]*")
_HEBREW_MARKS = re.compile(f"[{_HEBREW_POINTS}]")
_HEBREW_PREFIXES = frozenset("והבלמשכ")

_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
_ARABIC_MARKS_CLASS = ARABIC_MARKS  # harakat, Quranic marks and the tatweel
_ARABIC_WORD = re.compile(f"[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_ARABIC_MARKS_CLASS}]*")
_ARABIC_MARKS = re.compile(f"[{_ARABIC_MARKS_CLASS}]")
_RTL = re.compile("[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]")
_WORD = re.compile(r"\w+")
# A word as FTS5's ``unicode61`` tokenizer reads it. Its tables are Unicode 6.1's, in which
# the Arabic letter mark (U+061C) and the bidirectional isolates (U+2066 to U+2069), both
# added in 6.3, are unassigned and read as letters: "\u2066dizzy\u2069", as a chat app
# wraps a name, is one word to it, and "dizzy" found nothing (break test 48, F1).
_TOKEN = re.compile(r"[\w\u061c\u2066-\u2069]+")
# What search drops inside a word, joining its two sides: the half-space, `INVISIBLE`.
_JOINING = f"\u200c{INVISIBLE}"
# A word as written, with the marks inside it that ``\w`` leaves out (harakat, Hebrew
# points, Latin combining accents): "كَتَبَ" is one word, not three letters.
# A Persian word keeps its half-space (ZWNJ) inside it: "بچه‌ام" is one word; so does a
# word with a character inside it that shows nothing ("fe\u00adver", a soft hyphen).
MARKED_WORD = re.compile(
    f"\\w(?:\\w|[{_ARABIC_MARKS_CLASS}{_HEBREW_POINTS}\u0300-\u036f]|[{_JOINING}]+(?=\\w))*"
)
_JOINED = re.compile(f"[{_JOINING}]")

_FOLDED = FOLDED  # what `search_fold` changes beyond NFKC


def fold_compatibility(text: str) -> str:
    """``text`` under Unicode compatibility folding (NFKC): "ﬁnally" -> "finally",
    "ＡＢＣ" -> "ABC", "①" -> "1". ASCII text comes back as it is, at once."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text)


def _hebrew_stems(word: str) -> list[str]:
    stems = []
    for cut in range(1, HEBREW_MAX_PREFIX + 1):
        if len(word) - cut < _MIN_STEM or word[cut - 1] not in _HEBREW_PREFIXES:
            break
        stems.append(word[cut:])
    return stems


def _arabic_stems(word: str) -> list[str]:
    forms = [word]
    if word[:1] in ("و", "ف"):  # "and", "so"
        forms.append(word[1:])
    for form in list(forms):
        if form.startswith("لل"):  # ل + ال: "for the"
            forms.append(form[2:])
        elif form[:1] in ("ب", "ك", "ل"):  # "in/with", "like", "for"
            forms.append(form[1:])
    for form in list(forms):
        if form.startswith("ال"):  # the article
            forms.append(form[2:])
    return [form for form in dict.fromkeys(forms[1:]) if len(form) >= _MIN_STEM]


def _rtl_forms(text: str) -> list[str]:
    """Each Hebrew and Arabic word of ``text`` (NFKC-folded) without its points, an
    Arabic one folded (`search_fold`), and without its attached prefixes (every way of
    taking them off)."""
    forms: list[str] = []
    for pattern, marks, stems in (
        (_HEBREW_WORD, _HEBREW_MARKS, _hebrew_stems),
        (_ARABIC_WORD, _ARABIC_MARKS, _arabic_stems),
    ):
        for written in dict.fromkeys(pattern.findall(text)):
            bare = marks.sub("", written) if pattern is _HEBREW_WORD else search_fold(written)
            if not bare:  # a tatweel alone
                continue
            if bare != written:
                forms.append(bare)
            forms.extend(stems(bare))
    return forms


def word_forms(word: str) -> list[str]:
    """The other forms of one written ``word`` that the index holds (see the module's
    notes): its folding (`search_fold`) if that differs, and a Hebrew or Arabic word
    without its prefixes; [] for an ASCII word."""
    if word.isascii():
        return []
    folded = search_fold(word)
    forms = [folded] if folded != word else []
    if _RTL.search(folded):
        forms.extend(_rtl_forms(folded))
    return forms


def index_forms(*texts: str) -> str:
    """The forms the word index holds after an entry's body for its ``texts`` (title,
    body, tags): every form its words do not already have as written (`search_fold`,
    Hebrew and Arabic stems), each between two ``FORMS_SEPARATOR`` characters; "" when
    there are none (an ASCII text, and every text NFKC leaves alone with no Hebrew or
    Arabic letter). Deterministic: the index's
    triggers remove exactly what they added."""
    forms: list[str] = []
    for text in texts:
        if not text or text.isascii():
            continue
        foldable = _FOLDED.search(text) is not None
        if foldable or not unicodedata.is_normalized("NFKC", text):
            # Folding a whole long text is slow (NFKC: 0.4 s for two million Cyrillic
            # characters): only the few words it changes are folded.
            changed = [
                w
                for w in dict.fromkeys(text.split())
                if (foldable and _FOLDED.search(w)) or not unicodedata.is_normalized("NFKC", w)
            ]
            for chunk in changed:
                written = set(_TOKEN.findall(chunk.lower()))
                folded = search_fold(chunk)
                forms.extend(w for w in _WORD.findall(folded) if w.lower() not in written)
                # presentation forms; a word joined at its half-space ("بچه‌ام") or at
                # a character that shows nothing
                if _RTL.search(folded) and (not _RTL.search(chunk) or _JOINED.search(chunk)):
                    forms.extend(_rtl_forms(folded))
        if _RTL.search(text):
            forms.extend(_rtl_forms(text))
    if not forms:
        return ""
    unique = dict.fromkeys(forms)
    return FORMS_SEPARATOR + FORMS_SEPARATOR.join(unique) + FORMS_SEPARATOR


def fold_term(word: str) -> str:
    """``word`` case- and accent-folded much as the word index folds it (combining marks
    off, Unicode case folding): how a snippet compares a written word with a term.
    An ASCII word has no marks and folds as it lowers, at C speed (the Library folds
    its articles' thousands of words as it builds its index)."""
    if word.isascii():
        return word.lower()
    plain = unicodedata.normalize("NFD", word)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def starts_with_term(word: str, terms: tuple[str, ...]) -> bool:
    """Whether ``word`` as written (a `MARKED_WORD`), or one of the other forms the index
    holds for it (`word_forms`: "ﬁnally" as "finally", "הבית" as "בית", "أمي" as
    "امي"), starts with one of ``terms`` (each folded by `fold_term`): whether a
    snippet marks it."""
    if fold_term(word).startswith(terms):
        return True
    return any(fold_term(form).startswith(terms) for form in word_forms(word))

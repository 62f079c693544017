"""English word stems for the Library's search: "fevers" finds "fever", "babies" "baby".

The Library's index finds a word as written or from its start (FTS5's ``unicode61``), so
a plural or another ending of a word the articles hold found nothing: "fevers",
"bleeds", "clotting", "infections", "periods" and "miscarriages" each found no article,
though the articles speak of each (break test 45b, F4). A person who is frightened
types the word as it comes to her.

The articles are English, so each of their words is also indexed by its stem, in the
index's ``forms`` column, when the stem differs from the word ("babi" for "baby" and
"babies"), and each word of a search is searched as written (from its start, as
before) or by its stem (`match_query`). The stems are the Snowball project's English
stemmer ("Porter2", https://snowballstem.org/algorithms/english/stemmer.html), through
PyStemmer, its C build: about a microsecond a word, so the articles' thousand words
cost a millisecond when the index is built, and a search's words nothing one notices.

Only words of the basic Latin letters, once accents are off (`fold_term`), are
stemmed: the English rules mean nothing for other scripts, whose words are searched
as before (``journal.storage.word_forms``). The Journal's own entries are not stemmed:
that would index every journal again (a migration), and her own words are hers as
written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import Stemmer

from journal.storage.fts_query import fts5_phrase
from journal.storage.word_forms import fold_term

__all__ = [
    "MIN_SOME_AS_START",
    "MIN_STEM",
    "MIN_STEMMED",
    "MIN_STEM_AS_START",
    "match_query",
    "stems_of",
]

#: Shorter words are left as they are: "is", "us" and "as" have nothing to take off.
MIN_STEMMED = 3
#: A search word is searched by its stem only when the stem is this long: a shorter one
#: ("be" for "being") is the stem of too many words to mean one. Three letters name one
#: family when matched whole ("pad" for "pads", "hug" for "hugs"): with four, "soaking
#: pads", the words of heavy bleeding, found nothing (session 48).
MIN_STEM = 3
#: ...and from the stem's start when it is this long: "miscarried" and "miscarrying"
#: are "miscarri", "miscarriage" is "miscarriag" (re-test 46b, P1: "miscarried" found
#: nothing); a stem this long names one family of words.
MIN_STEM_AS_START = 6
#: A word of a search that finds some of its words only (``every`` false) is found from
#: its start when it is this long: "tired" finds "tiredness".
MIN_SOME_AS_START = 5
_LATIN_WORD = re.compile(r"[a-z]+")


def _stemmable(word: str) -> bool:
    return len(word) >= MIN_STEMMED and _LATIN_WORD.fullmatch(word) is not None


def stems_of(folded: Iterable[str]) -> dict[str, str]:
    """The stem of each of the ``folded`` words (folded by `fold_term`: accents off,
    case folded) that has one other than itself: {"fevers": "fever", "babies": "babi"}.
    Words of other scripts, and words under `MIN_STEMMED` letters, are left out."""
    words = sorted({word for word in folded if _stemmable(word)})
    # A stemmer per call: PyStemmer's are not safe to share between threads, and one
    # costs a few microseconds to make.
    stems = Stemmer.Stemmer("english").stemWords(words)
    return {word: str(stem) for word, stem in zip(words, stems, strict=True) if stem != word}


def match_query(
    tokens: Sequence[str],
    stems: Mapping[str, str],
    phrases: Sequence[Sequence[str]] = (),
    *,
    every: bool = True,
) -> str | None:
    """An FTS5 MATCH expression for a search's words (``tokens``, as
    ``journal.storage.library.query.library_query`` gives them) in which each is found
    from its start, as written, or by its stem (``stems``: `stems_of` their folded
    forms), and each of ``phrases`` (runs of glued letters: ("D", "C")) as a phrase:
    ``fevers at night`` becomes ``("fevers"* OR "fever") AND "at"* AND "night"*`` (FTS5
    reads no implied AND after a bracket), ``D&C`` ``"D C"``. With ``every`` false, any
    of them is enough (``OR`` between them), and a word under `MIN_SOME_AS_START`
    letters is found whole or by its stem, not from its start ("pro" found
    "Professional": break test 49, F5). None when there are neither (see
    ``journal.storage.fts_query.fts5_match_query``, which this extends)."""
    parts = [fts5_phrase(" ".join(phrase)) for phrase in phrases]
    for token in tokens:
        as_start = "*" if every or len(token) >= MIN_SOME_AS_START else ""
        written = fts5_phrase(token) + as_start
        stem = stems.get(fold_term(token), "")
        if len(stem) >= MIN_STEM:
            stem_as_start = "*" if len(stem) >= MIN_STEM_AS_START else ""
            written = f"({written} OR {fts5_phrase(stem)}{stem_as_start})"
        parts.append(written)
    return (" AND " if every else " OR ").join(parts) or None

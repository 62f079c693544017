"""The words of a Library search, as the Library searches them.

`query_tokens` parts a search at every character that is no letter or digit, so an
apostrophe or an ampersand left single letters of their own: "doctor's" searched "s"
from its start (and marked every word of the passage starting with s), and "D&C"
searched "d" and "c" from their starts: every article, the one that explains a D&C
not among the first three (re-test 46b, P4). Here, as in the Journal
(`journal.storage.entries.search.match_expression`: "walked b" searches "walked"), a
single letter is no word of its own beside a longer one, and the ending an apostrophe
adds ("'s", "'m", "'t", "'ll", "'re", "'ve", "'d") is none either: "doctor's" is
"doctor", "I'm bleeding" is "bleeding". Single letters glued in one run of non-spaces
by anything else ("D&C", "D & C", "e.g.") are the phrase they make, which the
Library's index (it keeps the words' positions) finds as written, beside other words
too ("what is a D&C": re-test 47, N1); a lone letter is still searched from its
start, as the first key of a word.

Every word must be found, so a question typed as she would ask it found little or
nothing: "how do I tell my family" nothing, "how long does bleeding last" not the
article on bleeding, and "what is a D&C" marked "what" and "is" in every passage
(re-test 47, N5). The common English words that carry no subject (`STOP_WORDS`) are
no words of their own beside one that does: that search is "tell family". A search of
such words alone ("it", "how to") is searched as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journal.storage.fts_query import query_tokens

__all__ = [
    "MAX_WORDS",
    "STOP_WORDS",
    "LibraryQuery",
    "letters_only",
    "library_query",
    "names_a_subject",
]

MAX_WORDS = 32  # as `query_tokens`
#: The Snowball project's English stop words (snowballstem.org/algorithms/english/
#: stop.txt; Solace's stemmer is Snowball's too), its contractions as this query reads
#: them, the ending after the apostrophe dropped ("don't" is "don", "let's" "let"),
#: and the words of questions it does not list ("can", "get", "go", "going", "many",
#: "much", "will": "how many ibuprofen" marked "many"; "should I go to the hospital"
#: needed an article with "go" in it, "will I die from bleeding" one with "will", "where
#: can I get help" one with "get"). The articles are English.
_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what
    which who whom this that these those am is are was were be been being have has had
    having do does did doing would should could ought a an the and but if or because as
    until while of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once
    here there when where why how all any both each few more most other some such no
    nor not only own same so than too very cannot
    isn aren wasn weren hasn haven hadn doesn don didn won wouldn shan shouldn couldn
    mustn let
    can get getting go going many much will
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# An English ending after an apostrophe (straight or curly), at the end of a word.
_APOSTROPHE_ENDING = re.compile(r"(?<=\w)['\u2019](?:s|m|t|d|ll|re|ve)(?!\w)", re.IGNORECASE)
# Two single letters with an ampersand between them, spaced: "D & C" is "D&C".
_SPACED_AMPERSAND = re.compile(r"(?<!\w)([^\W\d_])\s+&\s+([^\W\d_])(?!\w)")


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """``words``: searched each from its start or by its stem
    (`journal.storage.library.stems.match_query`) and marked where found; ``phrases``:
    runs of glued single letters ("D&C" is ("D", "C")), each searched as a phrase."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()


def library_query(text: str) -> LibraryQuery:
    """The words and phrases of ``text`` (any string) as the Library searches them
    (see the module's doc): ``"doctor's notes"`` is words ("doctor", "notes"), ``"D&C
    recovery"`` the word "recovery" and the phrase ("D", "C"), ``"is it normal"`` the
    word "normal", ``"f"`` the word "f". At most `MAX_WORDS` words, each once whatever
    its case."""
    words: dict[str, str] = {}  # by its case folded, as written first
    phrases: list[tuple[str, ...]] = []
    text = _SPACED_AMPERSAND.sub(r"\1&\2", _APOSTROPHE_ENDING.sub("", text))
    for chunk in text.split():
        tokens = query_tokens(chunk, max_tokens=MAX_WORDS)
        if len(tokens) > 1 and all(len(token) == 1 for token in tokens):
            phrases.append(tuple(tokens))
            continue
        for token in tokens:
            words.setdefault(token.casefold(), token)
    longer = [word for word in words.values() if len(word) > 1]
    telling = [word for word in longer if word.casefold() not in STOP_WORDS]
    kept = telling if telling or phrases else longer or list(words.values())
    return LibraryQuery(tuple(kept[:MAX_WORDS]), tuple(dict.fromkeys(phrases)))


def letters_only(text: str) -> str | None:
    """``text``'s runs of glued letters alone ("D&C" for "D&C recovery"), for a search
    that found nothing with its other words: none of the articles that explain a D&C
    speaks of "recovery", and the run names the subject more narrowly than any word
    beside it (re-test 47, N1). None when ``text`` has no such run, or nothing else."""
    asked = library_query(text)
    if not asked.phrases or not asked.words:
        return None
    return " ".join("&".join(phrase) for phrase in asked.phrases)


def names_a_subject(text: str) -> bool:
    """Whether ``text`` (any string) asks about something: it holds a word of two letters
    or more that is not one of `STOP_WORDS`, or a run of glued letters ("D&C"). "I" and
    "how to" do not; "D&C" and "ibuprofen" do."""
    asked = library_query(text)
    return bool(asked.phrases) or any(
        len(word) > 1 and word.casefold() not in STOP_WORDS for word in asked.words
    )

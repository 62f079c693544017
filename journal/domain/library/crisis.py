"""Words of crisis in a Library search: a wish to die or to harm oneself.

A search is words typed alone, often in the night. "I want to die" found articles on
the loss's physical side (their words "die" and "want"), and "suicidal" nothing at all
(break test 48, F4, seen while its questions were answered). When a search reads as
one of `CRISIS_PHRASES`, the Library says first, above anything it found, to call the
emergency number now. The sources name no crisis service (guidance-facts.md, §4): the
emergency number is Solace's own safety net, and worded as such.

Only phrases about oneself are listed, matched as whole words: "my baby died" or
"harm" alone read as no crisis, so that a grieving search is not answered with alarm.
"""

from __future__ import annotations

import re

__all__ = ["CRISIS_PHRASES", "reads_as_crisis"]

#: Each as folded by `_folded` (lower case, one space between words, an apostrophe a
#: space: "don't" is "don t").
CRISIS_PHRASES = frozenset(
    {
        "suicide",
        "suicidal",
        "kill myself",
        "killing myself",
        "end my life",
        "ending my life",
        "end it all",
        "take my own life",
        "take my life",
        "want to die",
        "wanna die",
        "wish i was dead",
        "wish i were dead",
        "better off dead",
        "hurt myself",
        "hurting myself",
        "harm myself",
        "harming myself",
        "self harm",
        "self harming",
        "no reason to live",
        "don t want to live",
        "do not want to live",
        "don t want to be alive",
        "do not want to be alive",
    }
)
_NOT_LETTERS = re.compile(r"[^\w]+|_")
_LONGEST = max(len(phrase.split()) for phrase in CRISIS_PHRASES)


def _folded(text: str) -> list[str]:
    """``text``'s words, case folded, anything not a letter or digit a break."""
    return _NOT_LETTERS.sub(" ", text.casefold()).split()


def reads_as_crisis(text: str) -> bool:
    """Whether ``text`` (any string a person typed) holds one of `CRISIS_PHRASES` as
    whole words, in any case and spacing: "I want to DIE", "self-harm", "suicidal
    thoughts". Never raises."""
    if not isinstance(text, str):
        return False
    words = _folded(text)
    return any(
        " ".join(words[start : start + length]) in CRISIS_PHRASES
        for start in range(len(words))
        for length in range(1, _LONGEST + 1)
    )

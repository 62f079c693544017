"""Words of crisis in a Library search: a wish to die or to harm oneself.

A search is words typed alone, often in the night. "I want to die" found the articles
that say the fetus has "died", and "suicidal" nothing at all (break test 48, F4, seen
while its questions were answered). When a search reads as one of `CRISIS_PHRASES`,
the Library shows a safety note first, above what it found, naming the emergency
number. The sources name no crisis service (guidance-facts.md, §4): the emergency
number is Solace's own safety net, and worded as such.

The phrases are ways people write it, British and American, with and without the
apostrophe ("dont"), the short forms of forums ("kms", "unalive") and the misspellings
of "suicide" seen most; matched as whole words, in any case, width or spacing, with
characters that show nothing dropped (as search reads them: `search_fold`). Hurting
oneself is read only with a wish or a plan ("want to hurt myself"), since "did I hurt
myself lifting" is a worry about the body; and a fear of dying ("I don't want to die
from bleeding", `NOT_CRISIS`) is none. A grieving search that names a death ("my baby
died") reads as no crisis. The note is added to what the search finds, never put in
its place (break test 49, F2).
"""

from __future__ import annotations

import re

from journal.domain.common.letters import search_fold

__all__ = ["CRISIS_PHRASES", "NOT_CRISIS", "reads_as_crisis"]

_WISH = ("want to", "wanna", "going to", "gonna", "thinking of", "thoughts of", "urge to")
_HURT = ("hurt myself", "hurting myself", "harm myself", "harming myself")

#: Each as `_folded` gives it: lower case, apostrophes dropped ("don't" is "dont"),
#: anything else that is no letter or digit a space.
CRISIS_PHRASES = frozenset(
    {
        "suicide",
        "suicidal",
        "suicde",
        "sucide",
        "suiside",
        "suicidel",
        "sucidal",
        "kms",
        "unalive",
        "kill myself",
        "kill my self",
        "killing myself",
        "end my life",
        "ending my life",
        "end it all",
        "want to end it",
        "going to end it",
        "take my own life",
        "take my life",
        "want to die",
        "wanna die",
        "want to be dead",
        "rather be dead",
        "better off dead",
        "better off without me",
        "wish i was dead",
        "wish i were dead",
        "wish i had died",
        "wish i died",
        "nobody would miss me",
        "no one would miss me",
        "cant go on",
        "cannot go on",
        "can not go on",
        "dont want to live",
        "do not want to live",
        "dont want to be alive",
        "do not want to be alive",
        "dont want to be here anymore",
        "dont want to exist",
        "no reason to live",
        "nothing to live for",
        "never wake up",
        "join my baby",
        "overdose",
        "hang myself",
        "cut myself",
        "cutting myself",
        "self harm",
        "selfharm",
        "self harming",
        *(f"{wish} {hurt}" for wish in _WISH for hurt in _HURT),
    }
)
#: A fear of dying, read first and taken out: "I don't want to die from bleeding".
NOT_CRISIS = ("dont want to die", "do not want to die")
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
_NOT_WORD = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    """``text`` as the phrases are written, with a space at either end."""
    words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", search_fold(text).casefold())).split()
    return f" {' '.join(words)} "


def reads_as_crisis(text: str) -> bool:
    """Whether ``text`` (any string a person typed) holds one of `CRISIS_PHRASES` as
    whole words, once any of `NOT_CRISIS` is taken out: "I want to DIE", "self-harm",
    "suicidal thoughts", "i dont want to live anymore". Never raises."""
    if not isinstance(text, str):
        return False
    folded = _folded(text)
    for fear in NOT_CRISIS:
        folded = folded.replace(f" {fear} ", "  ")
    return any(f" {phrase} " in folded for phrase in CRISIS_PHRASES)

"""Words of crisis in a Library search: a wish to die or to harm oneself.

A search is words typed alone, often in the night. "I want to die" found the articles
that say the fetus has "died", and "suicidal" nothing at all (break test 48, F4, seen
while its questions were answered). When a search reads as a crisis
(`reads_as_crisis`), the Library shows a safety note first, naming the emergency
number, and searches the rest of what was typed (`without_crisis`): "how many
ibuprofen is an overdose" still finds the articles on ibuprofen. The sources name no
crisis service (guidance-facts.md, §4): the emergency number is Solace's own safety
net, and worded as such.

The phrases are ways people write it, of themselves or of someone close ("my wife
wants to die"), British and American, with and without the apostrophe ("dont"), the
short forms of forums ("kms", "unalive") and any word that starts as "suicide" does,
misspelt too ("suicidial"); matched as whole words, in any case, width or spacing,
with characters that show nothing dropped (as search reads them: `search_fold`).
Hurting oneself is read only with a wish or a plan ("want to hurt myself"), since "did
I hurt myself lifting" is a worry about the body, and never beside "by accident". A
fear of dying ("I don't want to die from bleeding"), kilometres ("5 kms"), "can't go
on the pill" and "never wake up from the anaesthetic" read as no crisis, nor does a
grieving search that names a death ("my baby died").
"""

from __future__ import annotations

import re

from journal.domain.common.letters import search_fold

__all__ = ["CRISIS_PHRASES", "reads_as_crisis", "without_crisis"]

_WISH = (
    "want to",
    "wants to",
    "wanna",
    "going to",
    "gonna",
    "thinking of",
    "thoughts of",
    "urge to",
    "feel like",
)
_ONESELF = ("myself", "my self", "himself", "herself", "themselves", "themself")
_HARM = ("hurt", "hurting", "harm", "harming", "kill", "killing")
#: Each as `_folded` gives it: lower case, apostrophes dropped ("don't" is "dont",
#: "I'd" is "id"), anything else that is no letter or digit a space.
CRISIS_PHRASES = frozenset(
    {
        "kms",
        "unalive",
        "end my life",
        "ending my life",
        "end it all",
        "want to end it",
        "going to end it",
        "take my own life",
        "take my life",
        "want to die",
        "wants to die",
        "wanna die",
        "wish i could die",
        "want to be dead",
        "rather be dead",
        "better off dead",
        "better off without me",
        "wish i was dead",
        "wish i were dead",
        "wish i had died",
        "wish id died",
        "wish i died",
        "nobody would miss me",
        "no one would miss me",
        "cant go on anymore",
        "cant go on like this",
        "cannot go on anymore",
        "dont want to live",
        "dont wanna live",
        "do not want to live",
        "dont want to be alive",
        "do not want to be alive",
        "dont want to be here anymore",
        "dont want to exist",
        "dont want to wake up",
        "no reason to live",
        "nothing to live for",
        "sleep and never wake up",
        "sleep and not wake up",
        "want to never wake up",
        "join my baby",
        "disappear forever",
        "overdose",
        "hang myself",
        "cut myself",
        "cutting myself",
        "self harm",
        "selfharm",
        "self harming",
        *(f"kill {oneself}" for oneself in _ONESELF),
        *(f"killing {oneself}" for oneself in _ONESELF),
        *(f"{wish} {harm} {one}" for wish in _WISH for harm in _HARM for one in _ONESELF),
    }
)
#: Said as the whole search, these read as a crisis; inside a longer one ("I can't go
#: on the pill yet") they need not.
_WHOLE = frozenset({"i cant go on", "cant go on", "i cannot go on", "i cant do this anymore"})
#: Words that start as "suicide" does, misspelt too: "suicidal", "suicidial", "suicde",
#: "sucide", "suiside".
_SUICIDE = re.compile(r"^(?:suic|sucid|suisid)")
#: Taken out before the phrases are read: a fear of dying, kilometres, an accident.
_NOT_CRISIS = re.compile(
    r" (?:dont|do not) want to die | \d+ kms | by accident | accidentally "
    r"| never wake up from | not wake up from "
)
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
_NOT_WORD = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    """``text`` as the phrases are written, with a space at either end."""
    words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", search_fold(text).casefold())).split()
    return f" {' '.join(words)} "


def _found(folded: str) -> list[str]:
    """The crisis phrases in ``folded`` (`_folded`), each as it is written there."""
    if folded.strip() in _WHOLE:
        return [folded.strip()]
    reads = _NOT_CRISIS.sub("  ", folded)
    if " by accident " in folded or " accidentally " in folded:
        reads = re.sub(r" (?:cut|cutting|hurt|hurting) my ?self ", "  ", reads)
    found = [phrase for phrase in CRISIS_PHRASES if f" {phrase} " in reads]
    return found + [word for word in reads.split() if _SUICIDE.match(word)]


def reads_as_crisis(text: str) -> bool:
    """Whether ``text`` (any string a person typed) reads as a wish to die or to harm
    oneself, or someone close (see the module's doc): "I want to DIE", "self-harm",
    "suicidal thoughts", "i dont want to live anymore", "my wife wants to die". Never
    raises."""
    return isinstance(text, str) and bool(_found(_folded(text)))


def _written(phrase: str) -> re.Pattern[str]:
    """``phrase`` (as `CRISIS_PHRASES` hold it) as it may be written: in any case, with
    anything but letters between its words and an apostrophe anywhere in them."""
    apostrophe = f"{_APOSTROPHES.pattern}?"
    words = (apostrophe.join(map(re.escape, word)) for word in phrase.split())
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(words) + r"(?!\w)", re.IGNORECASE)


def without_crisis(text: str) -> str:
    """What ``text`` asks beside its crisis words, the rest as typed (`search_fold`
    aside): "how many ibuprofen is an overdose" -> "how many ibuprofen is an ", "I want
    to die" -> "I ", "suicidal thoughts after the D&C" -> " thoughts after the D&C".
    ``text`` as it is when it reads as no crisis."""
    found = _found(_folded(text))
    if not found:
        return text
    rest = search_fold(text)
    for phrase in sorted(found, key=len, reverse=True):
        rest = _written(phrase).sub(" ", rest)
    return rest

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
wants to die"), British and American, with and without the apostrophe ("dont"), in
the short forms of texting ("i want 2 die", "wanna", "kms", "unalive") and any word
that starts as "suicide" does, misspelt too ("suicidial"); matched as whole words, in
any case, width or spacing, with characters that show nothing dropped (as search
reads them: `search_fold`). Hurting or cutting oneself is read only with a wish, a
plan or a habit ("want to hurt myself", "been cutting myself"): "did I hurt myself
lifting" and "I cut myself shaving" are worries about the body. What reads so only in
some sentences is read with what follows it (`_IN_CONTEXT`): "I can't go on" and
"I can't go on without my baby", not "I can't go on the pill yet". A question about
the body ("am I going to harm myself by taking ibuprofen", "I don't want to die from
bleeding", "never wake up from the anaesthetic"), kilometres ("how many kms") and a
grieving search that names a death ("my baby died") read as none.

Break test 49 and its re-tests (F1, F2, N1, N2, M1, M2) found the wordings listed
here. A slip of the fingers in a word of a phrase is read as the word
(``journal.domain.common.typing_errors``): two letters swapped ("i wnat to die"), one
left out ("kll myself") or one typed twice ("wantt"); a letter typed for another is
not ("wait" is a word of its own).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from journal.domain.common.letters import search_fold
from journal.domain.common.typing_errors import as_meant

__all__ = ["CRISIS_PHRASES", "crisis_rest", "reads_as_crisis", "without_crisis"]

#: A wish, a plan or a habit ("ive been hurting myself") before hurting oneself.
_WISH = (
    *("want to", "wants to", "going to", "thinking of", "thinking about", "thoughts of"),
    "urge to",
    *("feel like", "been", "keep", "started", "ill", "might"),
)
_ONESELF = ("myself", "my self", "himself", "herself", "themselves", "themself")
_HARM = (
    "hurt",
    "hurting",
    "harm",
    "harming",
    "kill",
    "killing",
    "cut",
    "cutting",
    "hang",
    "hanging",
)
_WHOSE = ("my", "his", "her", "their")
#: Each as `_words` gives its words: lower case, apostrophes dropped ("don't" is
#: "dont", "I'd" is "id"), the short forms written out ("wanna" is "want to").
CRISIS_PHRASES = frozenset(
    {
        "unalive",
        "end it all",
        "want to die",
        "wants to die",
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
        "dont want to live",
        "doesnt want to live",
        "do not want to live",
        "dont want to be alive",
        "do not want to be alive",
        "dont want to exist",
        "no reason to live",
        "nothing to live for",
        "no point living",
        "point of living",
        "dont deserve to live",
        "hate being alive",
        "why am i still alive",
        "wish i never woke up",
        "sleep forever",
        "end things",
        "end everything",
        "no point in living",
        "tired of living",
        "stop living",
        "done with life",
        "shouldnt be alive",
        "wish i wasnt born",
        "wish i had never been born",
        "pills would kill me",
        "tablets would kill me",
        "take all my pills",
        "take all my tablets",
        "hang yourself",
        "isnt worth living",
        "not worth living",
        "sleep and never wake up",
        "sleep and not wake up",
        "want to never wake up",
        "want to be with my baby",
        "wish i could be with my baby",
        "follow my baby",
        "be with my angel",
        "wish i could disappear",
        # Re-test 50b, P1.
        "how to die",
        "ways to die",
        "way to die",
        "hope i die",
        "want to be gone",
        "wish i wasnt alive",
        "wish i was not alive",
        "wish i werent alive",
        "thinking about dying",
        "thinking of dying",
        "thoughts of dying",
        "thoughts about dying",
        "overdose",
        "hang myself",
        "cutting myself",
        "self harm",
        "selfharm",
        "self harming",
        *(f"{end} {whose} life" for end in ("end", "ending", "take") for whose in _WHOSE),
        "take my own life",
        *(
            f"{kill} {oneself}"
            for kill in ("kill", "killing", "hang", "hanging")
            for oneself in _ONESELF
        ),
        *(f"{wish} {harm} {one}" for wish in _WISH for harm in _HARM for one in _ONESELF),
    }
)
#: Phrases that read as a crisis only with what follows them (a regular expression
#: over `_words` joined by spaces): at the end, or before the words given.
_IN_CONTEXT = re.compile(
    r" (?:i )?(?:just )?(?:cant|cannot|can not) go on (?=$|anymore |like |without |living )"
    r"| join my baby (?=$|in |now |soon |there |up )"
    r"| (?:want to|going to|thinking about|thinking of|about|of) end(?:ing)? it (?!with |between )"
    r"| dont want to be here (?=$|anymore |any more |now |on earth |in this world )"
    r"| want to disappear (?!for )"
    r"| life (?:\w+ ){0,5}(?:is |isnt )?not worth it "
    r"| why (?:\w+ ){0,3}keep living "
    r"| jump (?:off|from|in front of) (?:a |the )?(?:bridge|building|roof|cliff|balcony|train)"
    r"| dont want to wake up (?=$|tomorrow |anymore |again |ever |in the morning )"
    r"| (?:thinking|thoughts) (?:about|of) hanging (?=$|myself )"
    r"|(?:^| i| ill| will| to| just| should i| might) kms (?=$|now |tonight |today )"
)
#: Words that start as "suicide" does, misspelt too: "suicidal", "suicidial", "suicde",
#: "sucide", "suiside", "siucidal".
_SUICIDE = re.compile(r"^(?:suic|sucid|suisid|siucid)")
#: Taken out before the phrases are read: questions about the body and a fear of dying.
_NOT_CRISIS = re.compile(
    r" (?:dont|do not) want to die "
    r"| (?:harm|harming|hurt|hurting|cut|cutting) myself by "
    r"| (?:am|will|could|can|would|might) i (?:be )?going to "
    r"| take my life back "
    r"| die (?=(?:my |her |his |the )?(?:hair|roots) )"
    r"| cutting myself off "
    r"| cut(?:ting)? myself (?:some )?slack "
    r"| dead tired "
    r"| (?:never|not) wake up from (?:the |an |my )?(?:anaesth|anesth|surgery|operation|sedation)"
)
#: The short forms of texting, written out.
_SHORT_FORMS = {
    "wanna": "want to",
    "gonna": "going to",
    "2": "to",
    "ive": "i have",
    "ded": "dead",
    # Two words run together as they are typed fast (re-test 50, N1 and 50b, P1).
    "iwant": "i want",
    "idont": "i dont",
    "iwish": "i wish",
    "iwanna": "i want to",
    "todie": "to die",
    "tolive": "to live",
    "tokill": "to kill",
    "myslef": "myself",
    "wanttodie": "want to die",
    "iwanttodie": "i want to die",
    "want2die": "want to die",
}
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
#: A word, an apostrophe inside it kept: "don't", "I'd".
_TOKEN = re.compile(rf"[^\W_]+(?:{_APOSTROPHES.pattern}[^\W_]+)*")


@cache
def _vocabulary() -> frozenset[str]:
    """The words of the phrases and of the expressions read with them."""
    patterns = f"{_IN_CONTEXT.pattern} {_NOT_CRISIS.pattern}"
    words = {word for phrase in CRISIS_PHRASES for word in phrase.split()}
    return frozenset(words | set(re.findall(r"[a-z]+", patterns)))


#: English words of two or three letters one slip of the fingers from a word of the
#: phrases, each read as itself ("did" is not "died", "as" not "was"): those the SCOWL
#: word list's American English ("wamerican") gives, less its abbreviations and
#: letters ("ot", "th", "km"), which are read as meant ("ot" is "to", "kil" is "kill":
#: re-test 50, N1), and less "too", read as "to" ("i want too die": re-test 50b, P1).
_SHORT = """
    air arm as ate bay bee cat dad did doe dot eel elf eve fee fro goo ha hag ham hat
    hi hut inn jut ma nay or ore son sop top wan wee wit woe wok won
"""
_SHORT_WORDS = frozenset(_SHORT.split())


@lru_cache(maxsize=1024)
def _as_meant(word: str) -> str:
    """``word`` as the word of the phrases it is a slip of the fingers for
    (`as_meant`, short words too: "wnat" is "want", "kil" is "kill"), unless it is a
    short word of its own (`_SHORT_WORDS`); each once while a search is typed."""
    if word in _SHORT_WORDS:
        return word
    return as_meant(word, _vocabulary(), short=True)


def _words(folded: str) -> list[tuple[str, tuple[int, int]]]:
    """The words of ``folded`` (`search_fold` of what was typed) as the phrases are
    written, each with the place in ``folded`` of the word it comes from: lower case,
    apostrophes dropped ("don't" is "dont"), the short forms written out ("wanna" is
    two words, "want" and "to"), slips of the fingers read as the words meant
    (`as_meant`: "wnat" is "want")."""
    words = []
    for token in _TOKEN.finditer(folded):
        plain = _APOSTROPHES.sub("", token[0].casefold())
        words += [
            (_as_meant(word), token.span()) for word in _SHORT_FORMS.get(plain, plain).split()
        ]
    return words


@cache
def _phrases() -> re.Pattern[str]:
    """`CRISIS_PHRASES` as one expression, matched at each space of a line of words
    (so two phrases may overlap), the longest first; made at the first search (15 ms
    here), rather than 662 searches of the line at every key (0.3 ms)."""
    longest_first = sorted(CRISIS_PHRASES, key=len, reverse=True)
    return re.compile(f" (?=({'|'.join(map(re.escape, longest_first))}) )")


def _crisis_words(words: list[str]) -> set[int]:
    """The places in ``words`` (`_words`) of the words that read as a crisis."""
    line = f" {' '.join(words)} "
    # The same length, so that a place in the line stays the place of its word.
    reads = _NOT_CRISIS.sub(lambda found: " " * len(found[0]), line)
    spans = [found.span(1) for found in _phrases().finditer(reads)]
    spans += [found.span() for found in _IN_CONTEXT.finditer(reads)]
    starts, at = [], 1
    for word in words:
        starts.append(at)
        at += len(word) + 1
    places = {
        index
        for start, end in spans
        for index, word_start in enumerate(starts)
        if start <= word_start < end
    }
    return places | {index for index, word in enumerate(words) if _SUICIDE.match(word)}


def crisis_rest(text: str) -> str | None:
    """What ``text`` (any string a person typed) asks beside its crisis words, the rest
    as typed (`search_fold` aside), when it reads as a wish to die or to harm oneself,
    or someone close (see the module's doc); None when it reads as no crisis. One
    reading for both (`reads_as_crisis`, `without_crisis`): the Library asks both of
    each key. Never raises."""
    if not isinstance(text, str):
        return None
    folded = search_fold(text)
    words = _words(folded)
    crisis = _crisis_words([word for word, _ in words])
    if not crisis:
        return None
    cut = sorted({words[index][1] for index in crisis}, reverse=True)
    for start, end in cut:
        folded = folded[:start] + " " + folded[end:]
    return folded


def reads_as_crisis(text: str) -> bool:
    """Whether ``text`` reads as a crisis (`crisis_rest`): "I want to DIE", "self-harm",
    "suicidal thoughts", "i dont want to live anymore", "my wife wants to die"."""
    return crisis_rest(text) is not None


def without_crisis(text: str) -> str:
    """What ``text`` asks beside its crisis words (`crisis_rest`): "how many ibuprofen is
    an overdose" -> "how many ibuprofen is an ", "I want to die" -> "I    ", "suicidal
    thoughts after the D&C" -> " thoughts after the D&C"; ``text`` as it is when it
    reads as no crisis."""
    rest = crisis_rest(text)
    return text if rest is None else rest

"""Passphrase strength feedback that explains rather than scolds.

The estimate is zxcvbn's (Dropbox's estimator, as used by the strongest password
managers): it knows common passwords, names, words, dates, keyboard rows and
sequences, and scores 0 to 4 by how many guesses an attacker would need. The words
shown are Solace's own, chosen from the patterns zxcvbn found, so they stay calm and
the same whatever zxcvbn's English says. The journal's name is one of zxcvbn's
"user inputs": it is shown before unlocking, so it is the first thing anyone tries.

Solace's own first guesses are zxcvbn user inputs too (`CLOSE_WORDS`, then every
year from 1940 to 2040): the words the people who use Solace are most likely to build
a passphrase from (a baby, an angel, "our little one", a due date's year), which
anyone close to them would try first (break test 14, finding 2).

Three gaps of zxcvbn are closed here: it takes a space or dash between words for a
random character (so the passphrase is also rated without them), it counts the
journal's name as one cheap guess where it costs none (so it is also rated without
the name), and its years stop at its own reference year (so one word or name with
any year is at most "Easy to guess"; so are up to three such words or names, or one
repeated, with a year: "ourbabylily2025", "Oliver-2024-Oliver"). The label and the
advice never disagree: a passphrase rated Good or Strong that has a guessable part
is told that part is guessable and the rest keeps it safe.

Break test 14 of session 6, finding 8: the most common words of everyday English
("my", "our", "the": `COMMON_RANK`) count among the first guesses too, so
"myangelbaby2026" is rated like "ilovemybaby2026"; the journal's name is matched only
as a whole or by its uncommon words (a name, "Lily"; not "our" of "Our journal"), so
a passphrase is never blamed on the name for a common word it shares with it; and
every note starts with its verdict (`StrengthReport.note`).

Break test 14 of session 11, finding 4: zxcvbn's dictionaries are English and its
keyboard matcher follows the characters typed, so the passphrase is also rated in the
forms an attacker tries besides the one typed (`forms`): without accents and capitals
("Müller1987" as "muller1987"), and as typed without Shift ("!QAZ2wsx#EDC" as
"1qaz2wsx3edc"). Whatever the dictionaries know, one or two words of any script with a
year or a few digits ("Сергей1987", "Unsere Lilly 2026"), a short phrase of a parent's
words and names ("mama of Lily") and a walk along the keyboard are at most "Easy to
guess"; the journal's name (in any case, accents or l33t) with only digits and marks
added ("Sarah2026!", "S4r4h1987") is refused, since anyone can read the name on the
lock screen. The advice names what was found: a common word, a name, a keyboard
pattern or the journal's name, with or without a year.

Second round, findings 4 and 5: a walk along the keys of another layout
("йцукенгшщзхъ", "qaywsxedc" on German keys) is rated as the US keys it was typed on
too (`layouts.on_us_keys`), one more of the forms; four names with a year (a child's
full name, "Lily Rose Grace Mae 2026") are at most "Easy to guess" like one to
three; and the journal's name with one letter off ("Sarahh2026!", "Lilly2026!" for
"Lily") and only digits and marks is refused like the name itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from journal.domain.lock.forms import (
    MIN_NAME_CHARS,
    fold,
    has_letters,
    is_keyboard_walk,
    is_near_name,
    is_word_and_digits,
    unshift,
    without_name,
)
from journal.domain.lock.layouts import on_us_keys

MIN_LENGTH = 8
# zxcvbn's cost grows quickly with length, most of it in its l33t matcher: a random
# 72-character string full of symbols took up to 1.1 s here (load 5; 4 to 12 s under
# heavy load), 48 characters at most 0.26 s, and the estimate runs on the GUI thread
# when typing pauses. Beyond this a passphrase is long enough that the rest cannot
# make it weaker, so only the start is examined (zxcvbn 4.5 refuses more than 72).
ASSESSED_CHARS = 48

_NAMES = frozenset({"female_names", "male_names", "surnames"})
# Between words: zxcvbn counts a space or a dash as a random character, so that
# "Emma rose 1990" looked strong while "Emmarose1990" is known for what it is.
_SEPARATORS = re.compile(r"(?<=\w)[\s\-_.]+(?=\w)")
_MARKS = re.compile(r"[\W_]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Words and phrases a grieving parent or couple is most likely to use (and anyone
# close to them to try first), most likely first: zxcvbn ranks user inputs by place.
CLOSE_WORDS: tuple[str, ...] = (
    "baby", "ilovemybaby", "mybaby", "ourbaby", "babygirl", "babyboy", "angel",
    "angelbaby", "babyangel", "myangel", "ourangel", "mylittleangel", "littleangel",
    "littleone", "ourlittleone", "mylittleone", "rainbowbaby", "rainbow", "forever",
    "foreverinmyheart", "alwaysandforever", "always", "iloveyou", "ilove", "love",
    "loveyou", "missyou", "imissyou", "heaven", "inheaven", "star", "stars", "butterfly",
    "sunshine", "hope", "heartbeat", "heart", "bump", "bean", "peanut", "sweetpea",
    "precious", "mummy", "mommy", "mama", "mum", "mom", "daddy", "dad", "grief", "loss",
    "miscarriage", "pregnancy", "remember", "memory", "journal", "solace", "together",
    "our", "my", "little", "one",
)  # fmt: skip
YEARS: tuple[str, ...] = tuple(str(year) for year in range(2040, 1939, -1))
# Passphrases published as examples, as zxcvbn reads them (folded: no spaces, no
# capitals): the word lists of guessers hold them, and zxcvbn's own do not ("correct
# horse battery staple", xkcd 936, was Strong: break test 40, finding 5).
PUBLISHED: tuple[str, ...] = ("correcthorsebatterystaple", "tr0ub4dor&3")
_FIRST_GUESSES = frozenset({"user_inputs", "passwords", *_NAMES})
MAX_GUESSED_WORDS = 3  # words or names of the first guesses, with a year: WEAK
# A child's full name is a first name, one or two middle names and the family name:
# four names with a year are as easy for anyone close to guess as one (break test 14
# of session 11, finding 5: "Lily Rose Grace Mae 2026" was Strong). Only names count
# up to four, so four everyday words with a year stay strong ("quiet river morning
# lantern 2026"): to a stranger four names are as many guesses as four words.
MAX_NAMES = 4
# Words ranked this high in zxcvbn's lists of everyday English (Wikipedia; US film
# and TV subtitles) are among anyone's first guesses, and too common to say a
# passphrase contains a journal's name: "my" is 13th, "our" 81st, "journal" 887th.
COMMON_RANK = 1000
_EVERYDAY = ("english_wikipedia", "us_tv_and_film")
# Everyday words that zxcvbn files only as names (each word is in one of its lists,
# the one where it ranks best): seasons and months, light and weather, nature and
# colours. With a year they are a common word with a year, not a name ("Autumn2026?").
EVERYDAY_NOT_NAMES = frozenset({
    "autumn", "april", "easter", "dawn", "sunny", "misty", "windy", "snow", "frost",
    "cloud", "moon", "brook", "glen", "dale", "cliff", "wood", "woods", "hill", "stone",
    "fields", "bird", "bell", "green", "brown", "black", "white", "gray", "crystal",
    "coral", "jewel", "blossom", "fern", "candy", "berry",
})  # fmt: skip


class Strength(IntEnum):
    """How hard a passphrase is to guess: TOO_SHORT under MIN_LENGTH characters, else
    zxcvbn's score 0 to 4 as VERY_WEAK to STRONG.
    """

    TOO_SHORT = 0
    VERY_WEAK = 1
    WEAK = 2
    FAIR = 3
    GOOD = 4
    STRONG = 5


@dataclass(frozen=True, slots=True)
class StrengthReport:
    """The verdict on a passphrase: its ``strength``, a one-word ``label`` and ``advice``,
    worded calmly, that says why and what would make it stronger.
    """

    strength: Strength
    label: str
    advice: str

    @property
    def note(self) -> str:
        """What is shown under the passphrase: the verdict, then the advice."""
        return f"{self.label}. {self.advice}"

    @property
    def acceptable(self) -> bool:
        """Long enough and not among the first guesses (zxcvbn score 1 or more)."""
        return self.strength >= Strength.WEAK


_LABELS = {
    Strength.VERY_WEAK: "Very easy to guess",
    Strength.WEAK: "Easy to guess",
    Strength.FAIR: "Fair",
    Strength.GOOD: "Good",
    Strength.STRONG: "Strong",
}
_LABELS_ALL = {Strength.TOO_SHORT: "Too short", **_LABELS}
_MORE_WORDS = "Two or three more unrelated words would make it much stronger."
_TOO_SHORT = (
    f"Please use at least {MIN_LENGTH} characters. A few unrelated words are easy to "
    "remember and hard to guess."
)


_CLOSE_ADVICE = (
    "Words like baby or angel, names and years are among the first guesses of anyone close to you."
)
_NAME_ADVICE = "It contains the journal's name, which anyone can see before unlocking."
_PUBLISHED_ADVICE = "It is a passphrase published as an example, among the first anyone tries."
_NAME_ONLY_ADVICE = (
    "It is only the journal's name, perhaps with numbers or marks, and anyone can see the "
    "name on the lock screen."
)
_NEAR_NAME_ADVICE = (
    "It is nearly the journal's name, perhaps with numbers or marks, and anyone can see "
    "the name on the lock screen."
)
_WORD_ADVICE = {
    "common_year": "Words many people use, with a year, are among the first guesses.",
    "word_year": "A word with a year is among the first guesses.",
    "common": "It is close to a passphrase many people use.",
    "name": "Names, and names with a year, are among the first guesses.",
    "word_and_digits": "Any name or word with a year or a few digits is among the first guesses.",
}
_OTHER_ADVICE = {
    "date": "Dates are easy to guess.",
    "regex": "Years are easy to guess.",
    "spatial": (
        "Runs of neighbouring keys, like qwerty or 1qaz2wsx, are easy to guess on any "
        "keyboard, even with Shift."
    ),
    "repeat": "Repeated letters or words add very little.",
    "sequence": "Runs like abc or 1234 are easy to guess.",
}


def _pattern_advice(match: Mapping[str, Any]) -> str:
    """One calm sentence about a guessable part zxcvbn found; "" for none."""
    pattern = match.get("pattern")
    if pattern == "journal_name":
        if match.get("near"):
            return _NEAR_NAME_ADVICE
        return _NAME_ONLY_ADVICE if match.get("only") else _NAME_ADVICE
    if pattern == "word_and_digits":
        return _WORD_ADVICE["word_and_digits"]
    walk = str(match.get("base_token") or match.get("token") or "")
    if pattern in ("dictionary", "repeat") and is_keyboard_walk(unshift(walk)):
        return _OTHER_ADVICE["spatial"]  # "1qaz2wsx" is in the password list too
    if pattern == "dictionary":
        source = match.get("dictionary_name")
        word = str(match.get("matched_word", ""))
        if source in _NAMES and word in EVERYDAY_NOT_NAMES:  # a season, not a name
            source = "passwords" if match.get("year") else None
        if source == "user_inputs" and word in PUBLISHED:
            return _PUBLISHED_ADVICE
        if match.get("close") or source == "user_inputs":
            return _CLOSE_ADVICE
        if match.get("year") and source == "passwords":
            return _WORD_ADVICE["common_year"]
        if match.get("year") and source not in _NAMES and source is not None:
            return _WORD_ADVICE["word_year"]
        if source == "passwords":
            return _WORD_ADVICE["common"]
        if source in _NAMES:
            return _WORD_ADVICE["name"]
        return ""
    return _OTHER_ADVICE.get(str(pattern), "")


def _estimate(text: str, words: list[str]) -> dict[str, Any]:
    from zxcvbn import zxcvbn

    inputs = [*words, *CLOSE_WORDS, *YEARS, *PUBLISHED]
    return dict(zxcvbn(text[:ASSESSED_CHARS], user_inputs=inputs))


def _rank(word: str) -> int | None:
    """``word``'s rank in zxcvbn's lists of everyday English (1 = most common), or
    None when it is in neither."""
    from zxcvbn.matching import RANKED_DICTIONARIES

    ranks = [RANKED_DICTIONARIES[name].get(word.lower()) for name in _EVERYDAY]
    found = [rank for rank in ranks if rank is not None]
    return min(found) if found else None


def is_common(word: str) -> bool:
    """Whether ``word`` is one of the most common words of everyday English (rank up
    to COMMON_RANK) or of `CLOSE_WORDS`: among anyone's first guesses."""
    rank = _rank(word)
    return word.lower() in CLOSE_WORDS or (rank is not None and rank <= COMMON_RANK)


def name_parts(name: str) -> list[str]:
    """What of the journal's name a passphrase is checked for: the whole name (as
    typed and without its spaces) and its uncommon words of MIN_NAME_CHARS letters or
    more ("Lily" of "Lily's garden"); never a common word ("our" of "Our journal")."""
    whole = name.strip()
    if not whole:
        return []
    words = [w.strip("'’\".,;:!?()") for w in re.split(r"[\s\-_]+", whole)]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    parts = [whole, _SEPARATORS.sub("", whole)]
    parts += [w for w in words if len(w) >= MIN_NAME_CHARS and not is_common(w)]
    return list(dict.fromkeys(p for p in parts if len(p) >= MIN_NAME_CHARS))


class _Estimates:
    """zxcvbn's estimates of the forms of one passphrase, each made once (a form often
    equals another: "quiet river" squeezed, folded and unshifted is one text)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.made: dict[str, dict[str, Any]] = {}

    def __call__(self, text: str) -> dict[str, Any]:
        key = text[:ASSESSED_CHARS]
        if key not in self.made:
            self.made[key] = _estimate(key, self.words)
        return self.made[key]


def _is_first_guess(match: Mapping[str, Any]) -> bool:
    """Whether zxcvbn's ``match`` is one of anyone's first guesses: a repeat, a user
    input (a word of `CLOSE_WORDS`, a year, the journal's name), a common password, a
    name, or one of the COMMON_RANK most common words of everyday English."""
    if match.get("pattern") == "repeat":
        return True
    source = match.get("dictionary_name")
    return match.get("pattern") == "dictionary" and (
        source in _FIRST_GUESSES or (source in _EVERYDAY and int(match["rank"]) <= COMMON_RANK)
    )


def _is_first_guess_word(word: str) -> bool:
    """Whether ``word`` (`fold`-ed) is one of anyone's first guesses on its own: one
    letter (the "s" of "Lily's"), a year, one of `CLOSE_WORDS`, a common password, a
    name, or one of the COMMON_RANK most common words of everyday English (zxcvbn's
    lists)."""
    from zxcvbn.matching import RANKED_DICTIONARIES

    if len(word) == 1 or _YEAR.fullmatch(word) or word in CLOSE_WORDS:
        return True
    if any(word in RANKED_DICTIONARIES[source] for source in ("passwords", *_NAMES)):
        return True
    rank = _rank(word)
    return rank is not None and rank <= COMMON_RANK


def _is_name(word: str) -> bool:
    """Whether ``word`` (`fold`-ed) is in zxcvbn's lists of names and is not first an
    everyday word ("lily", "noah"; not "autumn", not "will")."""
    from zxcvbn.matching import RANKED_DICTIONARIES

    rank = _rank(word)
    everyday = word in EVERYDAY_NOT_NAMES or (rank is not None and rank <= COMMON_RANK)
    return not everyday and any(word in RANKED_DICTIONARIES[source] for source in _NAMES)


def _close_phrase(text: str) -> bool:
    """Whether ``text`` (`fold`-ed, with its spaces) is a name with a parent's words: two
    to MAX_GUESSED_WORDS words as typed, each a first guess on its own
    (`_is_first_guess_word`), one a name and one of `CLOSE_WORDS` ("mama of Lily",
    "our angel Noah"). zxcvbn can take these for a word and random letters ("mama",
    "oflily")."""
    words = [word for word in re.split(r"[\W_]+", text) if word]
    return (
        1 < len(words) <= MAX_GUESSED_WORDS
        and any(word in CLOSE_WORDS for word in words)
        and any(_is_name(word) for word in words)
        and all(_is_first_guess_word(word) for word in words)
    )


def _is_name_like(word: str) -> bool:
    """Whether ``word`` (`fold`-ed) may be a name: in zxcvbn's lists of names (even when
    it is an everyday word too: "rose", "grace") or of passwords (zxcvbn files each word
    in the one list where it ranks best, and many names rank best as passwords:
    "oliver"), or one of `CLOSE_WORDS`. Everyday words of English only ("quiet",
    "river") are not."""
    from zxcvbn.matching import RANKED_DICTIONARIES

    lists = (*_NAMES, "passwords")
    return word in CLOSE_WORDS or any(word in RANKED_DICTIONARIES[name] for name in lists)


def _is_name_match(match: Mapping[str, Any]) -> bool:
    """Whether zxcvbn's ``match`` is a word found in its lists that may be a name
    (`_is_name_like`)."""
    word = str(match.get("matched_word", ""))
    return match.get("pattern") == "dictionary" and _is_name_like(word)


def _names_with_year(text: str) -> bool:
    """Whether ``text`` (`fold`-ed, with its spaces) is two to MAX_NAMES words typed
    apart, each of which may be a name (`_is_name_like`), with a year: "Maria Jose Ana
    Luz 1990", where zxcvbn, reading the words run together, may not see each name."""
    if not _YEAR.search(text):
        return False
    words = [word for word in re.split(r"[\W\d_]+", text) if word]
    return 1 < len(words) <= MAX_NAMES and all(_is_name_like(word) for word in words)


def _first_guesses(text: str, estimate: _Estimates) -> Mapping[str, Any] | None:
    """What makes ``text`` (a passphrase squeezed and `fold`-ed) one of the first
    guesses, as a zxcvbn-like match with ``year`` set when it has a year; else None.

    Two shapes count: one word or name with a year around it and at most a couple of
    marks ("Oliver2024", "Summer2026!": zxcvbn's match for the word), which zxcvbn
    rates unevenly (its years stop at its own reference year, and a name found in its
    password list is not called a name); and up to MAX_GUESSED_WORDS of the first
    guesses (`_is_first_guess`) or up to MAX_NAMES names (`_is_name_match`) with a year
    ("ourbabylily2025", "lilyrosegracemae2026"), marked ``close``."""
    core, years = _YEAR.subn("", text)
    core = core.strip("!?.,;:*#@$%&+=-_~^'\"0123456789")
    if not years or not core:
        return None
    sequence = estimate(core).get("sequence", [])
    if len(sequence) == 1 and sequence[0].get("pattern") == "dictionary":
        return {**sequence[0], "year": True}
    if not 0 < len(sequence) <= max(MAX_GUESSED_WORDS, MAX_NAMES):
        return None
    if len(sequence) <= MAX_GUESSED_WORDS and all(_is_first_guess(m) for m in sequence):
        return {"pattern": "dictionary", "close": True, "year": True}
    if len(sequence) <= MAX_NAMES and all(_is_name_match(m) for m in sequence):
        return {"pattern": "dictionary", "close": True, "year": True}
    return None


def assess(passphrase: str, user_inputs: Iterable[str] = ()) -> StrengthReport:
    """How hard ``passphrase`` is to guess, with one or two sentences of advice.

    ``user_inputs`` are words an attacker would try first (the journal's name).
    Fewer than MIN_LENGTH characters is TOO_SHORT without further estimate; otherwise
    zxcvbn's score 0-4 maps to VERY_WEAK..STRONG. The score is the lowest zxcvbn gives
    the passphrase without its spaces and dashes (zxcvbn takes "rose 1990" for random
    characters but knows "rose1990"), accents and capitals ("muller1987", `fold`;
    never stronger to zxcvbn than as typed), then also as typed without Shift
    ("1qaz2wsx3edc", `unshift`), as typed on the US keys when it is a walk along
    the keys of another layout ("йцукенгшщзхъ" -> "qwertyuiop[]", `layouts.on_us_keys`)
    and without the journal's name (shown before unlocking, it adds nothing). zxcvbn
    runs once for each of these forms that differs, and once more for the words of a
    passphrase with a year: two to four times for most, one more for each layout on
    which the passphrase is a walk.

    At most WEAK: one word or name with a year or a few of the first guesses with a
    year (`_first_guesses`), one or two words of any script with a year or a few digits
    (`forms.is_word_and_digits`), a name with a parent's words (`_close_phrase`), a
    keyboard walk on any layout of `layouts.LAYOUTS` (`forms.is_keyboard_walk`), up to
    MAX_NAMES names with a year. VERY_WEAK, so refused: the journal's name (any case,
    accents, l33t), or a near copy of it (`forms.is_near_name`), with nothing but
    digits and marks added.
    """
    if len(passphrase) < MIN_LENGTH:
        return StrengthReport(Strength.TOO_SHORT, _LABELS_ALL[Strength.TOO_SHORT], _TOO_SHORT)
    if _MARKS.sub("", fold(passphrase)) in {_MARKS.sub("", words) for words in PUBLISHED}:
        # Whatever marks are between its words ("correct, horse, battery, staple", "+",
        # "/": Strong to zxcvbn, which reads each mark as random: re-test 40, 4).
        strength = Strength.VERY_WEAK
        advice = _advice(strength, [_PUBLISHED_ADVICE], False)
        return StrengthReport(strength, _LABELS_ALL[strength], advice)
    words = [w for text in user_inputs for w in [text, *text.split()] if w.strip()]
    estimate = _Estimates(words)
    parts = [part for text in user_inputs for part in name_parts(text)]
    squeezed = _SEPARATORS.sub("", passphrase)
    folded = fold(squeezed)
    unnamed = without_name(folded, parts)
    named = unnamed != folded
    only_name = named and not has_letters(unnamed)
    near_name = not only_name and is_near_name(folded, parts)
    typed_on = on_us_keys(squeezed)  # a walk on another keyboard layout, on US keys
    forms = [folded, unshift(folded), *typed_on]
    if named and has_letters(unnamed):
        forms.append(unnamed)
    results = {text: estimate(text) for text in forms}
    weakest_form = min(results, key=lambda t: (int(results[t]["score"]), results[t]["guesses"]))
    weakest = results[weakest_form]
    score = 0 if only_name or near_name else int(weakest["score"])
    first: list[Mapping[str, Any]] = []  # the reasons that lead the advice
    shapes: list[Mapping[str, Any]] = []  # shapes zxcvbn may miss
    rest = unnamed if named else folded
    spaced = without_name(fold(passphrase), parts)  # with its spaces, for its words
    if not (only_name or near_name):
        guessed = _first_guesses(rest, estimate)
        if guessed is not None:
            first.append(guessed)
        elif is_word_and_digits(spaced):
            shapes.append({"pattern": "word_and_digits"})
        elif _close_phrase(spaced):
            first.append({"pattern": "dictionary", "close": True})
        elif _names_with_year(spaced):
            first.append({"pattern": "dictionary", "close": True, "year": True})
        if any(is_keyboard_walk(form) for form in [unshift(rest), *typed_on]):
            shapes.append({"pattern": "spatial"})
    # A shape decided the verdict, or zxcvbn did for the keys of another layout (its
    # words for "cthutq", "Сергей" on US keys, would puzzle): the shape is said first.
    if shapes and (score > 1 or weakest_form in typed_on):
        first, shapes = [*first, *shapes], []
    if first or shapes:
        score = min(score, 1)
    if named or near_name:
        first.insert(0, {"pattern": "journal_name", "only": only_name, "near": near_name})
    found_by_zxcvbn = [m for r in (weakest, estimate(folded)) for m in r["sequence"]]
    sequence = [*first, *found_by_zxcvbn, *shapes]
    strength = Strength(score + 1)
    found = [_pattern_advice(match) for match in sequence]
    reasons = list(dict.fromkeys(reason for reason in found if reason))
    advice = _advice(strength, reasons, named or near_name)
    return StrengthReport(strength, _LABELS[strength], advice)


def _advice(strength: Strength, reasons: list[str], named: bool) -> str:
    """The advice for a passphrase of ``strength`` (VERY_WEAK or stronger), with the
    guessable parts found in it (``reasons``, most telling first; the journal's name
    first when ``named``)."""
    if strength >= Strength.STRONG:
        advice = "This will be hard to guess."
        if named:
            advice = f"{reasons[0]} The rest of it is what keeps it safe."
    elif strength == Strength.GOOD and reasons:
        # Never "Good" beside "it is close to a passphrase many people use".
        part = reasons[0] if named else "Part of it is among the first guesses."
        advice = f"{part} The rest of it is what keeps it safe. A longer phrase would be "
        advice += "stronger still."
    elif strength == Strength.GOOD:
        advice = "A longer phrase would be stronger still."
    else:
        advice = " ".join([*reasons[:1], _MORE_WORDS])
    if strength == Strength.VERY_WEAK and not reasons:
        advice = "This would be among the first guesses tried. " + advice
    return advice


def every_note() -> tuple[str, ...]:
    """Every note `assess` can give (`StrengthReport.note`), longest first: for a
    window to keep room for the longest, so that nothing below it moves as the notes
    change while a passphrase is typed."""
    notes = {f"{_LABELS_ALL[Strength.TOO_SHORT]}. {_TOO_SHORT}"}
    advices = [_CLOSE_ADVICE, _PUBLISHED_ADVICE, *_WORD_ADVICE.values(), *_OTHER_ADVICE.values()]
    for strength in Strength:
        if strength == Strength.TOO_SHORT:
            continue
        for reasons, named in (
            [([], False)]
            + [([a], False) for a in advices]
            + [([_NAME_ADVICE, a], True) for a in ["", *advices]]
        ):
            reasons = [r for r in reasons if r]
            notes.add(f"{_LABELS[strength]}. {_advice(strength, reasons, named)}")
    refused = Strength.VERY_WEAK  # the journal's name with only digits and marks: refused
    for advice in (_NAME_ONLY_ADVICE, _NEAR_NAME_ADVICE):
        notes.add(f"{_LABELS[refused]}. {_advice(refused, [advice], True)}")
    return tuple(sorted(notes, key=len, reverse=True))

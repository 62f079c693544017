"""The other forms of a passphrase an attacker tries besides the one typed.

zxcvbn's dictionaries are English and its keyboard matcher follows the characters
typed, so a passphrase can look stronger to it than it is (break test 14 of session
11, finding 4): "Müller1987" where it knows "muller1987", "!QAZ2wsx#EDC" where it
knows "1qaz2wsx3edc". `passphrase.assess` rates these forms too and keeps the weakest
estimate; this module makes them, and recognises the shapes no dictionary needs to
know: a name or word in any script with a year, a walk along the keyboard, and the
journal's name written with accents, capitals or l33t.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# US layout, the one zxcvbn's keyboard graph ("qwerty") is drawn from: each shifted
# character and the key it is typed with.
_SHIFTED = '~!@#$%^&*()_+{}|:"<>?'
_UNSHIFTED = "`1234567890-=[]\\;',./"
_UNSHIFT = str.maketrans(_SHIFTED, _UNSHIFTED)
MIN_NAME_CHARS = 3  # shorter words of the journal's name are not looked for
MIN_NEAR_NAME_CHARS = 4  # a name this long is refused with one letter off too
# The shortest keyboard pattern told as one ("qwerty", "1qaz2w"): shorter walks turn up
# in everyday words by chance ("were", "tree", "fred").
MIN_WALK_CHARS = 6
# A name or a word is rarely longer than this (the longest first names and everyday
# words have 10 to 13 letters: "Christopher", "Sternenkinder"); a longer run of letters
# is left to zxcvbn, which knows "correcthorsebatterystaple2026" for four words.
MAX_WORD_LETTERS = 14
_WORD = rf"[^\W\d_]{{1,{MAX_WORD_LETTERS}}}"  # letters of any script, no digits
_GAP = r"[\W_]*"  # spaces and punctuation
_WORDS = rf"{_WORD}(?:[\W_]+{_WORD})?"  # one, or two apart
_DIGITS = r"\d{1,4}"  # a year (1987, 2026) or a short run of digits (123, 07)
_WORD_AND_DIGITS = re.compile(
    rf"{_GAP}(?:{_WORDS}{_GAP}{_DIGITS}|{_DIGITS}{_GAP}{_WORDS}){_GAP}", re.UNICODE
)


def fold(text: str) -> str:
    """``text`` as a dictionary looks it up: each letter without its accents (the letter
    decomposed, Unicode NFKD, and its combining marks, category M, dropped) and case
    folded (Unicode caseless matching): "Müller" -> "muller", "JOSÉ" -> "jose",
    "Сергей" -> "сергеи". A mark that is a character of its own in the composed text
    (Unicode NFC), as Thai and Devanagari vowel signs are, is part of the word and kept.
    """
    folded = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFKD", ch)
        bare = "".join(part for part in parts if not unicodedata.category(part).startswith("M"))
        folded.append(bare or ch)
    return "".join(folded).casefold()


def unshift(text: str) -> str:
    """``text`` as if typed without Shift on a US keyboard: "!QAZ2wsx#EDC" ->
    "1qaz2wsx3edc" (each shifted mark becomes the digit or mark on its key, each
    capital its small letter). zxcvbn's keyboard matcher misses a walk when Shift
    changes some of its characters."""
    return text.translate(_UNSHIFT).lower()


def name_pattern(parts: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of ``parts`` (the journal's name and its words) in a
    `fold`-ed passphrase, with any of its letters written in l33t ("S4r4h" for "Sarah",
    as zxcvbn's l33t table has it); None when no part has MIN_NAME_CHARS characters.
    Longer parts are tried first, so a whole name is taken before one of its words."""
    found = {fold(part) for part in parts if len(part.strip()) >= MIN_NAME_CHARS}
    if not found:
        return None
    alternatives = [_written(part) for part in sorted(found, key=len, reverse=True)]
    return re.compile("|".join(alternatives))


def _written(part: str) -> str:
    """A pattern for ``part`` (`fold`-ed) with any of its letters in l33t ("s4r4h")."""
    from zxcvbn.matching import L33T_TABLE

    classes = []
    for ch in part:
        subs = "".join(L33T_TABLE.get(ch, []))
        classes.append(f"[{re.escape(ch + subs)}]" if subs else re.escape(ch))
    return "".join(classes)


def near_name_pattern(parts: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that matches, as a whole, a `fold`-ed passphrase that is a near copy of
    one of ``parts`` (the journal's name and its words) with only digits, spaces and
    punctuation around it: "Sarahh2026!", "Sara2026!", "Sarha 1987" for "Sarah". A near
    copy is the part with one letter added, left out or changed, or two neighbouring
    letters swapped (Damerau-Levenshtein distance 1, the commonest typing slips and
    spelling variants: "Lilly" for "Lily"), any letter in l33t; only parts of
    MIN_NEAR_NAME_CHARS letters or more, since one letter off a shorter name is
    another word ("Mia", "Max"). None when no part is that long."""
    found = {
        fold(part) for part in parts if sum(ch.isalpha() for ch in part) >= MIN_NEAR_NAME_CHARS
    }
    if not found:
        return None
    any_letter = r"[^\W_]"  # a letter (or a digit standing for one)
    variants = []
    for part in sorted(found, key=len, reverse=True):
        for i in range(len(part) + 1):
            head, tail = _written(part[:i]), part[i:]
            variants.append(head + any_letter + _written(tail))  # one added
            if tail:
                variants.append(head + _written(tail[1:]))  # one left out
                variants.append(head + any_letter + _written(tail[1:]))  # one changed
            if len(tail) > 1:
                variants.append(head + _written(tail[1] + tail[0] + tail[2:]))  # swapped
    return re.compile(rf"[\W\d_]*(?:{'|'.join(variants)})[\W\d_]*")


def is_near_name(folded: str, parts: Iterable[str]) -> bool:
    """Whether ``folded`` (a `fold`-ed passphrase) is a near copy of the journal's name
    or one of its words (``parts``) with nothing but digits, spaces and punctuation
    added (`near_name_pattern`)."""
    pattern = near_name_pattern(parts)
    return pattern is not None and pattern.fullmatch(folded) is not None


def without_name(folded: str, parts: Iterable[str]) -> str:
    """``folded`` (a `fold`-ed passphrase) without every place the journal's name or
    one of its words (``parts``) appears in it, in any case, accents or l33t."""
    pattern = name_pattern(parts)
    return folded if pattern is None else pattern.sub("", folded)


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of any script (not only digits, spaces and
    punctuation)."""
    return any(ch.isalpha() for ch in text)


def is_word_and_digits(text: str) -> bool:
    """Whether ``text`` is one or two words of letters, in any script, with a year or a
    short run of digits before or after them and at most punctuation and spaces
    around: "Сергей1987", "Unsere Lilly 2026", "2024-Émilie!". This is the shape of a
    name or a word with a year, whichever language it is in (zxcvbn knows English
    words and names only), so it is counted among the first guesses.

    ``text`` should be `fold`-ed first; the marks left in it (Thai and Devanagari vowel
    signs) are taken as part of their word here.
    """
    letters = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    return _WORD_AND_DIGITS.fullmatch(letters) is not None


def keyboard_share(text: str) -> float:
    """The share (0.0-1.0) of ``text``'s characters that lie on walks along the
    keyboard of three keys or more (zxcvbn's spatial matcher: rows, columns and
    diagonals of US qwerty, Dvorak and the keypads). Give the `unshift`-ed text:
    "1qaz2wsx3edc" -> 1.0, "qwerty123456" -> 1.0, "quiet river" -> 0.0."""
    if not text:
        return 0.0
    from zxcvbn.matching import spatial_match

    covered: set[int] = set()
    for match in spatial_match(text):
        covered.update(range(int(match["i"]), int(match["j"]) + 1))
    return len(covered) / len(text)


def is_keyboard_walk(text: str) -> bool:
    """Whether ``text`` (`unshift`-ed) is made of walks along the keyboard and nothing
    else, which every list of leaked passwords is full of ("1qaz2wsx", "zaq12wsx"), and
    has MIN_WALK_CHARS characters or more."""
    return len(text) >= MIN_WALK_CHARS and keyboard_share(text) == 1.0

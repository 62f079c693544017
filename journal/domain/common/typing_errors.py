"""Words typed with a slip of the fingers, read as the words meant.

Only the slips that leave no word of their own behind are read, since no dictionary of
English ships with Solace: two neighbouring letters swapped ("wnat" for "want"), one
letter left out ("miscarrage") or one typed twice ("misscarriage"). A letter typed for
another is not read: "injection" is a word of its own beside "infection", and "wait"
beside "want" (re-test 46, N1: a suggester that read such words offered "carrying" for
"crying").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

__all__ = ["MIN_LETTER_MISSED", "as_meant", "typing_errors"]

#: A word left with this many letters or more by a letter left out is read as the word
#: it comes from; one of a letter less only when it has no vowel ("kll", "hrt"): three
#: letters are too often a word of their own ("did" of "died", "arm" of "harm").
MIN_LETTER_MISSED = 4
_VOWELS = frozenset("aeiou")


def _missed(word: str) -> set[str]:
    """``word`` with one of its letters left out, where that leaves no short word."""
    return {
        missed
        for i in range(len(word))
        if len(missed := word[:i] + word[i + 1 :]) >= MIN_LETTER_MISSED
        or (len(missed) == MIN_LETTER_MISSED - 1 and not _VOWELS & set(missed))
    }


def typing_errors(words: Collection[str]) -> dict[str, str]:
    """Each slip of one of ``words`` (lower case) that is none of them -> the word:
    two neighbouring letters swapped, in a word of three letters or more (most swaps
    of two letters are words too: "on" and "no"), or one letter left out (`_missed`).
    A slip two of the words could both have made is left out. About 1,000 slips for
    200 words."""
    meant: dict[str, set[str]] = {}
    for word in (word for word in words if len(word) > 2):
        swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        for slip in (swapped | _missed(word)) - set(words):
            meant.setdefault(slip, set()).add(word)
    return {slip: next(iter(found)) for slip, found in meant.items() if len(found) == 1}


def as_meant(word: str, errors: Mapping[str, str], words: Collection[str]) -> str:
    """``word`` (lower case) as the one of ``words`` it is a slip of: one in ``errors``
    (`typing_errors` of ``words``), or with one letter typed twice ("wantt", never a
    word of two letters: "off" is not "of"); else ``word`` itself, as is any of
    ``words``."""
    if word in errors:
        return errors[word]
    if word in words:
        return word
    doubled = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    return next((meant for meant in sorted(doubled) if len(meant) > 2 and meant in words), word)

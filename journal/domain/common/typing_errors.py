"""Words typed with a slip of the fingers, read as the words meant.

Only the slips that leave no word of their own behind are read, since no dictionary of
English ships with Solace: two neighbouring letters swapped ("wnat" for "want"), one
letter left out ("miscarrage") or one typed twice ("misscarriage"). A letter typed for
another is not read: "injection" is a word of its own beside "infection", and "wait"
beside "want" (re-test 46, N1: a suggester that read such words offered "carrying" for
"crying").
"""

from __future__ import annotations

from collections.abc import Set
from string import ascii_lowercase

__all__ = ["MIN_LETTER_MISSED", "as_meant"]

#: A word typed with a letter left out is read as the word meant when it has this many
#: letters or more; one of a letter less only when it has no vowel ("kll", "hrt"):
#: three letters are too often a word of their own ("did" of "died", "arm" of "harm").
MIN_LETTER_MISSED = 4
_VOWELS = frozenset("aeiou")


def as_meant(typed: str, words: Set[str], letters: str = ascii_lowercase) -> str:
    """``typed`` (a word, lower case) as the one of ``words`` it is a slip of, else as
    it is: one of ``words`` with two neighbouring letters swapped, one letter typed
    twice ("wantt") or one of ``letters`` left out (see `MIN_LETTER_MISSED`). A word of
    ``words`` is itself, and so is a word of two letters (most swaps of two letters are
    words too: "on" and "no") or one that two of the words could both have been
    ("dary": "dairy" or "diary"). About 10 µs for a word of 6 letters."""
    if typed in words or len(typed) < 3:
        return typed
    found = {typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] for i in range(len(typed) - 1)}
    found |= {typed[:i] + typed[i + 1 :] for i in range(1, len(typed)) if typed[i] == typed[i - 1]}
    if len(typed) >= MIN_LETTER_MISSED or not _VOWELS & set(typed):
        found |= {typed[:i] + c + typed[i:] for i in range(len(typed) + 1) for c in letters}
    meant = {word for word in found if len(word) > 2} & words
    return next(iter(meant)) if len(meant) == 1 else typed

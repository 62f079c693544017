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


def as_meant(
    typed: str, words: Set[str], letters: str = ascii_lowercase, *, short: bool = False
) -> str:
    """``typed`` (a word, lower case) as the one of ``words`` it is a slip of, else as
    it is: one of ``words`` with two neighbouring letters swapped, one letter typed
    twice ("wantt") or one of ``letters`` left out, not its first unless ``short`` (see
    `MIN_LETTER_MISSED`). A word of
    ``words`` is itself, and so is one that two of the words could both have been
    ("dary": "dairy" or "diary"; a swap or a letter typed twice is read before a letter
    left out), and, unless ``short``, a word of two letters (most
    swaps of two letters are words too: "on" and "no") or of three with a vowel ("did"
    of "died"): with ``short`` ("ot" is "to", "kil" "kill"), the caller keeps the real
    words among those as they are. About 10 µs for a word of 6 letters."""
    if typed in words or len(typed) < (2 if short else 3):
        return typed
    swapped = {typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] for i in range(len(typed) - 1)}
    doubled = {typed[:i] + typed[i + 1 :] for i in range(1, len(typed)) if typed[i] == typed[i - 1]}
    missed: set[str] = set()
    if short or len(typed) >= MIN_LETTER_MISSED or not _VOWELS & set(typed):
        # A first letter left out is read only with ``short``: most words a letter before
        # another makes are words of their own ("hanging" and "changing", "arming" and
        # "harming": re-test 50b, P3).
        first = 0 if short else 1
        missed = {typed[:i] + c + typed[i:] for i in range(first, len(typed) + 1) for c in letters}
    # The likelier slips first: "ot" is "to" swapped before it is "out" or "not".
    for found in (swapped | doubled, missed):
        meant = {word for word in found if short or len(word) > 2} & words
        if meant:
            return next(iter(meant)) if len(meant) == 1 else typed
    return typed

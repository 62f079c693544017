"""Passphrase strength feedback that explains rather than scolds.

The estimate is zxcvbn's (Dropbox's estimator, as used by the strongest password
managers): it knows common passwords, names, words, dates, keyboard rows and
sequences, and scores 0 to 4 by how many guesses an attacker would need. The words
shown are Solace's own, chosen from the patterns zxcvbn found, so they stay calm and
the same whatever zxcvbn's English says. The journal's name is one of zxcvbn's
"user inputs": it is shown before unlocking, so it is the first thing anyone tries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

MIN_LENGTH = 8
# zxcvbn's cost grows quickly with length; beyond this a passphrase is long enough
# that the rest cannot make it weaker, so only the start is examined.
ASSESSED_CHARS = 72  # zxcvbn refuses longer input (4.5: max_length=72)

_NAMES = frozenset({"female_names", "male_names", "surnames"})


class Strength(IntEnum):
    TOO_SHORT = 0
    VERY_WEAK = 1
    WEAK = 2
    FAIR = 3
    GOOD = 4
    STRONG = 5


@dataclass(frozen=True, slots=True)
class StrengthReport:
    strength: Strength
    label: str
    advice: str

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
_MORE_WORDS = "Two or three more unrelated words would make it much stronger."


def _pattern_advice(match: Mapping[str, Any]) -> str:
    """One calm sentence about a guessable part zxcvbn found; "" for none."""
    pattern = match.get("pattern")
    if pattern == "dictionary":
        source = match.get("dictionary_name")
        if source == "user_inputs":
            return "It contains the journal's name, which anyone can see before unlocking."
        if source == "passwords":
            return "It is close to a passphrase many people use."
        if source in _NAMES:
            return "Names, and names with a year, are among the first guesses."
        return ""
    return {
        "date": "Dates are easy to guess.",
        "regex": "Years are easy to guess.",
        "spatial": "Rows of neighbouring keys, like qwerty, are easy to guess.",
        "repeat": "Repeated letters or words add very little.",
        "sequence": "Runs like abc or 1234 are easy to guess.",
    }.get(str(pattern), "")


def assess(passphrase: str, user_inputs: Iterable[str] = ()) -> StrengthReport:
    """How hard ``passphrase`` is to guess, with one or two sentences of advice.

    ``user_inputs`` are words an attacker would try first (the journal's name).
    Fewer than MIN_LENGTH characters is TOO_SHORT without further estimate; otherwise
    zxcvbn's score 0-4 maps to VERY_WEAK..STRONG.
    """
    if len(passphrase) < MIN_LENGTH:
        return StrengthReport(
            Strength.TOO_SHORT,
            "Too short",
            f"Please use at least {MIN_LENGTH} characters. A few unrelated words "
            "are easy to remember and hard to guess.",
        )
    from zxcvbn import zxcvbn

    words = [w for text in user_inputs for w in [text, *text.split()] if w.strip()]
    result = zxcvbn(passphrase[:ASSESSED_CHARS], user_inputs=words)
    strength = Strength(int(result["score"]) + 1)
    found = [_pattern_advice(match) for match in result.get("sequence", ())]
    reasons = list(dict.fromkeys(reason for reason in found if reason))
    if strength >= Strength.STRONG:
        advice = "This will be hard to guess."
    elif strength == Strength.GOOD:
        advice = "Good. A longer phrase would be stronger still."
    else:
        advice = " ".join([*reasons[:1], _MORE_WORDS])
    if strength == Strength.VERY_WEAK and not reasons:
        advice = "This would be among the first guesses tried. " + advice
    return StrengthReport(strength, _LABELS[strength], advice)

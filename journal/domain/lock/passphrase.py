"""Passphrase strength feedback that explains rather than scolds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

MIN_LENGTH = 8

_COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "12345678",
        "123456789",
        "qwertyuiop",
        "iloveyou",
        "letmein",
        "welcome",
        "abc12345",
        "11111111",
        "sunshine",
        "princess",
        "football",
        "baseball",
        "dragon",
        "monkey",
    }
)


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4


@dataclass(frozen=True, slots=True)
class StrengthReport:
    strength: Strength
    label: str
    advice: str

    @property
    def acceptable(self) -> bool:
        return self.strength >= Strength.WEAK


def assess(passphrase: str) -> StrengthReport:
    """A rough, honest estimate: length matters most, then variety."""
    length = len(passphrase)
    if length < MIN_LENGTH:
        return StrengthReport(
            Strength.TOO_SHORT,
            "Too short",
            f"Please use at least {MIN_LENGTH} characters. A few unrelated words "
            "are easy to remember and hard to guess.",
        )
    lowered = passphrase.lower()
    if lowered in _COMMON or len(set(lowered)) <= 3:
        return StrengthReport(
            Strength.WEAK,
            "Easy to guess",
            "This is a very common choice. Adding two or three unrelated words "
            "would make it much harder to guess.",
        )
    words = len(re.findall(r"\w+", passphrase))
    kinds = sum(
        bool(re.search(pattern, passphrase)) for pattern in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w\s]")
    )
    if length >= 20 or (words >= 4 and length >= 16):
        return StrengthReport(Strength.STRONG, "Strong", "This will be hard to guess.")
    if length >= 14 or (length >= 10 and kinds >= 3):
        return StrengthReport(
            Strength.GOOD, "Good", "Good. A longer phrase would be stronger still."
        )
    return StrengthReport(
        Strength.FAIR,
        "Fair",
        "This works. Another word or two would make it noticeably stronger.",
    )

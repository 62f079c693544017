"""How a day feels: a mood described in words, and the names of feelings.

The mood is a description, not a score. Nothing here ranks a day as better or
worse, and nothing asks anyone to move towards the "lighter" end.
"""

from __future__ import annotations

import enum

MAX_FEELING_CHARS = 40


class Mood(enum.IntEnum):
    """Five plain words for how heavy a moment feels."""

    VERY_HEAVY = 1
    HEAVY = 2
    IN_BETWEEN = 3
    A_LITTLE_LIGHTER = 4
    LIGHTER = 5

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def description(self) -> str:
        return _LABELS[self][1]


def nearest_mood(average: float) -> Mood:
    """The mood nearest ``average``, an average of moods (1.0 very heavy to 5.0
    lighter), for saying a chart's value in words."""
    return Mood(min(5, max(1, round(average))))


_LABELS: dict[Mood, tuple[str, str]] = {
    Mood.VERY_HEAVY: ("Very heavy", "Everything feels like a lot right now."),
    Mood.HEAVY: ("Heavy", "Hard, though there is a little room to breathe."),
    Mood.IN_BETWEEN: ("Somewhere in between", "Mixed, unclear, or hard to name."),
    Mood.A_LITTLE_LIGHTER: ("A little lighter", "Some moments feel a bit easier."),
    Mood.LIGHTER: ("Lighter", "Steadier for now, however long that lasts."),
}


FEELINGS: tuple[str, ...] = (
    "sad",
    "heartbroken",
    "numb",
    "empty",
    "angry",
    "guilty",
    "ashamed",
    "anxious",
    "afraid",
    "lonely",
    "disconnected",
    "jealous",
    "confused",
    "overwhelmed",
    "tired",
    "relieved",
    "tender",
    "calm",
    "hopeful",
    "grateful",
    "loved",
    "supported",
    "at peace",
)


def normalise_feeling(text: str) -> str | None:
    """Tidy a feeling the person typed in their own words.

    Trims, lowercases and collapses inner whitespace. Returns ``None`` for
    empty text or text longer than ``MAX_FEELING_CHARS`` after tidying.
    """
    cleaned = " ".join(text.split()).lower()
    if not cleaned or len(cleaned) > MAX_FEELING_CHARS:
        return None
    return cleaned

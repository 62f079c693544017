"""Whose an item is: a name, a shape and a colour, never the colour alone.

The two colours are a blue and an orange, the pair that stays apart for the
common kinds of colour blindness (red-green and blue-yellow confusion keep
blue and orange distinct by lightness too). Each has a light-theme and a
dark-theme shade with a contrast of at least 4.5:1 on that theme's background.
The shapes (a circle, a diamond) carry the same meaning without colour.

Each belongs to a person, not to whoever opened Together: the session's `first` side
has the circle and the blue (`follow_session`), whichever journal is the owner's.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from journal.domain.common.words import shorten
from journal.domain.together.items import Side

__all__ = ["LONGEST_SHOWN_NAME", "follow_session", "mark", "shown_name", "side_colour"]

# The first person's (the circle's) and the second's, light and dark.
_COLOURS = ({False: "#1f5f86", True: "#8cc4e8"}, {False: "#9a4a00", True: "#f2b36b"})
_SHAPES = ("●", "◆")
_first = [Side.OWNER]  # the side drawn as the first person: one session open at a time


def follow_session(first: Side) -> None:
    """Draw ``first`` (`TogetherSession.first`) as the first person from now on: the
    circle and the blue. `Side.OWNER` again when a session ends."""
    _first[0] = first


def _person(side: Side) -> int:
    """0 for the first person's side, 1 for the other's."""
    return 0 if side is _first[0] else 1


def side_colour(side: Side, dark: bool) -> QColor:
    """The colour of ``side``'s mark in the light or the dark theme."""
    return QColor(_COLOURS[_person(side)][dark])


def mark(side: Side) -> str:
    """The shape drawn beside the name: ● for the first person's side, ◆ for the other's."""
    return _SHAPES[_person(side)]


#: The longest name (characters) a button or a choice in a list shows whole: neither
#: wraps, and "<a name of 40 letters>'s" held a 1024-pixel window wider at 200 % text
#: (re-tests 44, N9, and 44b, M1).
LONGEST_SHOWN_NAME = 20


def shown_name(name: str) -> str:
    """``name`` as a choice in a list shows it: cut with "…" past `LONGEST_SHOWN_NAME`
    characters. The entries' headings and the words above the answer hold it whole."""
    return shorten(name, LONGEST_SHOWN_NAME, at_space=False)

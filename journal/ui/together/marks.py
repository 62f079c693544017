"""Whose an item is: a name, a shape and a colour, never the colour alone.

The two colours are a blue and an orange, the pair that stays apart for the
common kinds of colour blindness (red-green and blue-yellow confusion keep
blue and orange distinct by lightness too). Each has a light-theme and a
dark-theme shade with a contrast of at least 4.5:1 on that theme's background.
The shapes (a circle, a diamond) carry the same meaning without colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from journal.domain.together.items import Side

__all__ = ["mark", "side_colour"]

_COLOURS = {
    Side.OWNER: {False: "#1f5f86", True: "#8cc4e8"},
    Side.PARTNER: {False: "#9a4a00", True: "#f2b36b"},
}
_SHAPES = {Side.OWNER: "●", Side.PARTNER: "◆"}


def side_colour(side: Side, dark: bool) -> QColor:
    """The colour of ``side``'s mark in the light or the dark theme."""
    return QColor(_COLOURS[side][dark])


def mark(side: Side) -> str:
    """The shape drawn beside the name: ● for the owner's side, ◆ for the partner's."""
    return _SHAPES[side]

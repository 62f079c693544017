"""Positions in Qt's text and in Python's ``str``, one rule for both directions.

Qt counts a string in UTF-16 code units; Python counts code points. A character
beyond U+FFFF (most emoji, each member of a ZWJ family, CJK Extension B) is two
units and one code point, so a position carried across unconverted drifts by one
per such character before it (break test 9 of session 10, finding 1: the bold of
"😢😢 **real**" fell on the "**"). Every position that goes from a Python match or
slice to Qt, or from Qt to a Python slice, goes through here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

__all__ = [
    "index_of_unit",
    "inside_a_pair",
    "keep_caret_between_characters",
    "slice_units",
    "unit_length",
    "unit_offsets",
]


def unit_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (Qt's length of it)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def unit_offsets(text: str) -> Sequence[int]:
    """The UTF-16 offset of each code-point index of ``text``, ``len(text) + 1`` of them
    (index ``i`` of ``text`` is at Qt position ``unit_offsets(text)[i]``). A range, not
    a list, when every character is in the BMP (the offsets are the indices)."""
    if not text or max(text) <= "\uffff":
        return range(len(text) + 1)
    return [0, *accumulate(2 if ord(character) > 0xFFFF else 1 for character in text)]


def index_of_unit(text: str, units: int) -> int:
    """The index in ``text`` of the character that starts at Qt position ``units``
    (clamped to ``0..len(text)``; a position inside a surrogate pair gives the
    character after it)."""
    if units <= 0:
        return 0
    offsets = unit_offsets(text)
    if isinstance(offsets, range):
        return min(units, len(text))
    return min(bisect_left(offsets, units), len(text))


def slice_units(text: str, start: int, end: int) -> str:
    """The part of ``text`` from Qt position ``start`` to Qt position ``end`` (UTF-16
    units, as a document's ``contentsChange`` gives them)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * max(start, 0) : 2 * max(end, 0)].decode("utf-16-le", "surrogatepass")


def inside_a_pair(document: QTextDocument, position: int) -> bool:
    """Whether the UTF-16 ``position`` in ``document`` lies between the two halves of a
    surrogate pair (one character beyond U+FFFF, such as most emoji)."""
    if position <= 0:
        return False
    first, second = document.characterAt(position - 1), document.characterAt(position)
    return "\ud800" <= first <= "\udbff" and "\udc00" <= second <= "\udfff"


def keep_caret_between_characters(field: QPlainTextEdit) -> None:
    """Move either end of ``field``'s caret that lies inside a surrogate pair (the two
    UTF-16 halves of an emoji, `inside_a_pair`) past the pair; nothing else changes.

    Keys and the mouse move by whole characters; only a position given as a number (a
    program, an input method, a screen reader) lands inside a pair. A key pressed
    there deleted half of it, and Qt kept the other half, which Python's ``str`` cannot
    hold: the text stored was not the text shown, and the journal editor's pieces of a
    long line, placed from Python's text, were cut one unit off and split a character
    (a Hypothesis example: a family emoji, Backspace at a piece's start)."""
    cursor = field.textCursor()
    document = cursor.document()
    ends = (cursor.anchor(), cursor.position())
    moved = [at + 1 if inside_a_pair(document, at) else at for at in ends]
    if tuple(moved) != ends:
        cursor.setPosition(moved[0])
        cursor.setPosition(moved[1], QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)

"""Whether a piece of text shows anything, and the text as a list row may show it.

A line that holds only characters with no look of their own (a zero-width space, a
direction mark, a byte-order mark, a soft hyphen, a word joiner, a combining mark with
nothing to sit on, the Hangul fillers, the braille blank, a tag space, a control
character) showed as a blank row in the journal list, or as a box (break test 9 of
session 14, finding 10): text copied from Hebrew or Arabic chats often starts with a
direction mark alone on its line. The rule is Unicode's: a character shows something
unless it is a format character (category Cf), a control (Cc), a separator (Z*), a
non-spacing mark alone (Mn), or one of the characters Unicode lists as default
ignorable or that fonts draw empty (`FILLERS`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["FILLERS", "first_visible", "has_visible"]

#: Letters that are drawn empty: the Hangul fillers (U+115F, U+1160, U+3164,
#: U+FFA0) and the braille pattern blank (U+2800).
FILLERS = "\u115f\u1160\u3164\uffa0\u2800"


@cache
def _visible() -> Any:
    """The first character that shows something (the ``regex`` library, for Unicode's
    categories, imported on first use)."""
    import regex

    return regex.compile(rf"[^\p{{Cf}}\p{{Cc}}\p{{Z}}\p{{Mn}}\s{FILLERS}]")


def has_visible(text: str) -> bool:
    """Whether ``text`` holds a character that shows something (see the module). One
    regular-expression search, stopping at the first such character."""
    return _visible().search(text) is not None


def first_visible(text: str, start: int = 0) -> int:
    """The index of the first character of ``text`` at or after ``start`` that shows
    something (see the module), or -1 when none does. One regular-expression search."""
    found = _visible().search(text, start)
    return -1 if found is None else int(found.start())

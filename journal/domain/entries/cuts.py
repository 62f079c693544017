"""Where a snippet may be cut out of a body without splitting a word's piece or a character.

Pure Python, no Qt and no ICU: a position counts as safe only where the Unicode
rules (UAX #29) put both a grapheme cluster boundary and a word or ideograph
boundary whatever comes before, so the test is short and conservative:

* right after white space, before a character that does not join the one before
  it (no combining mark, no format character such as ZWJ, no emoji skin tone); or
* between two characters of a script written without spaces (Chinese, Japanese
  kana, Thai, ...; ``journal.storage.ngrams`` has the same ranges), where each
  character is a grapheme of its own unless a mark or a Hangul jamo follows.

Positions are Python (code point) indices, so a surrogate pair is never split.
"""

from __future__ import annotations

import unicodedata

__all__ = ["safe_end", "safe_start"]

# Characters that join the one before them into one grapheme (Grapheme_Extend,
# SpacingMark, ZWJ/ZWNJ and other format characters, emoji modifiers, half-width
# voiced marks).
_JOINING_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cf"})


def _joins_previous(character: str) -> bool:
    point = ord(character)
    return (
        unicodedata.category(character) in _JOINING_CATEGORIES
        or 0x1F3FB <= point <= 0x1F3FF
        or point in (0xFF9E, 0xFF9F)
        or 0x1100 <= point <= 0x11FF  # Hangul jamo join the syllable before them
        or 0xD7B0 <= point <= 0xD7FF
    )


def _spaceless(character: str) -> bool:
    point = ord(character)
    return (
        0x0E00 <= point <= 0x0EFF  # Thai, Lao
        or 0x1780 <= point <= 0x17FF  # Khmer
        or 0x3005 <= point <= 0x3007
        or 0x3040 <= point <= 0x30FF  # Hiragana, Katakana
        or 0x3400 <= point <= 0x4DBF
        or 0x4E00 <= point <= 0x9FFF  # CJK unified ideographs
        or 0xAC00 <= point <= 0xD7AF  # Hangul syllables
        or 0xF900 <= point <= 0xFAFF
        or 0x20000 <= point <= 0x3134F
    )


def is_safe_cut(text: str, position: int) -> bool:
    """Whether ``text`` may be cut at ``position`` (0 <= position <= len(text))."""
    if position <= 0 or position >= len(text):
        return True
    before, after = text[position - 1], text[position]
    if _joins_previous(after):
        return False
    if before.isspace():
        return True
    return _spaceless(before) and _spaceless(after)


# How far a cut may move looking for a safe place before the text's own edge is taken.
_SEARCH = 4_000


def safe_start(text: str, wanted: int, limit: int) -> int:
    """The first safe cut in [wanted, limit], else the last one before ``wanted``
    (looking up to a few thousand characters back), else 0."""
    for position in range(max(wanted, 0), max(limit, 0) + 1):
        if is_safe_cut(text, position):
            return position
    for position in range(wanted - 1, max(wanted - _SEARCH, 0), -1):
        if is_safe_cut(text, position):
            return position
    return 0


def safe_end(text: str, wanted: int, limit: int) -> int:
    """The last safe cut in [limit, wanted], else the first one after ``wanted``
    (looking up to a few thousand characters on), else len(text)."""
    wanted = min(wanted, len(text))
    for position in range(wanted, min(limit, wanted) - 1, -1):
        if is_safe_cut(text, position):
            return position
    for position in range(wanted + 1, min(wanted + _SEARCH, len(text))):
        if is_safe_cut(text, position):
            return position
    return len(text)

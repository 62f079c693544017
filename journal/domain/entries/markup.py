"""The inline Markdown of an entry: one set of rules for what is a marker.

The editor's highlighter dims these markers and styles what they wrap; headlines,
timeline rows and search snippets take the same markers off and keep every other
character. One set of rules for both means a list can never hide a character the
editor shows as text (``5*3 = 15 and 2*4`` keeps both stars: a star or an
underscore inside a word opens or closes nothing, as the editor has always shown).

Each pattern's group 1 is the marker, group 2 what it wraps. Escaped punctuation
(``\\*``) is never a marker: `mask_escapes` hides it first.
"""

from __future__ import annotations

import re

__all__ = ["BOLD", "CODE", "ESCAPE", "INLINE", "ITALIC", "STRIKE", "markers", "mask_escapes"]

# ``**`` anywhere (CommonMark), ``__`` only at a word's edges (inside ``snake__case`` it is text).
BOLD = re.compile(r"(\*\*|(?<!\w)__)(?=\S)(.+?)(?<=\S)\1(?!(?<=__)\w)")
# One ``*`` or ``_`` only at a word's edges: ``5*3`` and ``snake_case`` are text.
ITALIC = re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")
STRIKE = re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~")
CODE = re.compile(r"(`+)[^`]+?\1")
# A backslash before ASCII punctuation: the punctuation is shown as itself.
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
INLINE = ((BOLD, "bold"), (ITALIC, "italic"), (STRIKE, "strike"))

# Stands in for escaped punctuation while markers are looked for: not a word
# character, not a space, not a marker.
_MASK = "\ue00f"


def mask_escapes(text: str) -> str:
    """``text`` with each escaped punctuation character replaced by a neutral one, so
    no pattern here takes it for a marker; same length, same positions."""
    if "\\" not in text:
        return text
    return ESCAPE.sub(lambda match: "\\" + _MASK, text)


def markers(text: str) -> set[int]:
    """The positions in ``text`` of its inline markers, as the editor dims them: each
    pattern of ``INLINE`` matched once over the whole text (escapes masked), and the
    marker at both ends of every match. Nested runs ("*****1*") are read exactly as
    the editor reads them, so what is left is what it shows as text."""
    masked = mask_escapes(text)
    found: set[int] = set()
    for pattern, _style in INLINE:
        for match in pattern.finditer(masked):
            width = len(match.group(1))
            found.update(range(match.start(), match.start() + width))
            found.update(range(match.end() - width, match.end()))
    return found

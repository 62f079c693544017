"""The Markdown of an entry's lines: one set of rules for what is a marker.

The editor's highlighter dims these markers and styles what they wrap; headlines,
timeline rows, Together's reading view and search snippets take the same markers
off and keep every other character (`hidden`). One set of rules for all means a
list can never hide a character the editor shows as text (``5*3 = 15 and 2*4``
keeps both stars: a star or an underscore inside a word opens or closes nothing,
as the editor has always shown).

A line's start is read the same way everywhere (`line_start`): up to three spaces and
``#`` to ``######`` then a space, a tab or the end make a heading; up to three spaces
and ``>`` (each with one optional space) a quote; then a list item's ``-``, ``*``,
``+`` or ``1.`` / ``1)`` followed by a space or a tab. Nothing else is read at a
line's start: a "code fence" (```` ``` hi ````), a rule (``- - -``), closing hashes
(``# Day 1 #``) or a tab before ``>`` are text, as the editor shows them (break test
9 of session 12, finding 2). A strike is exactly two tildes on each side, as GitHub
reads it: ``~~~ 12 weeks ~~~`` and a row of tildes are text.

Each inline pattern's group 1 is the marker, group 2 what it wraps. Escaped
punctuation (``\\*``) is never a marker: `mask_escapes` hides it first; the backslash
itself is text too, shown as the editor shows it (undimmed). A line
longer than ``MARKED_LIMIT`` is shown as written (the editor holds it in pieces and
highlights none of them).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "BOLD",
    "CODE",
    "ESCAPE",
    "HEADING",
    "INLINE",
    "ITALIC",
    "LIST",
    "MARKED_LIMIT",
    "QUOTE",
    "STRIKE",
    "LineStart",
    "hidden",
    "inline_spans",
    "line_start",
    "markers",
    "mask_escapes",
    "style_spans",
    "words_start",
]

MARKED_LIMIT = (
    4_000  # characters in one line; a longer line has no markers (as the editor's pieces)
)
HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_QUOTE_AT = re.compile(r"[ \t]*(?:> ?)+")  # quote markers after a list item's ("- > ")
# Matched where the line's text starts (after a quote's markers): group 1 is a bullet.
LIST = re.compile(r"[ \t]*(?:([-*+])|\d{1,9}[.)])(?=[ \t])")

# ``**`` anywhere (CommonMark), ``__`` only at a word's edges (inside ``snake__case`` it is text).
# A ``**`` followed by another ``*`` opens no bold there: in ``***x***`` (bold italic, as
# CommonMark reads it) the bold is the inner pair, the italic the outer star.
BOLD = re.compile(r"(\*\*(?=[^\s*])|(?<!\w)__(?=\S))(.+?)(?<=\S)\1(?!(?<=__)\w)")
# One ``*`` or ``_`` only at a word's edges: ``5*3`` and ``snake_case`` are text.
# It may wrap a bold run directly: ``***x***`` and ``_**x**_`` are bold italic.
ITALIC = re.compile(
    r"(?<![*\w])(\*|_)(?=[^\s*_]|\*\*[^\s*])(.+?)"
    r"(?:(?<=[^\s*_])|(?<=[^\s*]\*\*))\1(?![*\w])"
)
STRIKE = re.compile(r"(?<!~)(~~)(?![~\s])(.+?)(?<=[^~\s])~~(?!~)")
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
    marker at both ends of every match (`inline_spans`). Nested runs ("*****1*") are
    read exactly as the editor reads them, so what is left is what it shows as text."""
    found: set[int] = set()
    for _style, start, end, width in inline_spans(mask_escapes(text)):
        found.update(range(start, start + width))
        found.update(range(end - width, end))
    return found


def inline_spans(masked: str) -> Iterator[tuple[str, int, int, int]]:
    """(style, start, end, marker width) of every span each pattern of ``INLINE`` wraps
    in ``masked`` (text after `mask_escapes`), pattern by pattern: exactly the matches
    of ``pattern.finditer(masked)``, found in time that grows with the text, not with
    its square (`_spans`). The lazy patterns ran from every opener that closes nothing
    to the line's end: a 3,990-character line of such stars took 113 ms, at every
    headline a list made and every key typed in that line (re-test 52, N1: 150 such
    entries held the window for 8 to 10 s at every list)."""
    for _pattern, style in INLINE:
        for start, end, width in style_spans(style, masked):
            yield style, start, end, width


def style_spans(style: str, masked: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, marker width) of every span of one inline ``style`` ("bold",
    "italic" or "strike") in ``masked``: `inline_spans` of that style alone, exactly
    the matches of its pattern's ``finditer``."""
    ends = _ENDS[style]
    if any(mark in masked for mark in ends.marks):
        yield from _spans(ends, masked)


@dataclass(frozen=True, slots=True)
class _Ends:
    """An inline pattern of ``INLINE`` (``<opener>(.+?)<closer>``) in two parts, each
    read at one position: ``opener`` matches where a span may open (group 1 is its
    marker), ``closer`` where the same marker may close one (group 1); ``marks`` are
    the characters its markers are made of."""

    opener: re.Pattern[str]
    closer: re.Pattern[str]
    marks: str


# The openers and closers of BOLD, ITALIC and STRIKE, as written in them, by style.
_ENDS = {
    "bold": _Ends(
        re.compile(r"(\*\*(?=[^\s*])|(?<!\w)__(?=\S))"),
        re.compile(r"(?=(?<=\S)(\*\*|__(?!\w)))"),
        "*_",
    ),
    "italic": _Ends(
        re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_]|\*\*[^\s*])"),
        re.compile(r"(?=(?:(?<=[^\s*_])|(?<=[^\s*]\*\*))(\*|_)(?![*\w]))"),
        "*_",
    ),
    "strike": _Ends(
        re.compile(r"(?<!~)(~~)(?![~\s])"), re.compile(r"(?=(?<=[^~\s])(~~)(?!~))"), "~"
    ),
}


def _spans(ends: _Ends, text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, marker width) of each match ``pattern.finditer(text)`` gives for the
    pattern ``ends`` splits: from each place a span may open, the first place after at
    least one character, on the same line, where its marker may close (``.+?``), then
    on from that span's end. Each place a marker may close is found once, in one pass."""
    closing: dict[str, list[int]] = {}
    for match in ends.closer.finditer(text):
        closing.setdefault(match.group(1), []).append(match.start())
    at = 0
    while (opened := ends.opener.search(text, at)) is not None:
        start, marker = opened.start(), opened.group(1)
        places = closing.get(marker, [])
        index = bisect_left(places, start + len(marker) + 1)
        line_end = text.find("\n", start + len(marker))
        if index == len(places) or 0 <= line_end < places[index]:
            at = start + 1
            continue
        end = places[index] + len(marker)
        yield start, end, len(marker)
        at = end


@dataclass(frozen=True, slots=True)
class LineStart:
    """How a line starts, as positions (Python indices) into it.

    ``level``: a heading's level (1-6), 0 for none; ``marks``: the end of the heading's
    hashes or of the quote's markers (the characters before it are markers), 0 for
    none; ``quote``: whether the line is a quote; ``item``: the span of a list item's
    marker (its indent and ``-`` or ``1.``), None for none; ``bullet``: the bullet's
    position (``-``, ``*``, ``+``), None for a numbered item or no item.
    """

    level: int = 0
    marks: int = 0
    quote: bool = False
    item: tuple[int, int] | None = None
    bullet: int | None = None


def line_start(line: str) -> LineStart:
    """The line-start rules the editor highlights with, read from ``line`` (one line, no
    ``\\n``). A heading takes no quote or list; a quote may hold a list item."""
    if len(line) > MARKED_LIMIT:
        return LineStart()
    heading = HEADING.match(line)
    if heading:
        return LineStart(level=len(heading.group(1)), marks=heading.end())
    quote = QUOTE.match(line)
    marks = quote.end() if quote else 0
    item = LIST.match(line, marks)
    if item is None:
        return LineStart(marks=marks, quote=quote is not None)
    bullet = item.start(1) if item.group(1) else None
    return LineStart(marks=marks, quote=quote is not None, item=item.span(), bullet=bullet)


def words_start(line: str) -> int:
    """Where the words of ``line`` (one line, no ``\\n``) start, as a Python index: after
    its line-start markers, as any mix of them nests ("> - ", "- > ", "## ") and the
    spaces after them; 0 for a line without markers. Bold or italic goes around the
    words, never around these markers (break test 9 of session 19, finding 6: italic
    over "- > alpha line" was refused)."""
    start = line_start(line)
    if start.level:
        at = start.marks
    else:
        at, moved = 0, True
        while moved and at < len(line):
            moved = False
            for pattern in (_QUOTE_AT, LIST):
                found = pattern.match(line, at)
                if found and found.end() > at:
                    at, moved = found.end(), True
    return len(line) - len(line[at:].lstrip(" \t")) if at else 0


def _nested_marks(line: str, at: int) -> set[int]:
    """The quote markers (each ``>`` and its one optional space) and bullets nested
    after a list item's marker that ends at ``at`` ("- > words", "1. > - words"), read
    as `words_start` reads them: markers like a plain quote's, never words (break test
    of session 20, finding N5: the ``>`` showed in timeline rows and snippets)."""
    found: set[int] = set()
    moved = True
    while moved and at < len(line):
        moved = False
        quote = _QUOTE_AT.match(line, at)
        if quote and quote.end() > at and ">" in quote.group():
            first = line.index(">", at)
            found.update(range(first, quote.end()))
            at, moved = quote.end(), True
        item = LIST.match(line, at)
        if moved and item and item.end() > at:
            if item.group(1):
                found.add(item.start(1))
            at, moved = item.end(), True
    return found


def code_markers(masked: str) -> set[int]:
    """The backticks that open and close each code span of ``masked`` (a line through
    `mask_escapes`)."""
    found: set[int] = set()
    for match in CODE.finditer(masked):
        width = len(match.group(1))
        found.update(range(match.start(), match.start() + width))
        found.update(range(match.end() - width, match.end()))
    return found


def hidden(line: str) -> set[int]:
    """The positions in ``line`` of every character that is markup, not words: the
    line-start markers (heading hashes, quote markers, a list's bullet), the inline
    markers (`markers`) and the backticks of code spans. The editor dims exactly
    these (and a numbered item's number, which is kept as words
    everywhere: a numbered list shows its numbers); every other view leaves them out.
    Empty for a line longer than ``MARKED_LIMIT``. One pass per rule."""
    if len(line) > MARKED_LIMIT:
        return set()
    start = line_start(line)
    found = set(range(start.marks))
    if start.bullet is not None:
        found.add(start.bullet)
    if start.item is not None:
        found |= _nested_marks(line, start.item[1])
    found |= markers(line)
    if "`" in line:
        found |= code_markers(mask_escapes(line))
    # A backslash that escapes punctuation is text: the editor shows it undimmed, so
    # "¯\_(ツ)_/¯" and "\\server" keep every backslash (break test 9 of session 20,
    # finding 1).
    return found

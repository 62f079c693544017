"""An entry's Markdown as a reader sees it: its words styled, its markers taken off.

The editor shows the stored text with its markers dimmed (``ui/entries/markdown``);
someone reading an entry they did not write (Together) sees what the markers mean
instead: ``**I miss you**`` bold, ``_one_`` italic, ``> `` a quote, ``# `` a
heading, ``\\*`` a star. What counts as a marker is the one rule the editor and
the headlines use (`journal.domain.entries.markup`), so every character the editor
shows as text is kept here (``5*3``, ``snake_case``, ``<little bean>``): only the
characters that rule calls markers are left out (break test 9, finding 11). Nothing
here is HTML: the UI draws the runs as they are.

One pass per rule per line; a line longer than ``STYLED_LIMIT`` is shown as written,
as the editor shows it plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from journal.domain.entries.markup import CODE, ESCAPE, INLINE, markers, mask_escapes

__all__ = ["STYLED_LIMIT", "LineKind", "ReadLine", "Run", "reading_lines"]

# The editor's rules for a line's start (ui/entries/markdown.py: _HEADING, _QUOTE, _LIST).
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_BULLET = re.compile(r"^([ \t]*)[-*+](?=[ \t])")
STYLED_LIMIT = 5_000  # characters in one line, as the editor's HIGHLIGHT_LIMIT
BULLET = "\u2022"  # •, where the writer typed "- ", "* " or "+ " to start a list item


class LineKind(Enum):
    """What a line is as a whole."""

    TEXT = "text"
    HEADING = "heading"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Run:
    """Characters shown with one style: any of "bold", "italic", "strike", "code"."""

    text: str
    styles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ReadLine:
    """One line of the entry: its kind, a heading's level (1-6, else 0), its runs."""

    kind: LineKind
    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        """The line's characters as shown, without styles."""
        return "".join(run.text for run in self.runs)


def reading_lines(body: str) -> list[ReadLine]:
    """``body`` (an entry's stored Markdown, lines split at ``\\n``) as lines of styled
    runs, markers taken off by the editor's rules. Never raises."""
    return [_read_line(line) for line in body.split("\n")]


def _read_line(line: str) -> ReadLine:
    if len(line) > STYLED_LIMIT:
        return ReadLine(LineKind.TEXT, (Run(line),) if line else ())
    kind, level = LineKind.TEXT, 0
    heading = _HEADING.match(line)
    if heading:
        kind, level, line = LineKind.HEADING, len(heading.group(1)), line[heading.end() :]
    else:
        quote = _QUOTE.match(line)
        if quote:
            kind, line = LineKind.QUOTE, line[quote.end() :]
        bullet = _BULLET.match(line)
        if bullet:
            line = bullet.group(1) + BULLET + line[bullet.end() :]
    return ReadLine(kind, _runs(line), level)


def _runs(line: str) -> tuple[Run, ...]:
    """The runs of one line's inline Markdown: markers (`markers`), code spans'
    backticks and escaping backslashes left out, every other character kept."""
    if not line:
        return ()
    gone = markers(line)
    styles: list[set[str]] = [set() for _ in line]
    masked = mask_escapes(line)
    for pattern, name in INLINE:
        for match in pattern.finditer(masked):
            width = len(match.group(1))
            for index in range(match.start() + width, match.end() - width):
                styles[index].add(name)
    for match in CODE.finditer(masked):
        width = len(match.group(1))
        gone.update(range(match.start(), match.start() + width))
        gone.update(range(match.end() - width, match.end()))
        for index in range(match.start() + width, match.end() - width):
            styles[index].add("code")
    for match in ESCAPE.finditer(line):
        gone.add(match.start())
    runs: list[Run] = []
    chars: list[str] = []
    current: frozenset[str] | None = None
    for index, char in enumerate(line):
        if index in gone:
            continue
        style = frozenset(styles[index])
        if style != current and chars:
            runs.append(Run("".join(chars), current or frozenset()))
            chars = []
        current = style
        chars.append(char)
    if chars:
        runs.append(Run("".join(chars), current or frozenset()))
    return tuple(runs)

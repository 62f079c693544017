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

from dataclasses import dataclass
from enum import Enum

from journal.domain.entries.lines import split_lines
from journal.domain.entries.markup import (
    CODE,
    MARKED_LIMIT,
    hidden,
    inline_spans,
    line_start,
    mask_escapes,
)

__all__ = ["STYLED_LIMIT", "LineKind", "ReadLine", "Run", "reading_lines"]

STYLED_LIMIT = MARKED_LIMIT  # characters in one line; a longer one is shown as written
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
    """``body`` (an entry's stored Markdown, split at each line break, `lines`) as
    lines of styled runs, markers taken off by the editor's rules. Never raises."""
    return [_read_line(line) for line in split_lines(body)]


def _read_line(line: str) -> ReadLine:
    if len(line) > STYLED_LIMIT:
        return ReadLine(LineKind.TEXT, (Run(line),) if line else ())
    start = line_start(line)
    kind = LineKind.HEADING if start.level else LineKind.QUOTE if start.quote else LineKind.TEXT
    return ReadLine(kind, _runs(line, start.marks, start.bullet), start.level)


def _runs(line: str, marks: int, bullet: int | None) -> tuple[Run, ...]:
    """The runs of one line: the editor's markers (`markup.hidden`) left out, a list's
    bullet shown as "•", the white space after a heading's or a quote's markers left
    out, every other character kept; bold, italic, strike and code styled."""
    gone = hidden(line)
    if bullet is not None:
        gone.discard(bullet)
    if marks:
        while marks < len(line) and line[marks] in " \t" and bullet != marks:
            gone.add(marks)
            marks += 1
    styles: list[set[str]] = [set() for _ in line]
    masked = mask_escapes(line)
    for name, start, end, width in inline_spans(masked):
        for index in range(start + width, end - width):
            styles[index].add(name)
    if "`" in line:
        for match in CODE.finditer(masked):
            width = len(match.group(1))
            for index in range(match.start() + width, match.end() - width):
                styles[index].add("code")
    runs: list[Run] = []
    chars: list[str] = []
    current: frozenset[str] | None = None
    for index, char in enumerate(line):
        if index in gone:
            continue
        if index == bullet:
            char = BULLET
        style = frozenset(styles[index])
        if style != current and chars:
            runs.append(Run("".join(chars), current or frozenset()))
            chars = []
        current = style
        chars.append(char)
    if chars:
        runs.append(Run("".join(chars), current or frozenset()))
    return tuple(runs)

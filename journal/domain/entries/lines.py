"""An entry's lines: where one line ends and the next begins, the same everywhere.

An entry keeps its line breaks as they were typed or pasted: ``\\n``, ``\\r\\n``, a lone
``\\r`` (old Mac files) or the Unicode paragraph separator U+2029 (issue 9: "character
for character"). The editor shows each of them as a line break, so everything that
reads an entry line by line (headline, tags, Together's reading view, snippets) splits
at all four, with ``\\r\\n`` one break, as Unicode's line-breaking rules (UAX 14, BK
and CR LF) and every plain-text editor read them. The line separator U+2028 is not
among them: the editor shows it as a break *inside* a line, and the line's markers
are read from the line's start only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["LINE_BREAK", "LINE_BREAKS", "iter_lines", "split_lines"]

#: The line breaks an entry may hold, each as itself (CR LF first: one break).
LINE_BREAK = re.compile(r"\r\n|[\r\n\u2029]")
#: The characters any line break starts with (a quick test before the regex).
LINE_BREAKS = "\r\n\u2029"


def split_lines(text: str) -> list[str]:
    """``text``'s lines without their breaks (one pass; ``[""]`` for empty text)."""
    if "\r" not in text and "\u2029" not in text:
        return text.split("\n")
    return LINE_BREAK.split(text)


def iter_lines(text: str) -> Iterator[str]:
    """``text``'s lines one at a time, read only as far as they are asked for (a
    two-million-character entry costs no more than its first lines)."""
    start = 0
    if "\r" not in text and "\u2029" not in text:  # (two scans in C; the regex is slower)
        while (end := text.find("\n", start)) >= 0:
            yield text[start:end]
            start = end + 1
        yield text[start:]
        return
    for found in LINE_BREAK.finditer(text):
        yield text[start : found.start()]
        start = found.end()
    yield text[start:]

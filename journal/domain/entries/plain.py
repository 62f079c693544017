"""Plain words from an entry's Markdown, for headlines, timeline rows and search snippets.

The body is stored exactly as written (Markdown typed by the person, markers
and all). Lists show it without the markup: ``**quiet**`` reads "quiet",
``> said softly`` reads "said softly", ``\\*`` reads "\\*" (the editor shows the
backslash as text: break test 9 of session 20, finding 1). What counts as a
marker is decided by `journal.domain.entries.markup`, the rules the editor
highlights with, so a list never takes off a character the editor shows as text
(``5*3 = 15 and 2*4`` keeps its stars; ``2. second try`` keeps its number, as
a numbered list shows it; ``<little bean>`` and ``[a](b)`` are text, as the editor
shows them: it draws no HTML and no links). Every function here
looks at a bounded number of characters or makes one pass, so a line of two
million characters costs no more than a short one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from journal.domain.entries.lines import LINE_BREAK, LINE_BREAKS, split_lines
from journal.domain.entries.markup import CODE, ESCAPE, MARKED_LIMIT, hidden, line_start
from journal.domain.entries.visible import first_visible

# What a snippet's edge cut inside a body starts or ends with (FTS5's snippet() is given
# the same).
CUT = "\u2026"
# A line longer than MARKED_LIMIT has no markers (the editor shows it as written); its
# headline needs no more than this many characters of it (80 are shown).
LINE_WINDOW = 1_000

# Escaped punctuation is parked on private-use characters while markers are taken off.
_PARK = 0xF0000
# The search marks a matching word with these (private-use characters): they sit
# inside words, so a marker beside them is judged by the word they mark.
OPEN_MARK = "\ue000"
CLOSE_MARK = "\ue001"
_WORD = rf"[\w{OPEN_MARK}{CLOSE_MARK}]"
# In a fragment (a snippet) a marker run is taken off only at a word's edge: it may
# have lost its other half to the cut, but inside a word it is text (``snake_case``).
_FRAGMENT_MARKERS = re.compile(
    rf"(?<=\S)(?:\*{{1,3}}|_{{1,3}}|(?<!~)~~(?!~))(?!{_WORD})"
    rf"|(?<!{_WORD})(?:\*{{1,3}}|_{{1,3}}|(?<!~)~~(?!~))(?=\S)"
)
# The editor's line-start markers (`markup.line_start`): a heading's hashes, a quote's
# markers and a list's bullet after them, or a bullet alone.
_FRAGMENT_LINE_START = re.compile(
    r"(?m)^(?: {0,3}#{1,6}(?:[ \t]+|$)| {0,3}(?:> ?)+(?:[ \t]*[-*+][ \t]+)?|[ \t]*[-*+][ \t]+)"
)


_LINE_MARKERS = frozenset("#>-*+")


def _park(text: str) -> str:
    """``text`` with each escaped punctuation character parked (never read as a
    marker); its backslash stays, as the editor shows it as text."""
    return ESCAPE.sub(lambda m: "\\" + chr(_PARK + ord(m.group(1))), text)


_PARKED = re.compile(f"[{chr(_PARK)}-{chr(_PARK + 127)}]")


def _unpark(text: str) -> str:
    # One regular-expression pass (not a Python step per character): a headline is
    # made for every row a list reads.
    return _PARKED.sub(lambda m: chr(ord(m.group()) - _PARK), text)


def _unquote_code(text: str) -> str:
    """``text`` with the backticks of each code span taken off (```x``` reads "x"); a
    backtick that opens no span is text ("I don`t know", as some keyboards type an
    apostrophe: break test 9 of session 10)."""
    return CODE.sub(lambda match: match.group()[len(match.group(1)) : -len(match.group(1))], text)


def plain_line(line: str) -> str:
    """One line of Markdown as the words the editor shows, spaces collapsed.

    Exactly the characters of ``line`` that the editor does not dim (`markup.hidden`,
    the editor's own rules: a "code fence", a rule or a closing ``#`` is words there, so
    it is words here). A line longer than ``MARKED_LIMIT`` has no markers; only
    ``LINE_WINDOW`` of its characters are read, from the first that shows (a line of
    4,050 spaces before its words read as blank: re-test 52, N2).
    """
    if len(line) > MARKED_LIMIT:
        start = max(first_visible(line), 0)
        return " ".join(line[start : start + LINE_WINDOW].split())
    gone = hidden(line)
    if gone:
        line = "".join(char for index, char in enumerate(line) if index not in gone)
    return " ".join(line.split())


def plain_fragment(text: str) -> str:
    """A piece cut from an entry (a search snippet, which may hold the search's
    `OPEN_MARK`/`CLOSE_MARK`) without its markers, line by line.

    A line the piece holds whole (every line but an edge that ends in ``CUT``) is read
    by the editor's own rules (`markup.hidden`), so a marker that opens on one line and
    closes on the next is text, as the editor shows it ("I don`t know" / "can`t stop":
    break test 9 of session 14, finding 2). A line cut at the piece's edge may have lost
    a marker's other half, so there markers are taken off where they touch a word
    (``**quiet`` -> "quiet", but "5 * 3" stays). One pass per rule and line.
    """
    lines = split_lines(text)
    last = len(lines) - 1
    return "\n".join(
        _whole_line(line)
        if (index > 0 or not text.startswith(CUT)) and (index < last or not text.endswith(CUT))
        else _cut_line(line)
        for index, line in enumerate(lines)
    )


def _gone(line: str) -> set[int]:
    """The positions in ``line`` (whole, no marks) a snippet leaves out: what the editor
    dims (`markup.hidden`) and the gap after the line-start markers."""
    gone = hidden(line)
    start = line_start(line)
    edge = max(start.marks, -1 if start.bullet is None else start.bullet + 1)
    while 0 < edge < len(line) and line[edge] in " \t":  # the gap after a line's markers
        gone.add(edge)
        edge += 1
    return gone


def plain_window(body: str, start: int, end: int, marks: Mapping[int, str] | None = None) -> str:
    """``body[start:end]`` (a snippet cut from an entry's ``body``) as a snippet shows
    it: each line it touches read whole by the editor's rules (`_gone`), then cut;
    line breaks as "\n", `CUT` where the cut is inside ``body``. ``marks`` (a position
    in ``body`` -> text put before the character there, such as `OPEN_MARK`) stay.

    Cut first, a line's markers were guessed at the cut: "I love *you and the rain",
    whose star the editor shows as text (it closes nothing), was cut to "…love *you
    and…" and shown "love you" (issue 9, the snippet-cut property). Reads at most
    ``MARKED_LIMIT`` + 1 characters of a line beyond the window on either side: a line
    that long has no markers however much longer it is."""
    marks = marks or {}
    first = max(body.rfind(mark, 0, start) for mark in LINE_BREAKS) + 1
    first = max(first, start - MARKED_LIMIT - 1)
    breaks = [at for mark in LINE_BREAKS if (at := body.find(mark, end)) >= 0]
    last = min(min(breaks, default=len(body)), end + MARKED_LIMIT + 1)
    shown: list[str] = [CUT] if start > 0 else []
    at = first
    for found in [*LINE_BREAK.finditer(body, first, last), None]:
        line_end = found.start() if found is not None else last
        gone = {at + index for index in _gone(body[at:line_end])}
        low, high = max(start, at), min(end, line_end)
        kept = low  # the characters between the places that change: sliced whole
        for index in sorted({i for i in (*gone, *marks) if low <= i < high}):
            shown += (body[kept:index], marks.get(index, ""))
            kept = index + 1 if index in gone else index
        shown.append(body[kept:high])
        if found is None:
            break
        if start <= found.start() < end:
            shown.append(marks.get(found.start(), "") + "\n")
        at = found.end()
    shown.append(marks.get(end, ""))
    return "".join(shown) + (CUT if end < len(body) else "")


def _whole_line(line: str) -> str:
    """``line`` (whole, it may hold the search's marks) without what the editor dims
    and the gap after its line-start markers; the marks stay where they were."""
    marks: dict[int, str] = {}
    if OPEN_MARK in line or CLOSE_MARK in line:
        kept: list[str] = []
        for char in line:
            if char in (OPEN_MARK, CLOSE_MARK):
                marks[len(kept)] = marks.get(len(kept), "") + char
            else:
                kept.append(char)
        line = "".join(kept)
    gone = _gone(line)
    if not gone and not marks:
        return line
    shown = [
        marks.get(index, "") + ("" if index in gone else char) for index, char in enumerate(line)
    ]
    return "".join(shown) + marks.get(len(line), "")


def _cut_line(text: str) -> str:
    """One line cut at a snippet's edge, without the markers that touch a word."""
    escaped = "\\" in text
    if escaped:
        text = _park(text)
    if text[:1] in _LINE_MARKERS or text[:1].isspace() or text[:1].isdigit():
        text = _FRAGMENT_LINE_START.sub("", text)
    if "*" in text or "_" in text or "~" in text:
        text = _FRAGMENT_MARKERS.sub("", text)
    if "`" in text:
        text = _unquote_code(text)
    return _unpark(text) if escaped else text

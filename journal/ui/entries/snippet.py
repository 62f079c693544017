"""A search result's snippet as a row shows it: whole words, whole characters, the hit in view.

Storage cuts a snippet out of a body at FTS5 token edges or at places
`journal.domain.entries.cuts` finds safe (an edge it cut is marked with "…"), a
good deal longer than a row, and its hit may lie anywhere in it. Here, with Qt's
own Unicode rules (`QTextBoundaryFinder`, no ICU needed):

* `whole_snippet` takes the "…" off as flags and widens each hit to whole
  graphemes (never inside a surrogate pair, a combining sequence or an emoji
  sequence);
* `fit_snippet` chooses the part of it that one row of ``width`` pixels shows, so
  that the first hit is in view, highlighted (bold, underlined), with words
  before it when they fit, and cut again only at boundaries, with "…" where
  text was left out.

Qt counts a string in UTF-16 code units and Python in code points; every position
handed to Qt here is converted (`journal.ui.common.utf16`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextOption

from journal.ui.common.utf16 import unit_offsets

__all__ = ["ELLIPSIS", "FittedSnippet", "fit_snippet", "whole_snippet"]

ELLIPSIS = "…"
SnippetParts = tuple[tuple[str, bool], ...]

_GRAPHEME = QTextBoundaryFinder.BoundaryType.Grapheme
_WORD = QTextBoundaryFinder.BoundaryType.Word
# Words before the hit may take up to this share of the row; the rest is for the
# hit and what follows it.
_LEAD_SHARE = 0.4


@lru_cache(maxsize=256)
def _boundaries(text: str, kind: QTextBoundaryFinder.BoundaryType) -> tuple[int, ...]:
    offsets = unit_offsets(text)
    astral = offsets[-1] != len(text)
    at = {unit: index for index, unit in enumerate(offsets)} if astral else None
    finder = QTextBoundaryFinder(kind, text)
    found = {0, len(text)}
    position = finder.toNextBoundary()
    while position != -1:
        index = position if at is None else at.get(position)
        if index is not None:
            found.add(index)
        position = finder.toNextBoundary()
    return tuple(sorted(found))


def boundaries(text: str, kind: QTextBoundaryFinder.BoundaryType) -> list[int]:
    """The code point positions in ``text`` where Qt finds a ``kind`` boundary,
    ascending, always with 0 and len(text)."""
    return list(_boundaries(text, kind))


def _spans(parts: SnippetParts) -> tuple[str, list[tuple[int, int]]]:
    text, spans, position = [], [], 0
    for part, matched in parts:
        if matched and part:
            spans.append((position, position + len(part)))
        text.append(part)
        position += len(part)
    return "".join(text), spans


def _parts(text: str, spans: list[tuple[int, int]]) -> SnippetParts:
    parts: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start > position:
            parts.append((text[position:start], False))
        parts.append((text[start:end], True))
        position = end
    if position < len(text):
        parts.append((text[position:], False))
    return tuple(parts)


@lru_cache(maxsize=1024)
def whole_snippet(parts: SnippetParts) -> tuple[SnippetParts, bool, bool]:
    """``parts`` (text, matched) as storage cut them -> (parts, cut_start, cut_end).

    Storage cuts only at safe places (FTS5 token edges, or
    `journal.domain.entries.cuts`) and marks a cut edge with "…". The returned
    parts hold no such "…" (``cut_start``/``cut_end`` say where one belongs) and
    no spaces at their edges, and every matched part is widened to whole
    graphemes (a hit on "a" inside "a" + U+0337 is the whole "a̷").
    """
    text, spans = _spans(parts)
    cut_start = text.startswith(ELLIPSIS) and not (spans and spans[0][0] == 0)
    cut_end = text.endswith(ELLIPSIS) and not (spans and spans[-1][1] == len(text))
    begin = len(ELLIPSIS) if cut_start else 0
    finish = len(text) - len(ELLIPSIS) if cut_end else len(text)
    piece = text[begin:finish]
    spans = [(max(s - begin, 0), min(e - begin, len(piece))) for s, e in spans]
    graphemes = boundaries(piece, _GRAPHEME)
    widened: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        start = graphemes[bisect.bisect_right(graphemes, start) - 1]
        end = graphemes[bisect.bisect_left(graphemes, end)]
        if widened and start <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(end, widened[-1][1]))
        else:
            widened.append((start, end))
    first_hit = widened[0][0] if widened else len(piece)
    last_hit = widened[-1][1] if widened else 0
    begin, finish = 0, len(piece)
    while begin < first_hit and piece[begin].isspace():
        begin += 1
    while finish > max(last_hit, begin) and piece[finish - 1].isspace():
        finish -= 1
    kept = [(start - begin, end - begin) for start, end in widened]
    return _parts(piece[begin:finish], kept), cut_start, cut_end


@dataclass(frozen=True, slots=True)
class FittedSnippet:
    """What one row draws: ``text`` and its hits as UTF-16 (start, length) for Qt."""

    text: str
    hits: tuple[tuple[int, int], ...]


def hit_format() -> QTextCharFormat:
    """How a hit is drawn: bold and underlined (not by colour alone)."""
    matched = QTextCharFormat()
    matched.setFontWeight(QFont.Weight.Bold)
    matched.setFontUnderline(True)
    return matched


def snippet_layout(snippet: FittedSnippet, font: QFont) -> QTextLayout:
    """A one-line, unwrapped layout of ``snippet`` in ``font``, hits bold and underlined."""
    layout = QTextLayout(snippet.text, font)
    formats = []
    matched = hit_format()
    for start, length in snippet.hits:
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = start, length, matched
        formats.append(span)
    layout.setFormats(formats)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)
    layout.endLayout()
    return layout


def _cut(
    text: str, spans: list[tuple[int, int]], begin: int, end: int, lead: bool, tail: bool
) -> FittedSnippet:
    shown = text[begin:end]
    offsets = unit_offsets(shown)
    prefix = 1 if lead else 0  # "…" is one UTF-16 unit
    hits = []
    for start, stop in spans:
        start, stop = max(start, begin) - begin, min(stop, end) - begin
        if stop > start:
            hits.append((prefix + offsets[start], offsets[stop] - offsets[start]))
    return FittedSnippet(
        (ELLIPSIS if lead else "") + shown + (ELLIPSIS if tail else ""), tuple(hits)
    )


def shown_width(snippet: FittedSnippet, font: QFont) -> float:
    """The width in pixels ``snippet`` takes drawn in ``font``."""
    layout = snippet_layout(snippet, font)  # kept alive: a QTextLine points into it
    return float(layout.lineAt(0).naturalTextWidth())


def fit_snippet(parts: SnippetParts, font: QFont, width: float) -> FittedSnippet:
    """The piece of a search snippet that fits one row ``width`` pixels wide in ``font``.

    The first hit is always in it; when the hit fits the row it is drawn whole,
    with the words before it that fit in ``_LEAD_SHARE`` of the row. The piece
    starts and ends at word boundaries where it can (grapheme boundaries
    otherwise), with "…" where text was left out. Widths are read off one layout
    of the whole snippet (the rows of a search are fitted on every key); the piece
    chosen is then measured itself, and measured piece by piece only should the
    estimate have been wrong (text mixing directions).
    """
    whole, cut_start, cut_end = whole_snippet(parts)
    text, spans = _spans(whole)
    if not text:
        return FittedSnippet("", ())
    everything = _cut(text, spans, 0, len(text), cut_start, cut_end)
    layout = snippet_layout(everything, font)  # kept alive: a QTextLine points into it
    line = layout.lineAt(0)
    if line.naturalTextWidth() <= width:
        return everything
    offsets = unit_offsets(text)
    lead_units = 1 if cut_start else 0
    ellipsis = QFontMetricsF(font).horizontalAdvance(ELLIPSIS)

    def estimate(begin: int, end: int, share: float = 1.0) -> bool:
        left: float = line.cursorToX(lead_units + offsets[begin])[0]  # type: ignore[index]
        right: float = line.cursorToX(lead_units + offsets[end])[0]  # type: ignore[index]
        marks = int(cut_start or begin > 0) + int(cut_end or end < len(text))
        return bool(abs(right - left) + marks * ellipsis + 1 <= width * share)

    def exact(begin: int, end: int, share: float = 1.0) -> bool:
        piece = _cut(text, spans, begin, end, cut_start or begin > 0, cut_end or end < len(text))
        return shown_width(piece, font) <= width * share

    fitted = _fitted(text, spans, cut_start, cut_end, estimate)
    if shown_width(fitted, font) <= width and _first_hit_whole(fitted, text, spans):
        return fitted
    # Too wide, or the hit cut: the estimate's pixel of margin refused a hit that fits
    # exactly ("กกกก" in a 66 px row shown as "กกก": session 24's fresh-clone run).
    measured = _fitted(text, spans, cut_start, cut_end, exact)
    if shown_width(fitted, font) > width or _first_hit_whole(measured, text, spans):
        return measured
    return fitted


def _first_hit_whole(fitted: FittedSnippet, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether ``fitted`` draws the first hit of ``text`` (its ``spans``) whole."""
    if not spans or not fitted.hits:
        return not spans
    _start, length = fitted.hits[0]
    hit_start, hit_end = spans[0]
    return length == len(text[hit_start:hit_end].encode("utf-16-le")) // 2


def _fitted(
    text: str,
    spans: list[tuple[int, int]],
    cut_start: bool,
    cut_end: bool,
    fits: Callable[..., bool],
) -> FittedSnippet:
    words = boundaries(text, _WORD)
    graphemes = boundaries(text, _GRAPHEME)
    hit_start, hit_end = spans[0] if spans else (0, 0)
    begin = 0
    if not fits(0, hit_end):
        # The earliest start that shows the hit with words before it, within the share.
        starts = [p for p in words if 0 < p <= hit_start and not text[p].isspace()] or [hit_start]
        chosen = _first(len(starts), lambda i: fits(starts[i], hit_end, _LEAD_SHARE))
        begin = starts[min(chosen, len(starts) - 1)]
        if not fits(begin, hit_end):
            begin = hit_start
    ends = [p for p in words if p > max(begin, hit_end)]
    found = _first(len(ends), lambda i: not fits(begin, ends[i])) - 1
    if found >= 0:
        end = ends[found]
    elif hit_end > begin and fits(begin, hit_end):
        end = hit_end  # the hit ends the text, or no word after it fits: the hit stays
    else:
        candidates = [p for p in graphemes if p > begin]
        found = _first(len(candidates), lambda i: not fits(begin, candidates[i])) - 1
        end = candidates[max(found, 0)]
    while end > hit_end and end > begin + 1 and text[end - 1].isspace():
        end -= 1
    return _cut(text, spans, begin, end, cut_start or begin > 0, cut_end or end < len(text))


def _first(count: int, holds: Callable[[int], bool]) -> int:
    """The least i in [0, count) for which ``holds`` (false, then true as i grows),
    or ``count`` when it never holds. A binary search: a few layouts per row."""
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + 1
    return low

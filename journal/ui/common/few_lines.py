"""A text shown in at most a few lines: wrapped at word boundaries like a label, the
last line shown ended with "…" when the rest does not fit.

For a line of words in a page that never scrolls (the Journal: the words come first),
where a long message wrapped to as many lines as it needed and was cut off at the
window's bottom edge ("Your words are still here and Solace will try", the entry's
save status at 1024x600 and 200 % text, issue 10). The whole text stays the label's
text, so a screen reader reads all of it; the tooltip shows it too (`Message`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption

__all__ = ["KEPT_TO_LINES", "FewLines", "few_lines", "one_line_width"]

ELLIPSIS = "…"
KEPT_TO_LINES = "solace_kept_to_lines"
"""The property set (True) on a label kept to a few lines: its height is its own
``heightForWidth``, not its whole text's (`journal.ui.common.fit.fit_label`)."""


@dataclass(frozen=True, slots=True)
class FewLines:
    """What is shown of a text: ``lines`` (each as drawn, the last one ended with "…"
    when ``cut``), and the height they take (pixels, the font's line spacing each)."""

    lines: tuple[str, ...]
    cut: bool
    height: int


def _wrapped(text: str, font: QFont, width: int) -> list[str]:
    """``text`` wrapped at ``width`` pixels as a word-wrapped label wraps it (at word
    boundaries, a word longer than the line broken anywhere; a newline starts a line)."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
        layout.endLayout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        if not paragraph:
            lines.append("")
    return lines


def one_line_width(text: str, font: QFont) -> int:
    """The width (pixels, rounded up) of the widest line of ``text`` in ``font``,
    unwrapped, as `few_lines` lays it out: at that width it wraps nowhere (a width
    from ``QFontMetrics.horizontalAdvance`` can be a pixel short of it, and the text
    took two lines)."""
    widest = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(1 << 24)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return math.ceil(widest)


def few_lines(text: str, font: QFont, width: int, most: int) -> FewLines:
    """``text`` in ``font`` wrapped at ``width`` pixels, kept to at most ``most`` lines
    (at least one): when it needs more, the last line kept holds as much of the rest
    as fits, ended with "…". Empty text is no lines and no height."""
    if not text:
        return FewLines((), False, 0)
    metrics = QFontMetrics(font)
    lines = _wrapped(text, font, width)
    most = max(1, most)
    cut = len(lines) > most
    if cut:
        rest = " ".join(part.strip() for part in lines[most - 1 :])
        last = metrics.elidedText(rest + ELLIPSIS, Qt.TextElideMode.ElideRight, max(1, width))
        lines = [*lines[: most - 1], last]
    return FewLines(tuple(line.rstrip() for line in lines), cut, len(lines) * metrics.lineSpacing())

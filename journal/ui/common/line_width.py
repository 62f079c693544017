"""The width of a text on one line, as Qt lays it out.

For a message in a wrapping row (`journal.ui.common.accessibility.Message`'s
``whole_line``): its size hint is its words on one line, so the row gives it a line of
its own when it has one. Measured with ``QTextLayout``, as a word-wrapped label lays
its text out: a width from ``QFontMetrics.horizontalAdvance`` can be a pixel short of
it, and "Saved at" took two lines (issue 10).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QTextLayout

__all__ = ["one_line_width"]


def one_line_width(text: str, font: QFont) -> int:
    """The width (pixels, rounded up) of the widest line of ``text`` (lines split at
    "\\n") in ``font``, unwrapped: at that width it wraps nowhere."""
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

"""A read-only field that shows its whole text at any text size.

Measured when asked, in the font it has then, never as a width set once: "Written on"
for a day the date field cannot show (a year-1 import) was given a minimum width at
the text size of the moment, and kept its 200 % width at 150 % (issue 10, break test
of session 18, finding 2).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit

__all__ = ["WholeTextField"]

#: Room (average characters) beside the text for the field's frame and padding.
MARGIN_CHARS = 4


class WholeTextField(QLineEdit):
    """A read-only QLineEdit at least as wide as its text and `MARGIN_CHARS` average
    characters more (pixels, in its font now)."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)

    def _whole_width(self) -> int:
        metrics = self.fontMetrics()
        return metrics.horizontalAdvance(self.text()) + MARGIN_CHARS * metrics.averageCharWidth()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._whole_width()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._whole_width()), hint.height())

"""A one-line label that ends in "…" when it has less room than its words need.

The open journal's name in the toolbar was cut in the middle of a letter at larger
text sizes, with nothing to say more was there (issue 10, break test of session 23,
F4: "Test <b>J</" at five steps of Ctrl++). Qt's toolbar gives a widget less than its
size hint when the window is narrow; a plain QLabel then draws its text clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStyleOption, QWidget

#: The fewest average characters the label keeps room for ("Journal…").
FEWEST_CHARACTERS = 6


class ElidedLabel(QLabel):
    """Plain text on one line, drawn whole when it fits and otherwise cut at the end
    with "…" (`QFontMetrics.elidedText`); the whole text stays its `text`, is its
    tooltip while it is cut, and is what a screen reader reads. It asks for room for
    its whole text and takes as little as `FEWEST_CHARACTERS` average characters."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tell_whole()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = self.fontMetrics().averageCharWidth() * FEWEST_CHARACTERS
        return QSize(min(hint.width(), least), hint.height())

    def shown_text(self) -> str:
        """The words as drawn now: the whole text, or its start and "…"."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def _tell_whole(self) -> None:
        """The whole text as the tooltip while it is cut, else none."""
        self.setToolTip("" if self.shown_text() == self.text() else self.text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_whole()

    def paintEvent(self, _event: QPaintEvent) -> None:
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            option.palette,
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()

"""A name shown whole however long its words: wrapped, or cut with "…" and told whole.

A journal's name may be one "word" of 60 letters. In a word-wrapped label Qt breaks
lines only between words, so such a word ran past the card's edge and was cut mid-letter
with the rest of the sentence ("For the journal “WWWW…" with no closing quote); a
drop-down drew it cut at its arrow with no "…" (issue 10, F8). Two ways out, one for
each kind of place a name is shown:

- in words that wrap (`breakable`, `show_wrapping`): a word longer than any word of a
  language (`LONGEST_WORD` characters) may break between any two of its characters,
  through zero-width spaces that draw nothing and that screen readers pass over; the
  label is named with the words as they were (`quoted` for a name in a sentence; what
  is announced is said without the breaks: `journal.ui.common.accessibility.announce`);
- on one line (`ElidedComboBox` here, `journal.ui.common.elided.ElidedLabel` for a
  label): cut at the end with "…", the whole name in its tooltip and in what a screen
  reader reads.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from journal.domain.common import bidi

__all__ = [
    "BREAK",
    "LONGEST_WORD",
    "ElidedComboBox",
    "breakable",
    "quoted",
    "show_wrapping",
    "unbroken",
]

#: A zero-width space: where a line may break, drawn as nothing.
BREAK = "\u200b"
#: The longest word left whole (characters): longer, it may break anywhere.
LONGEST_WORD = 20
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def breakable(text: str) -> str:
    """``text`` with a `BREAK` between the characters of each word longer than
    `LONGEST_WORD`, so that a wrapping label breaks it where its line ends; other
    words are left as they are."""
    return _LONG_WORD.sub(lambda word: BREAK.join(word.group()), text)


def unbroken(text: str) -> str:
    """``text`` without the breaks `breakable` put in: the words as they were."""
    return text.replace(BREAK, "")


def quoted(name: str) -> str:
    """A journal's ``name`` in quotes for a sentence that wraps ("“Ours”"), its long
    words breakable (`breakable`), set apart in its own direction (`bidi.quoted`)."""
    return bidi.quoted(breakable(name))


def show_wrapping(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` (word-wrapped, plain text), its long words breakable;
    the label is named with ``text`` as it is whenever breaks were put in."""
    shown = breakable(text)
    label.setText(shown)
    label.setAccessibleName(text if shown != text else "")


class ElidedComboBox(QComboBox):
    """A drop-down whose chosen item is drawn whole when it fits, and otherwise cut at
    the end with "…", the whole item its tooltip; the list that drops down cuts its
    items alike, each item's tooltip its whole text. What a screen reader reads (the
    current text) stays whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.currentIndexChanged.connect(self._tell_whole)
        model = self.model()
        model.rowsInserted.connect(self._tips)
        model.dataChanged.connect(self._tips)

    def _tips(self) -> None:
        """Every item's whole text as its tooltip."""
        for row in range(self.count()):
            if self.itemData(row, Qt.ItemDataRole.ToolTipRole) != self.itemText(row):
                self.setItemData(row, self.itemText(row), Qt.ItemDataRole.ToolTipRole)
        self._tell_whole()

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """The chosen item's text as drawn now: whole, or its start and "…"."""
        option = self._option()
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, max(0, room.width() - 2)
        )

    def _tell_whole(self) -> None:
        """The whole chosen text as the tooltip while it is cut, else none."""
        whole = self.currentText()
        self.setToolTip("" if self.shown_text() == whole else whole)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_whole()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._tell_whole()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        option = self._option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()

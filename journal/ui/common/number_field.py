"""A whole-number field that never changes what is typed into it without a word.

Qt's ``QSpinBox`` drops a key that would take its text past the range without a
word, and puts its last value back, silently too, when it is left holding a number
below its least: "15" typed into Cramping (0 to 10) kept "1", and the log was saved
as "1 of 10"; "999" in "Lock when idle for" kept "99" (issue 10, break test of
session 26, F0). Every number field of Solace is a `NumberField`, which says each
such refusal in words, under the field where its form has a line for it (its
``refused`` signal, as the date fields do: `field_notes.FieldNotes`), else at its
foot and aloud (as `length_limit` does).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QSpinBox, QToolTip

from journal.ui.common.accessibility import Politeness, announce
from journal.ui.common.keys_held import types_a_character
from journal.ui.common.length_limit import NOTE_SHOWN_MS

__all__ = ["NumberField", "range_words"]


def range_words(field: QSpinBox, typed: str) -> str:
    """What ``field`` says when ``typed`` (what its text would have become, prefix and
    suffix left out) cannot be its value: the number it holds, from its least value
    (or its special value's words) to its most."""
    least = field.minimum()
    if field.specialValueText():  # the least means "Not noted" or "Never"
        least += 1
    span = f"from {least} to {field.maximum()}{field.suffix()}"
    if not typed.strip().lstrip("-").isdigit():
        return f"This takes a whole number {span}."
    return f"This takes a number {span}, so {typed.strip()} was not kept."


class NumberField(QSpinBox):
    """A ``QSpinBox`` (whole numbers from ``minimum()`` to ``maximum()``) that says a
    key it refuses, and a number left below its least that it puts back, in words
    (`range_words`): through ``refused`` (str) when something is connected to it, else
    in a tooltip at its foot and aloud. ``taken`` is emitted when a typed key is
    taken, for a form's line to go. Arrow keys, the wheel (with the focus) and
    ``setValue`` stay as Qt has them: they never leave the range."""

    refused = Signal(str)
    taken = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self.lineEdit()
        before = edit.text()
        typed = event.text()
        start = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
        end = start + len(edit.selectedText())
        super().keyPressEvent(event)
        if not types_a_character(event):
            return
        wanted = before[:start] + typed + before[end:]
        # Taken when the text changed, or when it reads as typed: "9" typed over a
        # selected "9" (a form brought back as it was left) changes nothing, and was
        # said as "9 was not kept" under a field holding 9 (break test 43, seen at 150
        # and 200 % text).
        if edit.text() != before or edit.text() == wanted:
            self.taken.emit()
            return
        self._say(range_words(self, self._bare(wanted)))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        text = self.lineEdit().text()
        state = self.validate(text, self.lineEdit().cursorPosition())[0]
        super().focusOutEvent(event)  # Qt puts the last value back when not acceptable
        if state != QValidator.State.Acceptable and text != self.specialValueText():
            self._say(range_words(self, self._bare(text)))

    def _bare(self, text: str) -> str:
        """``text`` without the field's prefix and suffix."""
        return text.removeprefix(self.prefix()).removesuffix(self.suffix())

    def _say(self, words: str) -> None:
        if self.receivers("2refused(QString)") > 0:
            self.refused.emit(words)
            return
        # After the event that refused: the focus moving on (Tab) hides a tooltip
        # shown while it moves.
        QTimer.singleShot(0, self, lambda: self._show_tip(words))
        announce(self, words, Politeness.ASSERTIVE)

    def _show_tip(self, words: str) -> None:
        foot = self.mapToGlobal(QPoint(0, self.height()))
        QToolTip.showText(foot, words, self, QRect(), NOTE_SHOWN_MS)

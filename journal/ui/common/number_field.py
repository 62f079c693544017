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

import unicodedata

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QSpinBox, QToolTip, QWidget

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
    if field.specialValueText() and field.minimum() >= 0:  # 0 typed is "Never": say so
        span += f" ({field.minimum()} for {field.specialValueText()})"
    if not typed.strip().lstrip("-").isdigit():
        return f"This takes a whole number {span}."
    return f"This takes a number {span}, so {typed.strip()} was not kept."


class NumberField(QSpinBox):
    """A ``QSpinBox`` (whole numbers from ``minimum()`` to ``maximum()``) that says a
    key it refuses, and a number left below its least that it puts back, in words
    (`range_words`): through ``refused`` (str) when something is connected to it, else
    in a tooltip at its foot and aloud. ``taken`` is emitted when a typed key is
    taken, for a form's line to go. Arrow keys, the wheel (with the focus) and
    ``setValue`` stay as Qt has them: they never leave the range.

    A refusal holds until the field's value is chosen again (a key taken, a step,
    ``setValue``): while it holds, `kept_refusal` gives its words and a Save refuses
    on them (`field_notes.refused_on_save`, `FieldNotes.refuse_kept`). "11" typed in
    Cramping showed 1 with "11 was not kept" under it, and Ctrl+Enter saved "1 of 10"
    (break test 44, F1): a pain of 11 was kept as almost none."""

    refused = Signal(str)
    taken = Signal()
    #: Emptied, the field takes its least value, whose words say nothing was noted
    #: (Cramping's "Not noted"); else it keeps the number it held.
    empty_is_least = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refusal: str | None = None
        self._refused_at = 0  # the value shown when the refusal was said
        # Qt says "changed" at Enter with the value unchanged: only a new value counts.
        self.valueChanged.connect(self._changed)

    def kept_refusal(self) -> str | None:
        """The words said of a number typed and not kept while the field still shows
        the one before it, or None."""
        return self._refusal

    def refuse_save(self) -> bool:
        """Before a Save: while a refusal holds, say it again (as when it was made), put
        the focus here and return True (nothing is to be saved); else False."""
        if self._refusal is None:
            return False
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(self._refusal)
        return True

    def hold_refusal(self, words: str) -> None:
        """Hold and say ``words``, a refusal kept over a lock (a form's draft, a dialog
        given back): the number shown is then not the one typed, and a Save refuses
        until a number is chosen again (re-test 44, N1: the lock kept the "1" left of
        "11", and the log was saved as "1 of 10" after the unlock)."""
        self._say(words)

    def setValue(self, value: int) -> None:
        """Show ``value``, set by the program or a step: a refusal held goes."""
        self._chosen()
        super().setValue(value)

    def _chosen(self) -> None:
        self._refusal = None

    def _changed(self, value: int) -> None:
        if value != self._refused_at:
            self._chosen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key typed, taken or said as refused; a digit of another script ("٧",
        "۷", "７") is taken as the digit it is (break test 44: "٧" was refused as out
        of a range of 0 to 10)."""
        digit = _ascii_digit(event.text())
        if digit is not None:
            key = Qt.Key(Qt.Key.Key_0.value + int(digit))
            event = QKeyEvent(event.type(), key, event.modifiers(), digit)
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
            self._chosen()
            self.taken.emit()
            return
        self._say(range_words(self, self._bare(wanted)))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Left: a number below the least is put back and said (and held, as a key
        refused is). A field emptied is no number refused (re-test 44, N2: the digit
        left of "11", rubbed out, came back with "This takes a whole number", and Save
        still refused): with ``empty_is_least`` it says its least value's words ("Not
        noted"), else it keeps the number it held, said so."""
        text = self.lineEdit().text()
        state = self.validate(text, self.lineEdit().cursorPosition())[0]
        emptied = not self._bare(text).strip()
        super().focusOutEvent(event)  # Qt puts the last value back when not acceptable
        if emptied and self.empty_is_least:
            self.setValue(self.minimum())
        elif emptied and text != self.specialValueText():
            self._chosen()
            self._tell(f"Nothing was typed here, so it keeps {self.text()}.")
        elif state != QValidator.State.Acceptable and text != self.specialValueText():
            self._say(range_words(self, self._bare(text)))

    def _bare(self, text: str) -> str:
        """``text`` without the field's prefix and suffix."""
        return text.removeprefix(self.prefix()).removesuffix(self.suffix())

    def _say(self, words: str) -> None:
        """Say ``words`` of a number refused, and hold the refusal (`kept_refusal`)."""
        self._refusal, self._refused_at = words, self.value()
        self._tell(words)

    def _tell(self, words: str) -> None:
        """Say ``words`` under the field (``refused``), else at its foot and aloud."""
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


def _ascii_digit(text: str) -> str | None:
    """The ASCII digit "0" to "9" that ``text``, one decimal digit of another script
    (Arabic-Indic, Persian, Devanagari, full-width), stands for; None for anything
    else (an ASCII digit is typed as it is)."""
    if len(text) != 1 or text.isascii():
        return None
    value = unicodedata.decimal(text, None)
    return None if value is None else str(value)

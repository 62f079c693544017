"""A one-line field that holds a limited number of characters says so when it is full,
and never keeps a cut paste.

Qt's ``QLineEdit.setMaxLength`` drops a key typed at the limit without a word, and cuts
a paste or a drop to the part that fits: the journal's name stopped at 60 characters
and "…2026 journal" became "…2026 j" as it was typed (issue 10, break test of session
24, finding 14). Every limited field of Solace is made with `limit_length`, which sets
the limit and answers Qt's ``inputRejected``: a text that went in cut short is put back
as it was, whole, and a note under the field (a tooltip at its foot, or the line
given as ``note``, which stays until the text changes) and an announcement say how
many characters it holds. The entry's title, whose note has its own line in the
editor, says it there instead (`journal.ui.entries.editor`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QLineEdit, QToolTip

from journal.ui.common.accessibility import Message, Politeness, announce

__all__ = ["NOTE_SHOWN_MS", "full_words", "limit_length"]

#: How long the note stays at the field's foot (ms), unless the mouse moves away.
NOTE_SHOWN_MS = 10_000


def full_words(most: int) -> str:
    """What a field of at most ``most`` characters says when more would not go in: a
    key typed at the limit, or a paste kept out whole (not "what went past that",
    which a refused paste is not: issue 10, break test of session 25, F11)."""
    return f"This holds up to {most:,} characters, so that was not added."


def limit_length(
    field: QLineEdit, most: int, *, says_it: bool = True, note: Message | None = None
) -> QLineEdit:
    """Let ``field`` hold at most ``most`` characters; returns it. A key typed at the
    limit, or a paste or drop that would not fit, is refused in words (`full_words`)
    and loses nothing: a text Qt cut to fit is put back as it was. The words show on
    ``note`` (the line under the field) until the text changes, else in a tooltip at
    the field's foot, gone at the next key or Tab: a journal's name typed on past 60
    characters stopped "…that keeps goin" with nothing left to say why (break test
    39, finding 7). With ``says_it`` False the field's screen says it in its own place
    (connect to ``field.inputRejected`` for that)."""
    field.setMaxLength(most)
    if says_it:
        _Kept(field, most, note)
    return field


class _Kept(QObject):
    """The text and caret ``field`` had after its last change: Qt has already put the
    cut paste in when it says ``inputRejected`` (its text and caret are told after)."""

    def __init__(self, field: QLineEdit, most: int, note: Message | None) -> None:
        super().__init__(field)
        self.field, self.note = field, note
        self.words = full_words(most)  # what a refusal says here
        self.text, self.caret = field.text(), field.cursorPosition()
        field.textChanged.connect(self._changed)
        field.cursorPositionChanged.connect(self._moved)
        field.inputRejected.connect(self._refused)

    def _changed(self, text: str) -> None:
        self.text = text
        if self.note is not None and self.note.text() == self.words:
            self.note.clear()  # said of a text there no longer

    def _moved(self, _old: int, new: int) -> None:
        self.caret = new

    def _refused(self) -> None:
        before, caret = self.text, self.caret
        QTimer.singleShot(0, self, lambda: self._say(before, caret))

    def _say(self, before: str, caret: int) -> None:
        field = self.field
        if field.text() != before:  # a paste or drop cut to fit: back as it was, whole
            field.setText(before)
            field.setCursorPosition(caret)
        if self.note is not None:
            self.note.refuse(self.words)  # heard at each try
            return
        foot = field.mapToGlobal(QPoint(0, field.height()))
        QToolTip.showText(foot, self.words, field, field.rect(), NOTE_SHOWN_MS)
        announce(field, self.words, Politeness.ASSERTIVE)

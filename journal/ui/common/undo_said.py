"""Undo and redo in any text field say what they took back or put back.

Qt's own accessibility events for an undo carry only blanks for removed text, so a
screen reader heard nothing useful ("space space space") or nothing at all: in an
entry's title and in Together's response box an undo was silent (issue 15, findings
9 and 32). One application-wide event filter (`install_undo_said`) takes Undo and
Redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y: Qt's standard keys) in every editable, non-secret
one-line or multi-line text field, does the step and says it politely in words
("Undone: typing “a quiet evening”"); Edit > Undo and Redo go through the same
`undo_and_say`. A field that says its own steps (the entry's words, which undo a word
at a time, see `undo_steps`) is marked with `says_own_undo` and left to itself.
Fields holding a secret are left silent: their text is never said.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from journal.domain.common.words import shorten
from journal.ui.common.accessibility import announce, is_secret
from journal.ui.common.app_filter import install_once

__all__ = [
    "SAID_LENGTH",
    "UndoSaid",
    "install_undo_said",
    "say_step",
    "say_text",
    "says_own_undo",
    "undo_and_say",
]

SAID_LENGTH = 80  # characters of an undone piece of text said aloud, at most
_BLANKS = {" ": "a space", "\t": "a tab", "\n": "a line break"}
_PARAGRAPH_SEPARATOR = "\u2029"  # how QTextDocument separates blocks in its raw text
_SAYS_OWN = "solaceSaysOwnUndo"
_FILTER_NAME = "solaceUndoSaid"

TextField = QLineEdit | QPlainTextEdit | QTextEdit


def say_text(text: str) -> str:
    """``text`` as a screen reader should hear it in "Undone: …": quoted and cut to
    SAID_LENGTH characters, or named when it is only blank ("a tab", "a line break",
    "blank space")."""
    text = text.replace(_PARAGRAPH_SEPARATOR, "\n")
    words = text.strip()
    if not words:
        return _BLANKS.get(text, "blank space")
    words = shorten(words, SAID_LENGTH)  # never inside a character a person sees
    return f"“{words}”"


def say_step(undone: bool, removed: str, added: str) -> str:
    """What one undo (``undone``) or redo did, in words: the text it took away
    (``removed``) and put in (``added``), as Qt's own events carry only blanks for
    removed text (break test 15 of session 7, finding 11)."""
    verb = "Undone" if undone else "Redone"
    typed, deleted = (removed, added) if undone else (added, removed)
    if typed and not deleted:
        return f"{verb}: typing {say_text(typed)}"
    if deleted and not typed:
        return f"{verb}: deleting {say_text(deleted)}"
    return f"{verb}: {say_text(added)} in place of {say_text(removed)}"


def difference(before: str, after: str) -> tuple[str, str]:
    """What changed from ``before`` to ``after``: (the text removed, the text added),
    without the start and end they share."""
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    removed, added = before[same:], after[same:]
    while removed and added and removed[-1] == added[-1]:
        removed, added = removed[:-1], added[:-1]
    return removed, added


def says_own_undo(field: QWidget) -> QWidget:
    """Mark ``field`` as saying its own undo and redo steps (the filter leaves it
    alone). Returns ``field``."""
    field.setProperty(_SAYS_OWN, True)
    return field


def _text_of(field: TextField) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def _editable(field: QWidget) -> TextField | None:
    """``field`` when it is a text field whose undo this module says, else None."""
    if not isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit):
        return None
    if field.isReadOnly() or not field.isEnabled() or is_secret(field):
        return None
    if field.property(_SAYS_OWN):
        return None
    return field


def undo_and_say(field: QWidget, *, undone: bool) -> bool:
    """Undo (``undone``) or redo one step in ``field`` and say politely what it took
    back or put back. False (nothing done) when ``field`` is no editable text field
    this module speaks for (a secret, read-only, or one that says its own)."""
    editable = _editable(field)
    if editable is None:
        return False
    before = _text_of(editable)
    if undone:
        editable.undo()
    else:
        editable.redo()
    removed, added = difference(before, _text_of(editable))
    if removed or added:
        announce(editable, say_step(undone, removed, added))
    return True


class UndoSaid(QObject):
    """Undo and Redo keys in a text field: done here, and said (see the module)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            undone = True
        elif event.matches(QKeySequence.StandardKey.Redo):
            undone = False
        else:
            return False
        if not isinstance(watched, QWidget):
            return False
        return undo_and_say(watched, undone=undone)


def install_undo_said(app: QApplication | None = None) -> UndoSaid | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(UndoSaid, _FILTER_NAME, app)

"""Undo in a text field takes back what was typed a word at a time, and never what
was loaded into it.

Qt merges every character typed next to the one before into the same undo step for
as long as the document is "modified" (``QTextDocumentPrivate::appendUndoItem`` only
merges while ``isModified()``), and nothing in Solace ever cleared that flag: a whole
entry typed in one go was one undo step, so one Ctrl+Z after a stray Tab took back
every word typed since the entry was opened, and the next autosave wrote the empty
entry (break test 15 of session 7, finding 11).

Two places now end a step, as a word processor does:
- `checkpoint`: what was just written to the journal (the entry editor calls it when it
  takes the snapshot a save writes), so undo never takes back more than the typing
  since the last save in one step;
- a space, tab or line break typed after a character that is none (`WordSteps`), so
  undo takes back the last word typed, then the one before.

Loading a field is never an undo step: ``QPlainTextEdit.setPlainText`` and
``QLineEdit.setText`` clear the history, but ``QLineEdit.clear()`` is an undoable
edit (Ctrl+Z in the emptied field brings back what it held): use `empty` for a field
emptied by the app.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

BREAKS = frozenset(" \t\r\n\u00a0\u2029")  # typed, each starts an undo step of its own


def checkpoint(edit: QPlainTextEdit | QTextEdit) -> None:
    """End the undo step being typed in ``edit``: the next key starts a new one."""
    edit.document().setModified(False)


def empty(field: QLineEdit) -> None:
    """Empty ``field`` as the app does (after a save, at lock) without an undo step:
    Ctrl+Z in it can never bring back what it held."""
    field.setText("")


class WordSteps(QObject):
    """Ends the undo step of a text field before each space, tab or line break typed
    after a character that is none (see the module's docstring). Owned by the field."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # None while Qt builds or drops this filter (its attributes are not there yet)
        edit: QPlainTextEdit | QTextEdit | None = getattr(self, "_edit", None)
        if edit is not None and watched is edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            typed = event.text()
            if typed and typed[0] in BREAKS:
                cursor = edit.textCursor()
                document = edit.document()
                start = cursor.selectionStart()
                before = document.characterAt(start - 1) if start > 0 else ""
                if cursor.hasSelection() or (before and before not in BREAKS):
                    checkpoint(edit)
        return False


def undo_by_words(edit: QPlainTextEdit | QTextEdit) -> WordSteps:
    """Make undo in ``edit`` take back a word at a time (see `WordSteps`)."""
    return WordSteps(edit)

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
- a space, tab or line break typed after a character that is none (`end_word_step`,
  called by the entry editor's key handling and, for every other multi-line field (a
  response in Together, a body log's note, an appointment's questions), by the
  application's undo filter, `undo_said.UndoSaid`), so undo takes back the last word
  typed, then the one before. Together's response box went back empty in one step.

Loading a field is never an undo step: ``QPlainTextEdit.setPlainText`` and
``QLineEdit.setText`` clear the history, but ``QLineEdit.clear()`` is an undoable
edit (Ctrl+Z in the emptied field brings back what it held): use `empty` for a field
emptied by the app.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

BREAKS = frozenset(" \t\r\n\u00a0\u2029")  # typed, each starts an undo step of its own


def checkpoint(edit: QPlainTextEdit | QTextEdit) -> None:
    """End the undo step being typed in ``edit``: the next key starts a new one."""
    edit.document().setModified(False)


def empty(field: QLineEdit) -> None:
    """Empty ``field`` as the app does (after a save, at lock) without an undo step:
    Ctrl+Z in it can never bring back what it held."""
    field.setText("")


def end_word_step(edit: QPlainTextEdit | QTextEdit, typed: str) -> None:
    """Before the key that types ``typed`` goes into ``edit``: end the undo step when it
    is a space, tab or line break after a character that is none, or replaces a
    selection (see the module's docstring). Called from the editor's own
    ``keyPressEvent`` and from the one application-wide undo filter: no filter on the
    field itself (a Python filter on a widget being torn down is one more object Qt
    can delete behind Python's back)."""
    if not typed or typed[0] not in BREAKS:
        return
    cursor = edit.textCursor()
    start = cursor.selectionStart()
    before = edit.document().characterAt(start - 1) if start > 0 else ""
    if cursor.hasSelection() or (before and before not in BREAKS):
        checkpoint(edit)

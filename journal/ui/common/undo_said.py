"""Undo and redo in any text field, date field or spin box say what they took back or
put back, however they were asked for.

Qt's own accessibility events for an undo carry only blanks for removed text, so a
screen reader heard nothing useful ("space space space") or nothing at all: in an
entry's title and in Together's response box an undo was silent (issue 15, findings
9 and 32). Every way of asking goes through one function, `undo_and_say`, which does
the step and says it politely in words ("Undone: typing “a quiet evening”"):
- Undo and Redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y: Qt's standard keys), taken by one
  application-wide event filter (`install_undo_said`);
- Undo and Redo in the field's own right-click menu: Qt wires them straight to the
  field's C++ undo, which said nothing (issue 15, break tests); the filter sees each
  standard menu as it is shown (its actions are named "edit-undo" and "edit-redo" by
  Qt) and wires those two to `undo_and_say` instead;
- Edit > Undo and Redo (the main window's `_edit`).
A field that says its own steps (the entry's words, which undo a word at a time, see
`undo_steps`) is marked with `says_own_undo`: its own ``undo`` and ``redo`` are called.
A date field or spin box (`QAbstractSpinBox`) undoes in the line edit inside it and
says the value it now shows ("Undone: back to 37.2 °C"): Qt handed the key to that
line edit directly, past every filter, so it was silent.
Fields holding a secret are left silent: their text is never said.

The same filter ends an undo step at each word typed in every multi-line text field
(`undo_steps.end_word_step`), so one Ctrl+Z takes back a word everywhere, as in the
entry's words, never a whole response (issue 15, break tests).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDoubleSpinBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.common.words import shorten
from journal.ui.common.accessibility import announce, is_secret
from journal.ui.common.app_filter import install_once
from journal.ui.common.undo_steps import end_word_step
from journal.ui.common.widgets import typed_text

__all__ = [
    "MENU_REDO",
    "MENU_UNDO",
    "SAID_LENGTH",
    "UndoSaid",
    "install_undo_said",
    "say_step",
    "say_text",
    "say_value",
    "says_own_undo",
    "undo_and_say",
]

SAID_LENGTH = 80  # characters of an undone piece of text said aloud, at most
_BLANKS = {" ": "a space", "\t": "a tab", "\n": "a line break"}
_PARAGRAPH_SEPARATOR = "\u2029"  # how QTextDocument separates blocks in its raw text
_SAYS_OWN = "solaceSaysOwnUndo"
_FILTER_NAME = "solaceUndoSaid"
_WIRED = "solaceUndoSaidWired"  # set on a menu action once it goes to `undo_and_say`
#: The object names Qt gives Undo and Redo in a field's standard context menu
#: (``QLineEdit``/``QWidgetTextControl::createStandardContextMenu``).
MENU_UNDO = "edit-undo"
MENU_REDO = "edit-redo"

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
    return quoted(words)


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


def say_value(undone: bool, shown: str) -> str:
    """What one undo (``undone``) or redo did in a date field or spin box, in words: the
    value it shows now, as shown ("Undone: back to 37.2 °C", "Redone: 38.0 °C")."""
    return f"Undone: back to {shown}" if undone else f"Redone: {shown}"


def says_own_undo(field: QWidget) -> QWidget:
    """Mark ``field`` as saying its own undo and redo steps: `undo_and_say` calls its
    ``undo`` or ``redo`` and says nothing itself. Returns ``field``."""
    field.setProperty(_SAYS_OWN, True)
    return field


def _text_of(field: TextField) -> str:
    return field.text() if isinstance(field, QLineEdit) else typed_text(field)


def _spin_box(field: QObject) -> QAbstractSpinBox | None:
    """The date field or spin box ``field`` is, or whose line edit it is, when it can be
    changed; else None."""
    parent = field.parent() if isinstance(field, QLineEdit) else None
    if isinstance(parent, QAbstractSpinBox) and parent.lineEdit() is field:
        spin: QObject = parent
    else:
        spin = field
    if not isinstance(spin, QAbstractSpinBox):
        return None
    if spin.isReadOnly() or not spin.isEnabled():
        return None
    return spin


def _editable(field: QObject) -> TextField | None:
    """``field`` when it is a text field whose undo this module does, else None."""
    if not isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit):
        return None
    if field.isReadOnly() or not field.isEnabled() or is_secret(field):
        return None
    return field


def _speaks_for(field: QObject) -> bool:
    """Whether `undo_and_say` does (and says) undo and redo in ``field``."""
    return _spin_box(field) is not None or _editable(field) is not None


def undo_and_say(field: QObject, *, undone: bool) -> bool:
    """Undo (``undone``) or redo one step in ``field`` and say politely what it took
    back or put back (see the module). False (nothing done) when ``field`` is no
    editable text field, date field or spin box (a secret, read-only or disabled)."""
    spin = _spin_box(field)
    if spin is not None:
        return _step_value(spin, undone=undone)
    editable = _editable(field)
    if editable is None:
        return False
    if editable.property(_SAYS_OWN):
        editable.undo() if undone else editable.redo()
        return True
    before = _text_of(editable)
    if undone:
        editable.undo()
    else:
        editable.redo()
    removed, added = difference(before, _text_of(editable))
    if removed or added:
        announce(editable, say_step(undone, removed, added))
    return True


def _step_value(spin: QAbstractSpinBox, *, undone: bool) -> bool:
    """Undo or redo in ``spin``'s line edit (where Qt keeps what was typed; the spin box
    reads the value back from it) and say the value shown now."""
    line = spin.lineEdit()
    before = spin.text()
    if undone:
        line.undo()
    else:
        line.redo()
    _value_follows_text(spin)
    shown = spin.text()
    if shown != before:
        announce(spin, say_value(undone, shown.strip()))
    return True


def _value_follows_text(spin: QAbstractSpinBox) -> None:
    """Make ``spin``'s value the one its text now shows, without a new undo step: left
    to the next key, an undo back to "Not noted" (the special value text, which Qt's
    own validate refuses as typed) kept the typed 7 as the value under it, and the
    context menu's closing showed 7 again."""
    text = spin.lineEdit().text()
    if isinstance(spin, QSpinBox | QDoubleSpinBox) and text == spin.specialValueText() != "":
        # The same text shown again: Qt keeps the line's history.
        spin.setValue(spin.minimum())  # type: ignore[arg-type]  # each its own minimum
        return
    if spin.validate(text, 0)[0] == QValidator.State.Acceptable:
        spin.interpretText()


def _field_of(owner: QObject | None) -> QWidget | None:
    """The field a context menu made with ``owner`` as its parent belongs to: a
    multi-line field's menu is its viewport's child (Qt 6.11), a line's its own."""
    scroll_area = owner.parent() if isinstance(owner, QWidget) else None
    if isinstance(scroll_area, QPlainTextEdit | QTextEdit) and scroll_area.viewport() is owner:
        return scroll_area
    return owner if isinstance(owner, QWidget) else None


def _wire_menu(menu: QMenu) -> None:
    """Send Undo and Redo of ``menu``, a field's standard context menu (its parent is
    the field or the field's viewport), to `undo_and_say`: Qt connected them to the
    field's own undo, which says nothing."""
    field = _field_of(menu.parent())
    if field is None or not _speaks_for(field):
        return
    for action in menu.actions():
        name = action.objectName()
        if name not in (MENU_UNDO, MENU_REDO) or action.property(_WIRED):
            continue
        action.triggered.disconnect()  # Qt's own, to the field's silent undo or redo
        action.triggered.connect(partial(_chosen, field, name == MENU_UNDO))
        action.setProperty(_WIRED, True)


def _chosen(field: QWidget, undone: bool, _checked: bool = False) -> None:
    undo_and_say(field, undone=undone)


def _group_typing(watched: QObject, event: QKeyEvent) -> None:
    """End the undo step before a word break typed in any multi-line text field, so
    undo takes back a word (`undo_steps.end_word_step`), never all that was typed. A
    field that says its own steps (the entry's words) groups its own typing: left
    alone, so no key ends a step twice."""
    if not isinstance(watched, QPlainTextEdit | QTextEdit) or watched.property(_SAYS_OWN):
        return
    if _editable(watched) is not None:
        end_word_step(watched, event.text())


class UndoSaid(QObject):
    """Undo and Redo keys in a field, done and said here; Undo and Redo in a field's
    context menu sent here as it is shown; typing in a multi-line field grouped by
    word (see the module)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress, QEvent.Type.Show})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            if isinstance(watched, QMenu):
                _wire_menu(watched)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            undone = True
        elif event.matches(QKeySequence.StandardKey.Redo):
            undone = False
        else:
            _group_typing(watched, event)
            return False
        return undo_and_say(watched, undone=undone)


def install_undo_said(app: QApplication | None = None) -> UndoSaid | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(UndoSaid, _FILTER_NAME, app)

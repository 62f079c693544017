"""The keys of a multi-line field in a form or dialog (not an entry's own text).

In such a field (the questions for an appointment, a log's note, what to add to the
doctor's summary, a response, a prompt's answer) Enter types a new line, so the keys
that finish or leave a one-line field need another way: Tab and Ctrl+Tab both move
on to the next field, Shift+Tab and Ctrl+Shift+Tab back, and Ctrl+Enter does what
Enter does in the form's one-line fields, pressing its main button (a dialog's
default button, or a page's main button: `main_button`). In "Questions to ask",
Ctrl+Tab did nothing and Ctrl+Enter did not save (break test 10 of session 17,
finding 13). An entry's text keeps its own rule, where Tab types a tab and Ctrl+Tab
moves on (README, "Where | Keys"); Ctrl+Tab moves on in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["form_field_keys"]

_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CONTROL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


def form_field_keys(field: QWidget, event: QKeyEvent) -> bool:
    """Handle ``event``, a key pressed in ``field`` (a multi-line field of a form or
    dialog), when it is one of the form's keys: Tab or Ctrl+Tab (with Shift: back)
    moves the focus on, Ctrl+Enter presses the form's main button. Returns True when
    it did (the event is accepted); False for every other key, which the field types.
    """
    key, modifiers = event.key(), event.modifiers() & ~_KEYPAD
    if key in _TAB_KEYS and not modifiers & ~(_CONTROL | _SHIFT):
        back = key == Qt.Key.Key_Backtab or bool(modifiers & _SHIFT)
        QWidget.focusNextPrevChild(field, not back)
        event.accept()
        return True
    if key in _ENTER and modifiers == _CONTROL:
        event.accept()
        parent = field.parentWidget()
        if parent is not None and not event.isAutoRepeat():
            # Enter as if typed in a one-line field of the form: it goes up from the
            # field's parent to whoever presses the main button (QDialog, MainButton).
            enter = QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
            )
            QApplication.sendEvent(parent, enter)
        return True
    return False

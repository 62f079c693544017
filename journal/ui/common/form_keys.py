"""The keys of a multi-line field in a form or dialog (not an entry's own text).

In such a field (the questions for an appointment, a log's note, what to add to the
doctor's summary, a response, a prompt's answer) Enter types a new line, and so does
Shift+Enter (`typed_key`), so the keys
that finish or leave a one-line field need another way: Tab and Ctrl+Tab both move
on to the next field, Shift+Tab and Ctrl+Shift+Tab back, and Ctrl+Enter does what
Enter does in the form's one-line fields, pressing its main button (a dialog's
default button, or a page's main button: `main_button`). In "Questions to ask",
Ctrl+Tab did nothing and Ctrl+Enter did not save (break test 10 of session 17,
finding 13). An entry's text keeps its own rule, where Tab types a tab and Ctrl+Tab
moves on (README, "Where | Keys"); Ctrl+Tab moves on in both.

Ctrl+Enter presses the main button itself (`press_main_button`): the nearest part
around the field that has one (`main_button.MainButton`), else the default button of
its dialog. It used to send a plain Enter to the field's parent, and whatever took a
plain Enter on the way up did its own thing with it: in Together the page read the
entry's words and took the focus from the response; the body log's form and the
couple prompts' page had no main button to find, and nothing happened, silently
(break test 15 of session 18, finding 7).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from journal.ui.common.main_button import MainButton

__all__ = ["form_field_keys", "main_button_of", "press_main_button", "typed_key"]

log = logging.getLogger(__name__)

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
        if not event.isAutoRepeat() and not press_main_button(field):
            log.warning("Ctrl+Enter in a %s found no main button", type(field).__name__)
        return True
    return False


def typed_key(event: QKeyEvent) -> QKeyEvent:
    """The key ``event`` as a multi-line field of a form types it: Shift+Enter as
    Enter, a new line; every other key as it is. Qt's own Shift+Enter typed U+2028, a
    character that only looks like a line break, which the export and the CSV kept as
    one line (break test 38, finding 8; the entry editor does the same,
    `MarkdownEditor.new_line`)."""
    if event.key() in _ENTER and event.modifiers() & ~_KEYPAD == _SHIFT:
        unshifted = event.modifiers() & ~_SHIFT
        return QKeyEvent(event.type(), event.key(), unshifted, "\r", event.isAutoRepeat())
    return event


def main_button_of(field: QWidget) -> MainButton | QPushButton | None:
    """What Ctrl+Enter in ``field`` presses: the `MainButton` of the nearest part
    around it whose button is not hidden in it, else the default button of its dialog
    (not hidden, as Qt's ``QDialog`` looks for it on Enter), looked for up to the
    field's window; None when there is neither."""
    part = field.parentWidget()
    while part is not None:
        for child in part.children():
            if isinstance(child, MainButton) and child.button.isVisibleTo(part):
                return child
        if isinstance(part, QDialog):
            buttons = part.findChildren(QPushButton)
            return next((b for b in buttons if b.isDefault() and b.isVisibleTo(part)), None)
        if part.isWindow():
            return None
        part = part.parentWidget()
    return None


def press_main_button(field: QWidget) -> bool:
    """Press the main button of the form or dialog around ``field`` (`main_button_of`):
    a disabled `MainButton` says what it needs instead, a disabled default button of a
    dialog does nothing (as Enter there). Returns False when there is none."""
    button = main_button_of(field)
    if isinstance(button, MainButton):
        button.press()
    elif button is not None and button.isEnabled():
        button.click()
    return button is not None

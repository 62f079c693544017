"""An Alt+letter that is no shortcut types nothing.

Qt's text fields take the text of any key press without Ctrl, so Alt with a letter
that no button, menu or shortcut used at that moment (the mnemonic of a hidden
button: Alt+L for "Show the list" while the list shows) was typed into the field
that had the focus: an entry gained an "l" the person never wrote, and autosave kept
it (break test 16 of session 9, finding 1). A shortcut or mnemonic that matches is
handled before the key press reaches a field, so one that arrives here has none.

AltGr, which types letters on many keyboards, is not Alt: on X11 and Wayland it
comes as its own modifier, and on Windows as Ctrl+Alt, both left alone here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from journal.ui.common.app_filter import install_once

__all__ = ["AltLettersNotTyped", "install_alt_keys"]

_NAME = "solaceAltLettersNotTyped"
_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def typed_by_alt(event: QKeyEvent) -> bool:
    """Whether ``event`` is Alt (without Ctrl) with a key that would type text."""
    modifiers = event.modifiers()
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    return alt and not ctrl and bool(event.text()) and event.text().isprintable()


class AltLettersNotTyped(QObject):
    """Drops, for every text field, a key press of Alt with a printable key (see the
    module's docstring)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, _TEXT_FIELDS)
            and isinstance(event, QKeyEvent)
            and typed_by_alt(event)
        )


def install_alt_keys(app: QApplication | None = None) -> AltLettersNotTyped | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet."""
    return install_once(AltLettersNotTyped, _NAME, app)

"""Caps Lock said beside a passphrase field: typed with Caps Lock on, a passphrase opens
nothing, and nothing on screen said why (break test 43, F6).

Qt has no portable way to ask the keyboard whether Caps Lock is on, so a letter typed
tells it, by the rule desktops' and browsers' password fields use: an upper-case
letter typed without Shift, or a lower-case one with Shift, means Caps Lock is on; the
next letter typed the other way means it is off again. Keys that are not letters (or
letters without case) say nothing either way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from journal.ui.common.accessibility import announce

__all__ = ["CAPS_LOCK_ON", "CapsLockNote", "caps_lock_on"]

CAPS_LOCK_ON = "Caps Lock seems to be on. Passphrases are case-sensitive."


def caps_lock_on(event: QKeyEvent) -> bool | None:
    """Whether the key ``event`` shows Caps Lock on (True) or off (False); None for a
    key that is not one letter with an upper and a lower case."""
    text = event.text()
    if len(text) != 1 or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class CapsLockNote(QLabel):
    """A line saying `CAPS_LOCK_ON`, hidden until a letter typed into one of ``fields``
    shows Caps Lock on (`caps_lock_on`); heard politely as it appears, without taking
    the focus; hidden again once a letter shows it off. The page places it under the
    fields."""

    def __init__(self, *fields: QLineEdit) -> None:
        super().__init__(CAPS_LOCK_ON)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "notice")
        self.hide()
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            on = caps_lock_on(event)
            if on is not None and on == self.isHidden():
                self.setVisible(on)
                if on:
                    announce(self, CAPS_LOCK_ON)
        return False

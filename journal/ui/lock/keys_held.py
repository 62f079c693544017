"""Keys typed while a journal opens are dropped and counted, so they can be said.

Between the unlock's Enter and the focus landing in the journal, the lock screen is
busy: its passphrase field is read-only and every control but Cancel is held
(`journal.ui.common.busy.hold_input`). A person who hears "Opening your journal… this
takes a few seconds." and starts her sentence typed into that field, which took the
keys and kept nothing, without a word (break test 15 of session 15, finding 1); only
keys queued while the window itself could not answer were said as not used
(`journal.ui.shell.stale_input`). `KeysHeld` drops every key that would type a
character while the work runs and counts them; the window says the same note for
both (`MainWindow.open_journal`). They are dropped rather than put into the entry:
typed right after a passphrase they may be the passphrase again, and an entry that
began with it would keep a secret in plain sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

__all__ = ["KeysHeld", "types_a_character"]

_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def types_a_character(event: QKeyEvent) -> bool:
    """Whether the key ``event`` would type a character into a text field: it carries
    printable text and no Ctrl, Alt or Meta (a shortcut, a mnemonic). Enter, Tab,
    Escape, Backspace and the arrows type none."""
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _COMMANDS


class KeysHeld(QObject):
    """While `hold` is on (a journal is being opened), drops every key press that would
    type a character, wherever the focus is, and counts them (`take`). Space on a
    focused button (Cancel) still presses it; Enter, Tab and Escape pass."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dropped = 0
        self._on = False

    def hold(self, on: bool) -> None:
        """Start (``on``) or stop dropping; the count is kept until `take`."""
        app = QApplication.instance()
        if on == self._on or app is None:
            return
        self._on = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    @property
    def holding(self) -> bool:
        """Whether keys are being dropped now."""
        return self._on

    def take(self) -> int:
        """How many keys were dropped since the last call (0 when none); resets it."""
        dropped, self._dropped = self._dropped, 0
        return dropped

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not types_a_character(event):
            return False
        if isinstance(watched, QAbstractButton) and event.key() == Qt.Key.Key_Space:
            return False
        self._dropped += 1  # dropped where it first arrives: seen once
        return True

"""Keys typed while a screen changes under the person are dropped and counted, so they
can be said, never taken by whatever has the focus there.

Two moments where a person is still typing when the screen changes:

* between the unlock's Enter and the journal saying it has opened, the lock screen is
  busy and its passphrase field read-only: a person who heard "Opening your journal…
  this takes a few seconds." and began her sentence typed into that field, which kept
  nothing, without a word (break test 15 of session 15, finding 1). The keys are held
  from the Enter until the window says it has opened (`hold`, released before
  `MainWindow.opened` is emitted, so every key typed once it has opened goes into the
  words: test_process's full-disk lock types right then);
* a dialog that checks a passphrase off the GUI thread (Restore, Rescue, Export: their
  `WorkFooter`) left the field being typed into editable: a person who typed on during
  a check of seven seconds had the keys added to the passphrase just checked, then,
  when the focus jumped to the next field as the refusal came, the rest typed there
  (break test 16 of session 17, finding 2). The keys are held while the work runs;
* a lock for damage, found by a save or a check while she typed, shows the damage page
  with "Rescue what can be read…" focused: the next Space pressed it, and the rest of
  her sentence went into the Rescue dialog's passphrase field (issue 16). The keys are
  held until she pauses or clicks (`hold_until_quiet`); Space and Enter are held too,
  so no key of her sentence presses a button there. Only keys meant for the page are
  held: a dialog opened from it with the mouse takes what is typed in it.

The keys are dropped rather than put anywhere: typed right after a passphrase they may
be the passphrase again, and an entry that began with it would keep a secret in plain
sight. What was dropped is counted (`take`), and the owner says it once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

__all__ = ["KEYS_WHILE_CHECKED", "QUIET_MS", "KeysHeld", "types_a_character"]

#: Added to what is said once a passphrase was checked, when keys typed while it was
#: checked were dropped (`KeysHeld.hold`): never lost without a word. The lock screen's
#: unlock and every dialog with a `WorkFooter` (Restore, Rescue, Export, Import).
KEYS_WHILE_CHECKED = "Keys pressed while it was checked were not used."

#: How long no key is pressed before a person counts as no longer typing, in
#: milliseconds (`KeysHeld.hold_until_quiet`): longer than the gap between two keys of
#: a sentence typed slowly, short enough that a deliberate press after reading the
#: page is taken.
QUIET_MS = 1500

_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_PRESSING = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})


def types_a_character(event: QKeyEvent) -> bool:
    """Whether the key ``event`` would type a character into a text field: it carries
    printable text and no Ctrl, Alt or Meta (a shortcut, a mnemonic). Enter, Tab,
    Escape, Backspace and the arrows type none."""
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & _COMMANDS


class KeysHeld(QObject):
    """Drops, while on, every key press that would type a character, wherever the focus
    is, and counts them (`take`).

    `hold` holds until told to stop (work under way); Space on a focused button (Cancel)
    still presses it there. `hold_until_quiet` holds, for the keys meant for one
    widget and its children, until no key has been pressed for `QUIET_MS` or a mouse
    button is pressed (a click is meant), and also drops Space and Enter, so no key of
    a sentence still being typed presses a button; `released` then gives the count of
    that hold (emitted only when it dropped a key)."""

    released = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dropped = 0
        self._on = False
        self._buttons_too = False
        self._within: QWidget | None = None  # the quiet hold's widget (`hold_until_quiet`)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._typing_stopped)

    def hold(self, on: bool) -> None:
        """Start (``on``) or stop dropping the keys that type a character; the count is
        kept until `take`. Stopping also ends a `hold_until_quiet`."""
        self._quiet.stop()
        self._buttons_too = False
        self._within = None
        self._filter(on)

    def hold_until_quiet(self, within: QWidget) -> None:
        """Drop every key meant for ``within`` or a widget in it that types a character,
        Space and Enter, until no key has been pressed for `QUIET_MS` (each dropped
        key starts the wait again) or a mouse button is pressed; then `released` gives
        how many were dropped, when any were. The count of keys dropped before is kept
        with them."""
        self._buttons_too = True
        self._within = within
        self._filter(True)
        self._quiet.start()

    @property
    def holding(self) -> bool:
        """Whether keys are being dropped now."""
        return self._on

    def take(self) -> int:
        """How many keys were dropped since the last call (0 when none); resets it."""
        dropped, self._dropped = self._dropped, 0
        return dropped

    def _filter(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self._on or app is None:
            return
        self._on = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def _typing_stopped(self) -> None:
        self._quiet.stop()
        self._buttons_too = False
        self._within = None
        self._filter(False)
        dropped = self.take()
        if dropped:
            self.released.emit(dropped)

    def _dropping(self, watched: QObject, event: QKeyEvent) -> bool:
        if self._within is not None:
            inside = isinstance(watched, QWidget) and (
                watched is self._within or self._within.isAncestorOf(watched)
            )
            if not inside:
                return False
        if self._buttons_too:
            no_command = not event.modifiers() & _COMMANDS
            return types_a_character(event) or (no_command and event.key() in _PRESSING)
        if not types_a_character(event):
            return False
        return not (isinstance(watched, QAbstractButton) and event.key() == Qt.Key.Key_Space)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self._buttons_too:
            self._typing_stopped()  # a click is meant: what it presses is hers
            return False
        if kind not in _KEYS or not isinstance(event, QKeyEvent):
            return False
        if not self._dropping(watched, event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # taken here: no shortcut of the key fires either
            return True
        if kind == QEvent.Type.KeyPress:
            self._dropped += 1  # dropped where it first arrives: seen once
            if self._quiet.isActive():
                self._quiet.start()  # still typing: the wait starts again
        return True

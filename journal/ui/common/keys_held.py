"""Keys typed while a screen changes under the person are dropped and counted, so they
can be said, never taken by whatever has the focus there.

Moments where a person is still typing when the screen changes:

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

* a lock saves, checks and closes the journal on the GUI thread, and the window cannot
  answer until the lock screen is shown: what she typed meanwhile (often the
  passphrase, to go straight back in) was queued, then went into the lock screen's
  passphrase field, or was lost without a word with the process a lock replaces
  (issue 15). So is the opening's last step, as the areas load. What was queued is
  delivered with every input among it dropped (`drop_queued`), and said once.

* a dialog whose work runs off the GUI thread (Import, Export, Restore, Rescue, the
  key dialogs) ends it on the GUI thread (the result taken in, the journal's areas
  reloaded), and closes: keys pressed into it meanwhile were queued, and reached the
  window behind it once it had closed: Enter pressed while an import was written became
  new lines in the entry open behind it, and was saved (break test 16 of session 18,
  R1). As such a dialog closes, what was queued is delivered with every input
  among it dropped (`drop_at_close`).

The keys are dropped rather than put anywhere: typed right after a passphrase they may
be the passphrase again, and an entry that began with it would keep a secret in plain
sight. What was dropped is counted (`take`), and the owner says it once.

It watches the application's input through the one application-wide filter
(`app_filter.watch_application`), first of all its watchers, so no other watcher of
keys acts on a key it drops, and only while it holds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from journal.ui.common.app_filter import unwatch_application, watch_application

T = TypeVar("T")

__all__ = [
    "COMMAND_MODIFIERS",
    "KEYS_WHILE_CHECKED",
    "MODIFIER_KEYS",
    "QUEUED_ONLY",
    "QUIET_MS",
    "KeysHeld",
    "drop_at_close",
    "is_typed_text",
    "keep_lock_keys",
    "types_a_character",
]

#: Added to what is said once a passphrase was checked, when keys typed while it was
#: checked were dropped (`KeysHeld.hold`): never lost without a word. The lock screen's
#: unlock and every dialog with a `WorkFooter` (Restore, Rescue, Export, Import).
KEYS_WHILE_CHECKED = "Keys pressed while it was checked were not used."

#: How long no key is pressed before a person counts as no longer typing, in
#: milliseconds (`KeysHeld.hold_until_quiet`): longer than the gap between two keys of
#: a sentence typed slowly, short enough that a deliberate press after reading the
#: page is taken.
QUIET_MS = 1500

#: Ctrl, Alt or Meta: a key held with any of them is a command (a shortcut, an
#: Alt+letter), never a character typed into a field.
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_PRESSING = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})
#: Every event of the person's input: what `KeysHeld` watches, and drops all of in
#: `KeysHeld.drop_queued`.
_INPUT = _KEYS | {
    QEvent.Type.Shortcut,
    QEvent.Type.InputMethod,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}
_PRESSES = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress})

#: Keys that only change what the next key does (Shift for the ":" of "08:15", the Ctrl
#: of Ctrl+L): pressed alone they type nothing and command nothing. A date field's
#: typing never ends on one (the Shift pressed for ":" ended it after the hour), and a
#: lock never counts one as a key not used (`_modifier_alone`).
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
    }
)

#: What ``processEvents`` delivers to hand on what is queued and nothing else: the
#: window system's events and posted ones, no timers and no sockets.
QUEUED_ONLY = (
    QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
    | QEventLoop.ProcessEventsFlag.X11ExcludeTimers
)


def is_typed_text(text: str) -> bool:
    """Whether ``text`` (a key event's text) is characters typed into a field: printable
    ones and spaces of every kind. Python's ``isprintable`` counts the no-break spaces
    out (U+00A0, U+202F), yet French and other keyboard layouts type them, and Qt's
    own formats hold them (Bulgarian "d.MM.yyyy\u202f'г'."): taken for no character,
    a no-break space ended a day being typed and was judged without its time. Tab,
    Enter and Backspace (controls) type none. Empty text is none."""
    return bool(text) and all(c.isprintable() or unicodedata.category(c) == "Zs" for c in text)


def types_a_character(event: QKeyEvent) -> bool:
    """Whether the key ``event`` would type a character into a text field: it carries
    printable text and no Ctrl, Alt or Meta (a shortcut, a mnemonic). Enter, Tab,
    Escape, Backspace and the arrows type none."""
    text = event.text()
    return is_typed_text(text) and not event.modifiers() & COMMAND_MODIFIERS


def _modifier_alone(event: QEvent) -> bool:
    """Whether ``event`` is the press of a modifier key alone (`MODIFIER_KEYS`), never
    counted as a key not used: with a screen reader running, Qt hands each key to it
    first and delivers it afterwards, and the Ctrl of the Ctrl+L that locked arrived
    during the lock; "Keys pressed while Solace was locking were not used" was said
    though no key had been pressed (break test 15 of session 18, re-test R2)."""
    return isinstance(event, QKeyEvent) and event.key() in MODIFIER_KEYS


#: The Lock action, once a window has one (`keep_lock_keys`).
_LOCK: list[QAction] = []


def keep_lock_keys(lock: QAction) -> None:
    """Never drop the keys of ``lock`` (the window's Lock action, Ctrl+L) among queued
    input (`KeysHeld.drop_queued`, `KeysHeld.drop_during`): the action is triggered once
    what was queued has been delivered. Ctrl+L pressed as an import ended was dropped
    with the rest of the keys queued meanwhile, and the journal stayed open, the
    passphrase typed next going into the entry open behind (break test 53, S1)."""
    _LOCK[:] = [lock]


def _locks(event: QEvent) -> bool:
    """Whether ``event`` is a press of a key of the Lock action (`keep_lock_keys`)."""
    if not _LOCK or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    lock = _LOCK[0]
    return shiboken6.isValid(lock) and QKeySequence(event.keyCombination()) in lock.shortcuts()


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
        self._queued: int | None = None  # while `drop_queued` runs: presses and clicks
        self._lock_pressed = False  # a key that locks, among what `drop_queued` dropped
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

    def drop_queued(self) -> int:
        """Deliver what is queued so far (window-system and posted events, no timers or
        sockets: `QUEUED_ONLY`), dropping all the person's input among it: every key
        (Enter, Tab, Backspace and shortcuts too), click, wheel turn and input-method
        event. Called after work that kept the GUI thread busy while the screen changed
        under her (a lock's save and check, the areas loading at an unlock): nothing
        typed or clicked meanwhile was meant for what has the focus once it is done
        (break test 9 of session 7, F0: a passphrase typed again became an entry; issue
        15: after a lock, it went into the lock screen's field, or was lost unsaid).

        Returns how many key presses and clicks were dropped (0 without a
        QApplication), for the caller to say once; the count of `take` is left as it
        was. A hold under way (`hold`) goes on after it."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return 0
        was_on = self._on
        self._queued = 0
        self._filter(True)
        try:
            for _ in range(2):  # what the first pass unpacks (a key's release) comes next
                app.processEvents(QUEUED_ONLY)
        finally:
            dropped, self._queued = self._queued, None
            self._filter(was_on)
            self._lock_if_pressed()
        return dropped

    def drop_during(self, work: Callable[[], T]) -> tuple[T, int]:
        """Call ``work`` (one that lets the event loop run, such as `wait_painting`)
        dropping all the person's input delivered meanwhile, as `drop_queued` does;
        returns what ``work`` returned and how many key presses and clicks were
        dropped, for the caller to say once with the rest."""
        was_on = self._on
        self._queued = 0
        self._filter(True)
        try:
            result = work()
        finally:
            dropped, self._queued = self._queued or 0, None
            self._filter(was_on)
            self._lock_if_pressed()
        return result, dropped

    def _lock_if_pressed(self) -> None:
        """Lock, on the next event-loop turn, when a key that locks was among the input
        just dropped (`keep_lock_keys`)."""
        if self._lock_pressed and _LOCK and shiboken6.isValid(_LOCK[0]):
            QTimer.singleShot(0, _LOCK[0].trigger)  # as the key would have, if it is on
        self._lock_pressed = False

    def _filter(self, on: bool) -> None:
        """Watch the application's input (first of its watchers), or stop."""
        if on == self._on:
            return
        if not on:
            unwatch_application(self)
            self._on = False
        elif watch_application(self, _INPUT, first=True):
            self._on = True

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
            no_command = not event.modifiers() & COMMAND_MODIFIERS
            return types_a_character(event) or (no_command and event.key() in _PRESSING)
        if not types_a_character(event):
            return False
        return not (isinstance(watched, QAbstractButton) and event.key() == Qt.Key.Key_Space)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._queued is not None:  # `drop_queued`: every input event goes
            if _locks(event):
                self._lock_pressed = True  # but a lock is done (`keep_lock_keys`)
            elif kind in _PRESSES and not _modifier_alone(event):
                self._queued += 1  # seen once: dropped where it first arrives
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut of a key typed meanwhile acts either
            return True
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


class _DropAtClose(QObject):
    """Drops the person's queued input as the dialog it watches closes (`drop_at_close`)."""

    def __init__(self, dialog: QDialog, keys: KeysHeld) -> None:
        super().__init__(dialog)
        self._keys = keys
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:  # watched: the dialog, its only watch
            self._keys.drop_queued()
        return False


def drop_at_close(dialog: QDialog, keys: KeysHeld) -> None:
    """As ``dialog`` closes (is hidden: accepted, rejected or closed), deliver what is
    queued with the person's input among it dropped (``keys.drop_queued``): keys and
    clicks she aimed at the dialog while the GUI thread was busy ending its work (its
    result taken in, the journal's areas reloaded, before it closes) never reach the
    window behind it (see the module's notes; break test 16 of session 18, R1). For a
    dialog whose work runs off the GUI thread, called as the work starts; set up once
    per dialog."""
    if dialog.findChild(_DropAtClose) is None:
        _DropAtClose(dialog, keys)

"""Keys and clicks made while the window could not answer never reach the journal.

Opening a large journal keeps the GUI thread busy for seconds after the passphrase is
checked (every area loads what it shows) while the lock screen stays on screen. The
window system queues what the person types meanwhile (often the passphrase again,
since nothing seems to happen), and Qt delivers it once the thread is free, to
whatever has the focus by then: the editor of the entry that was open at the lock,
which saved the retyped passphrase as a new entry (break test 9 of session 7, F0).
`drop_stale_input` is called after the busy work and before the journal is shown: it
delivers everything queued so far, dropping every key, mouse button, wheel and input
method event among it. The window then says that what was typed meanwhile was not used:
a person who began typing while the lock screen still showed lost the start of what
she wrote without a word (break test 16 of session 12, finding 5).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication

__all__ = ["deliver_queued_input", "drop_stale_input"]

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)

_PRESSES = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress})


class _DropInput(QObject):
    """Drops every input event; counts the key presses and clicks among them."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES:  # seen once: dropped where it first arrives
            self.dropped += 1
        return kind in _INPUT


_FLAGS = (
    QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
    | QEventLoop.ProcessEventsFlag.X11ExcludeTimers
)


def deliver_queued_input() -> None:
    """Deliver the events queued so far (window-system events and posted ones, but no
    timers or sockets) where they were meant to go, input among them: called as a lock
    that the person did not ask for begins (a damaged file found by a check or a save),
    so the keys she typed before it reach the editor and are sealed with its words
    (break test 16 of session 15, finding 2: the end of a sentence typed as the lock
    began was lost with no word). Never before a lock she asked for: what follows her
    Ctrl+L is meant for the lock screen. Nothing happens without a QApplication."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for _ in range(2):  # what the first pass unpacks (a key's release) comes in the second
        app.processEvents(_FLAGS)


def drop_stale_input() -> int:
    """Deliver the events queued so far (window-system events and posted ones, but no
    timers or sockets), dropping the person's input among them (see the module).
    Returns how many key presses and clicks were dropped (0 without a QApplication), so
    the person can be told that what they typed meanwhile was not used."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 0
    dropper = _DropInput()
    app.installEventFilter(dropper)
    try:
        for _ in range(2):  # what the first pass unpacks (a key's release) comes in the second
            app.processEvents(_FLAGS)
    finally:
        app.removeEventFilter(dropper)
    return dropper.dropped

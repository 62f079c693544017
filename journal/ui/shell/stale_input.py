"""Keys and clicks made while the window could not answer never reach the journal.

Opening a large journal keeps the GUI thread busy for seconds after the passphrase is
checked (every area loads what it shows) while the lock screen stays on screen. The
window system queues what the person types meanwhile (often the passphrase again,
since nothing seems to happen), and Qt delivers it once the thread is free, to
whatever has the focus by then: the editor of the entry that was open at the lock,
which saved the retyped passphrase as a new entry (break test 9 of session 7, F0).
`drop_stale_input` is called after the busy work and before the journal is shown: it
delivers everything queued so far, dropping every key, mouse button, wheel and input
method event among it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication

__all__ = ["drop_stale_input"]

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


class _DropInput(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _INPUT


def drop_stale_input() -> None:
    """Deliver the events queued so far (window-system events and posted ones, but no
    timers or sockets), dropping the person's input among them (see the module)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    dropper = _DropInput()
    app.installEventFilter(dropper)
    try:
        flags = (
            QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
            | QEventLoop.ProcessEventsFlag.X11ExcludeTimers
        )
        for _ in range(2):  # what the first pass unpacks (a key's release) comes in the second
            app.processEvents(flags)
    finally:
        app.removeEventFilter(dropper)

"""Lock when the desktop locks the screen or the computer goes to sleep.

On Linux this listens on D-Bus (logind's PrepareForSleep and Lock signals, and the
freedesktop/GNOME screensaver's ActiveChanged). Where D-Bus or these services are
not there, it quietly does nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


class SessionEvents(QObject):
    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            self.listening |= system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                b"_on_sleep(bool)",
            )
            self.listening |= system.connect(
                "org.freedesktop.login1",
                "",
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                b"_on_lock()",
            )
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in _SCREENSAVERS:
                self.listening |= session.connect(
                    service, path, service, "ActiveChanged", self, b"_on_screensaver(bool)"
                )
        log.debug("listening for screen lock: %s", self.listening)

    @Slot(bool)
    def _on_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit()

    @Slot()
    def _on_lock(self) -> None:
        self.lock_requested.emit()

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

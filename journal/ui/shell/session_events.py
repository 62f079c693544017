"""Lock when the desktop locks the screen or the computer goes to sleep.

On Linux this listens on D-Bus: logind's ``PrepareForSleep(true)`` (Manager) and
``Lock`` (any Session) on the system bus, and the freedesktop and GNOME
screensavers' ``ActiveChanged(true)`` on the session bus. Where D-Bus or these
services are not there, it quietly does nothing; an unexpected error while setting
up one trigger is logged (by type only) and that trigger is skipped, so it can never
spoil an unlock.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


def qt_slot(signature: str) -> Any:
    """The slot argument QtDBus expects: Qt's ``SLOT()`` form, "1" + signature.

    PySide6 declares the argument as bytes but rejects bytes with a ValueError
    (6.7 to 6.11 at least); a str in the ``SLOT()`` form is what it accepts.
    """
    return "1" + signature


class SessionEvents(QObject):
    """Emits `lock_requested` when the screen locks or the computer is about to sleep.

    `triggers` names the triggers that were installed (for the log and tests).
    """

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.triggers: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            manager = f"{LOGIND}.Manager"
            self._listen(system, LOGIND, LOGIND_PATH, manager, "PrepareForSleep", "_on_sleep(bool)")
            # Any session's Lock: logind sends it to the session's own object path.
            self._listen(system, LOGIND, "", f"{LOGIND}.Session", "Lock", "_on_lock()")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in _SCREENSAVERS:
                self._listen(session, "", path, service, "ActiveChanged", "_on_screensaver(bool)")
        log.debug("listening for screen lock: %s", self.triggers)

    @property
    def listening(self) -> bool:
        return bool(self.triggers)

    def _listen(
        self, bus: Any, service: str, path: str, interface: str, name: str, slot: str
    ) -> None:
        """Connect one D-Bus signal; any failure is logged and the trigger skipped.

        The service is left empty for the screensavers: the signal is matched on its
        path and interface whoever sends it, so a screensaver started after Solace
        (or under another unique name) is still heard.
        """
        try:
            if bus.connect(service, path, interface, name, self, qt_slot(slot)):
                self.triggers.append(f"{interface}.{name}")
        except Exception as error:  # a trigger must never break an unlock
            log.warning("could not listen for %s: %s", name, type(error).__name__)

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

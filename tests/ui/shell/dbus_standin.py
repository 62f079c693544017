"""A stand-in for a desktop service on D-Bus: owns a name and emits one signal.

usage: dbus_standin.py session|system SERVICE PATH INTERFACE SIGNAL [true|false]
Uses the bus named by DBUS_SESSION_BUS_ADDRESS or DBUS_SYSTEM_BUS_ADDRESS.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage


def main() -> int:
    kind, service, path, interface, name, *args = sys.argv[1:]
    _app = QCoreApplication([])
    bus = QDBusConnection.sessionBus() if kind == "session" else QDBusConnection.systemBus()
    if not bus.isConnected() or not bus.registerService(service):
        sys.stderr.write("stand-in: no bus, or the name is taken\n")
        return 1
    message = QDBusMessage.createSignal(path, interface, name)
    if args:
        message.setArguments([args[0] == "true"])
    return 0 if bus.send(message) else 1


if __name__ == "__main__":
    sys.exit(main())

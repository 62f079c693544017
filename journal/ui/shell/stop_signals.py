"""A request to stop closes the window as Quit does: SIGTERM (a logout, a shutdown,
``kill``), SIGHUP (the terminal that started Solace closed) and SIGINT (Ctrl+C
there). Everything typed is saved, the journal locked, and the process ends.

Before, SIGTERM ended Solace where it stood, and the words typed in the last second,
which the autosave keeps only after a pause, were lost (break test 43, F2). Python
runs a signal's handler only between its own instructions, and Qt's event loop,
waiting in C++, runs none while the window is idle: the signal's number is written
to a pipe (``signal.set_wakeup_fd``) that Qt watches (`QSocketNotifier`), so the
loop wakes at once and the handler runs. Not on Windows, which sends a GUI program
none of these signals.
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["STOP_SIGNALS", "close_on_stop"]

#: The signals that close the window (those of them this system has).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class _Wakeup(QObject):
    """The pipe the signals' numbers are written to, read (and emptied) when Qt sees
    it readable; owned by the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._read, write = os.pipe()  # not inherited by the process a lock starts
        os.set_blocking(self._read, False)
        os.set_blocking(write, False)
        self._write = write
        signal.set_wakeup_fd(write)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):  # empty already: nothing more to read
            os.read(self._read, 512)


def close_on_stop(window: QWidget) -> None:
    """Close ``window`` (the main window: its close saves and locks, see
    `MainWindow.closeEvent`) when one of `STOP_SIGNALS` comes, once: a second signal
    while it closes changes nothing. Call on the GUI thread, after the window is made.
    Does nothing on Windows."""
    if os.name == "nt":
        return
    _Wakeup(window)
    asked: list[int] = []

    def stop(signal_number: int, _frame: FrameType | None) -> None:
        if not asked:
            asked.append(signal_number)
            QTimer.singleShot(0, window, window.close)

    for number in STOP_SIGNALS:
        signal.signal(number, stop)

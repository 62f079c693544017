"""Locks the app after a quiet spell with no keyboard or mouse input.

Idle time is measured on the wall clock as well as the monotonic one: Qt's timers
(and Linux's monotonic clock) stop while the computer sleeps, so a laptop closed for
an hour would otherwise wake with the journal open and minutes still to go. The
wall clock keeps counting through sleep; the monotonic clock covers a wall clock set
backwards. Whichever says more time has passed wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)

CHECK_EVERY_MS = 5_000  # how late, at most, a lock comes after waking from sleep


class IdleWatcher(QObject):
    """Install on the QApplication; emits `idle` once `interval_ms` pass with no input.

    `wall_clock` and `monotonic_clock` return seconds (they are parameters so a test
    can stand in for a computer that slept).
    """

    #: What `eventFilter` acts on (see `journal.ui.common.app_filter`).
    EVENT_TYPES: ClassVar[frozenset[QEvent.Type]] = _ACTIVITY

    idle = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        wall_clock: Callable[[], float] = time.time,
        monotonic_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.wall_clock = wall_clock
        self.monotonic_clock = monotonic_clock
        self._interval_ms = 0
        self._last_wall = 0.0
        self._last_monotonic = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)

    def set_interval_ms(self, interval_ms: int) -> None:
        """0 turns idle locking off."""
        self._interval_ms = interval_ms
        self._timer.setInterval(max(1, min(interval_ms, CHECK_EVERY_MS)))
        self.restart()

    def restart(self) -> None:
        """Count the quiet spell from now (and start watching, unless turned off)."""
        self._last_wall = self.wall_clock()
        self._last_monotonic = self.monotonic_clock()
        if self._interval_ms > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def interval_ms(self) -> int:
        """The quiet spell that locks, in milliseconds (0: never)."""
        return self._interval_ms

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def idle_seconds(self) -> float:
        """How long since the last input, by whichever clock says longer."""
        wall = self.wall_clock() - self._last_wall
        return max(wall, self.monotonic_clock() - self._last_monotonic)

    def _check(self) -> None:
        if self.idle_seconds() * 1000 >= self._interval_ms:
            self._timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._last_wall = self.wall_clock()
            self._last_monotonic = self.monotonic_clock()
        return False


_IDLE_NOTICE = "Solace locked itself after {} without use. Everything you wrote was saved."


def idle_notice(minutes: int) -> str:
    """What the lock screen says after the idle lock (Settings' "Lock when idle for"
    ``minutes``): "Solace locked itself after 5 minutes without use. …"."""
    span = "1 minute" if minutes == 1 else f"{minutes} minutes"
    return _IDLE_NOTICE.format(span)


def is_idle_notice(notice: str) -> bool:
    """Whether ``notice`` (handed to a fresh process) is `idle_notice`'s."""
    head, tail = _IDLE_NOTICE.split("{}")
    return notice.startswith(head) and notice.endswith(tail)

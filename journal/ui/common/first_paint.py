"""Run something once a window has painted for the first time.

A timer started before `show` may fire before the first paint: on X11 a window paints
when the server exposes it, after a round trip, while a 0 ms timer fires on the next
event-loop turn. Work meant to follow the first paint (issue 12: what the lock screen
does not show) is started from the window's first paint event instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_paint"]


class _FirstPaint(QObject):
    """Watches one widget until its first paint event, then queues ``then`` and goes."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has reached the screen
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` (no arguments) on the event-loop turn after ``widget``'s first paint
    event from now on. The filter is on ``widget`` alone and removed at that paint; if
    the widget is destroyed first, ``then`` is never called."""
    widget.installEventFilter(_FirstPaint(widget, then))

"""Running slow work (key derivation, rekey, exports) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One call on the thread pool; the result or the exception comes back by signal."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to say
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app shut down while this ran; nobody is listening
            log.debug("background result dropped at shutdown")


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    owner: QObject | None,
) -> Task:
    """Run ``work`` on Qt's global thread pool and hand its result to ``on_success``, or the
    exception it raised to ``on_failure``, on the GUI thread. The returned Task keeps the
    signals alive; keep a reference to it until one of them has fired.

    ``owner`` is the object the answer is for (the dialog that asked): when it has been
    deleted by the time the answer comes (a dialog closed while its passphrase was
    checked), the answer is dropped, never handed to a dead window, which raised
    "Something went wrong" (break test 9 of session 19, finding 3). None only where
    the answer's receiver lives as long as the application.
    """
    task = Task(work)
    task.setAutoDelete(False)
    task.signals.succeeded.connect(_while_alive(owner, on_success))
    task.signals.failed.connect(_while_alive(owner, on_failure))
    QThreadPool.globalInstance().start(task)
    return task


def _while_alive(owner: QObject | None, handler: Callable[[Any], None]) -> Callable[[Any], None]:
    """``handler``, called only while ``owner`` (when given) still exists."""
    if owner is None:
        return handler

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            handler(value)
        else:
            log.debug("a background answer for a closed %s was dropped", type(owner).__name__)

    return call

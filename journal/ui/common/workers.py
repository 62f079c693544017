"""Running slow work (key derivation, rekey, exports) off the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)

T = TypeVar("T")

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


def wait_painting(work: Callable[[], T]) -> T:
    """Run ``work`` on a thread of its own and wait for it on the GUI thread while the
    window goes on painting, resizing and running its timers (a busy line moves); the
    person's input meanwhile stays queued, never delivered in the middle (the caller
    decides what to do with it, e.g. `KeysHeld.drop_queued`). For work that must be
    done before the caller goes on (the backup at lock, before the journal closes) but
    that took the window away while it ran: at 100k entries the byte copy froze it for
    seconds (issue 12). Returns what ``work`` returned, or raises what it raised. The
    events already queued are handled at least once, even when ``work`` is quick."""
    app = QCoreApplication.instance()
    if app is None:
        return work()
    outcome: list[tuple[bool, Any]] = []
    waker = QObject()  # lives on this thread: an event posted to it wakes the loop

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # raised again on the GUI thread below
            outcome.append((False, error))
        QCoreApplication.postEvent(waker, QEvent(QEvent.Type.User))

    thread = threading.Thread(target=run, name="solace-wait-painting", daemon=True)
    thread.start()
    flags = (
        QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    )
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    while not outcome:  # set before the event that wakes the loop is posted
        app.processEvents(flags)
    thread.join()
    waker.deleteLater()
    ok, value = outcome[0]
    if ok:
        return value  # type: ignore[no-any-return]
    raise value

"""A save that waits for the check of a journal's pages says so in the status bar.

A large journal opens while its pages are still being checked (`journal.storage.lock.
page_check`), and nothing is written to it before the check has passed. The window
does not answer while it waits for such a save: one made on its own thread (Delete,
a body log, a setting), or one it waits for on a worker (`EntrySaver.flush`: Ctrl+S,
another entry chosen). On the machine of issue 12 that is at most about 0.26 s; on a
slow disk it was 15 to 20 s, with nothing said (break test 34, finding 3). So a wait
that lasts (`SAY_WAIT_AFTER_S` in `page_check`) is said in the status bar (and at the
foot of a dialog open over it), painted there and then and announced to a screen
reader, and taken away when the save goes on. What the person types or clicks
meanwhile is delivered afterwards, as after any save: where the save leaves the focus
(in an entry, her words; after a body log's Save, the next log's Time).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as wait_for
from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from journal.ui.common.accessibility import announce

__all__ = ["WRITE_WAITS", "say_writes_wait", "wait_saying_why"]

WRITE_WAITS = "Saving in a moment: Solace is still checking your journal…"

POLL_S = 0.05  # how often a wait for a worker looks whether to say why (seconds)
#: How long the words the note covered are shown again after it (milliseconds), as
#: long as `MainWindow.say_briefly` shows them.
SHOWN_AGAIN_MS = 30_000


class _Said:
    """Where the window says it (`say_writes_wait`), how many saves on other threads
    wait for the check now, the words the note covers in the status bar, and the note
    in a dialog."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bar: QStatusBar | None = None
        self.elsewhere = 0
        self.covered = ""
        self.in_dialog: QLabel | None = None  # the note said in a dialog (`_say_in_dialog`)


_said = _Said()


def say_writes_wait(bar: QStatusBar) -> Callable[[bool], None]:
    """The listener for `OpenJournal.when_writes_wait`, saying in ``bar``. Given True on
    the window's thread, it shows `WRITE_WAITS` there and paints it at once (the
    window cannot paint while the save waits); given False, it takes those words
    away again. Given on another thread (a worker's save, which the window waits for
    only in `wait_saying_why`), it is counted for that wait to say. It never uses the
    database (it is called while SQLite prepares the save)."""
    with _said.lock:
        _said.bar, _said.elsewhere = bar, 0

    def listener(waiting: bool) -> None:
        if threading.current_thread() is threading.main_thread():
            _say(waiting)
            return
        with _said.lock:
            _said.elsewhere += 1 if waiting else -1

    return listener


def wait_saying_why(future: Future[Any]) -> None:
    """Block the window's thread until ``future`` (a worker's save) is done; said as a
    save of its own would be (`WRITE_WAITS`) while that worker's save waits for the
    check of the journal's pages."""
    said = False
    while not wait_for([future], timeout=POLL_S).done:
        with _said.lock:
            elsewhere = _said.elsewhere > 0
        if elsewhere and not said:
            _say(True)
            said = True
    if said:
        _say(False)


def _say(waiting: bool) -> None:
    with _said.lock:
        bar = _said.bar
    if bar is None or not shiboken6.isValid(bar):
        return
    if waiting:
        _show(bar)
    else:
        _take_away(bar)
    bar.repaint()


def _show(bar: QStatusBar) -> None:
    if bar.currentMessage() != WRITE_WAITS:
        _said.covered = bar.currentMessage()
    bar.showMessage(WRITE_WAITS)
    _say_in_dialog(bar)
    # Sent now, while the window's thread waits: a screen reader heard nothing for as
    # long as the window could not answer.
    announce(bar, WRITE_WAITS)


def _take_away(bar: QStatusBar) -> None:
    """The words go; what they covered in ``bar`` comes back ("Keys pressed while your
    journal was opening were not used…", which a damage lock next says again)."""
    if bar.currentMessage() == WRITE_WAITS:
        if _said.covered:
            bar.showMessage(_said.covered, SHOWN_AGAIN_MS)
        else:
            bar.clearMessage()
    _said.covered = ""
    note, _said.in_dialog = _said.in_dialog, None
    if note is not None and shiboken6.isValid(note):
        note.hide()
        note.deleteLater()


def _say_in_dialog(bar: QStatusBar) -> None:
    """Say `WRITE_WAITS` at the foot of the dialog open over the window, if one is (the
    save was asked there: Settings' Save), over what is there: the dialog covers the
    status bar (break test 35, finding 2: at 200 % text only "Saving" showed)."""
    dialog = QApplication.activeModalWidget()
    if dialog is None or dialog is bar.window():
        return
    note = QLabel(WRITE_WAITS, dialog)
    note.setObjectName("checkWaitNote")
    note.setWordWrap(True)
    note.setAutoFillBackground(True)
    note.setAccessibleName(WRITE_WAITS)
    margin = note.fontMetrics().height() // 2
    note.setContentsMargins(margin, margin, margin, margin)
    width = dialog.width()
    height = note.heightForWidth(width)
    note.setGeometry(0, dialog.height() - height, width, height)
    note.show()
    note.raise_()
    note.repaint()
    _said.in_dialog = note

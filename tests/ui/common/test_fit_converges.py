"""Fitting a dialog to its content ends, in a bounded number of steps, whatever its
content answers (break test 16 of session 17, finding 2): the Restore dialog, after a
refused passphrase whose three-line message took it to the screen's height, was
resized back and forth for good, the GUI thread spinning in `DialogBody._fit_window`:
at one height a scroll bar came and the message needed less, at the next it went and
the message needed more, and the guard on an unchanged need never stopped it.

The sizes are driven here, not left to a font and a window manager: a message whose
height follows the height the fit gives its window (more than the screen's room below
three quarters of it, half the room from there), on a screen of a fixed size. Nothing
in the test waits on a clock: the events are processed until no fit is pending and
the window has not been resized for 200 rounds of the event loop; the old code
resized it until the test hid it (`GIVE_UP` resizes), and the test's own timeout ends
a hang of another kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from journal.ui.common.fit import (
    FIT_STEPS,
    DialogBody,
    dialog_layout,
    settled_height,
    window_room,
)

SCREEN = QRect(0, 0, 1024, 600)


class FollowsTheHeight(QWidget):
    """A message that needs ``tall`` pixels at any width while its window is less than
    ``at`` pixels tall and ``short`` pixels from there on, as the Restore dialog's
    content needed more at one height (a scroll bar gone) and less at the next (the
    scroll bar back); asked again whenever its window's height changes."""

    def __init__(self, tall: int, short: int, at: int) -> None:
        super().__init__()
        self.tall, self.short, self.at = tall, short, at

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, _width: int) -> int:
        return self.short if self.window().height() >= self.at else self.tall

    def sizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 10)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window() and event.type() == QEvent.Type.Resize:
            self.updateGeometry()  # rewrapped for the window's new height
        return False


#: Resizes of the window after which the test hides it, which ends any fit (a fit
#: changes only a window that is shown): the old code resized it for good.
GIVE_UP = 500


class Resizes(QObject):
    """Counts the resize events of the window it watches, and hides it at `GIVE_UP`."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
            if self.count >= GIVE_UP and isinstance(watched, QWidget):
                watched.hide()
        return False


def _settle(body: DialogBody, resizes: Resizes) -> None:
    """Process events until no fit is pending and 200 rounds of the event loop have gone
    by without a resize of the window."""
    quiet = 0
    while quiet < 200:
        before = resizes.count
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        busy = body._pending or resizes.count != before
        quiet = 0 if busy else quiet + 1


@pytest.mark.timeout(120, method="thread")  # a hang ends the run, never holds it
def test_a_dialog_whose_needs_follow_its_height_settles(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SCREEN))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(SCREEN))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    content, buttons = dialog_layout(dialog, width_chars=40)
    (body,) = dialog.findChildren(DialogBody)
    room = window_room(dialog).height()
    # Below three quarters of the room it needs more than the room, from there on half.
    message = FollowsTheHeight(tall=room + 60, short=room // 2, at=room * 3 // 4)
    content.addWidget(message)
    dialog.installEventFilter(message)
    buttons.addWidget(QPushButton("Cancel"))
    resizes = Resizes()
    dialog.installEventFilter(resizes)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(body, resizes)
    # Settled at the larger height tried: the whole room, nothing cut off, the message
    # scrolled within it where it needs to.
    assert resizes.count <= 2 * FIT_STEPS
    assert dialog.isVisible()
    assert dialog.height() == window_room(dialog).height()


def test_a_round_settles_on_the_largest_height_tried() -> None:
    tried: dict[int, int] = {}
    assert settled_height(tried, 500, 400) == 400
    assert settled_height(tried, 300, 300) == 300
    assert settled_height(tried, 500, 400) == 400  # came back: the larger of the two
    assert settled_height(tried, 300, 300) == 400  # and stays so for the round
    many: dict[int, int] = {}
    heights = [settled_height(many, need, need) for need in range(100, 100 + 3 * FIT_STEPS)]
    assert heights[FIT_STEPS:] == [heights[FIT_STEPS]] * (2 * FIT_STEPS)  # bounded

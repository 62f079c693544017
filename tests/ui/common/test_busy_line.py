"""The "working" line moves calmly and cheaply (issue 12: the first unlock).

Qt's own busy progress bar is animated by the style at every animation tick (60 a
second), each frame a repaint whose events pass through every app-wide event
filter: while Argon2id derived the key (about 4 s on a busy machine) that cost the
window 0.3 s of CPU, taken from the key derivation on a 2-core machine. Solace's
line is stepped by its own slow timer instead, and is still a busy progress bar to
assistive technology.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from journal.ui.common.widgets import busy_bar


class _Frames(QObject):
    """Counts a widget's paints, and the style-animation ticks it is sent."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        self.style_ticks = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        elif event.type() == QEvent.Type.StyleAnimationUpdate:
            self.style_ticks += 1
        return False


def _moving(qtbot, bar: QProgressBar) -> _Frames:  # type: ignore[no-untyped-def]
    frames = _Frames(bar)
    bar.show()
    qtbot.waitUntil(lambda: frames.paints >= 4, timeout=10_000)
    return frames


def test_the_working_line_moves_by_its_own_slow_steps_not_the_styles_animation(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    bar = busy_bar()
    column.addWidget(bar)
    page.resize(400, 60)
    page.show()
    frames = _moving(qtbot, bar)
    assert frames.style_ticks == 0  # each of these was a repaint, 60 a second
    assert bar.minimum() == bar.maximum() == 0  # still "busy" to a screen reader
    assert bar.accessibleName() == "Working"


def test_the_lock_screens_line_while_a_passphrase_is_checked_is_the_calm_one(qtbot, window):
    page = window.lock_screen.unlock_page
    page.set_busy(True)  # as while the key is derived
    try:
        frames = _moving(qtbot, page.busy)
        assert frames.style_ticks == 0
    finally:
        page.set_busy(False)


def test_the_working_line_is_seen_to_move(qtbot):
    bar = busy_bar()
    qtbot.addWidget(bar)
    bar.resize(300, 6)
    bar.show()
    first = bar.step  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bar.step != first, timeout=10_000)  # type: ignore[attr-defined]
    bar.hide()
    assert not bar._timer.isActive()  # type: ignore[attr-defined]  # hidden: no more steps


def test_a_count_of_work_done_is_shown_as_the_part_of_the_line_filled(qtbot):
    from PySide6.QtGui import QPalette

    bar = busy_bar()
    qtbot.addWidget(bar)
    bar.resize(400, 6)
    bar.show()
    bar.setRange(0, 4)  # as `WorkFooter.set_progress` does: 1 of 4 done
    bar.setValue(1)
    image = bar.grab().toImage()
    done = bar.palette().color(QPalette.ColorRole.Highlight).rgb()
    row = [image.pixel(x, 3) for x in range(image.width())]
    filled = sum(1 for pixel in row if pixel == done)
    assert abs(filled - image.width() // 4) <= 2
    assert row[0] == done and row[-1] != done

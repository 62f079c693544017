"""The first unlock paints the area shown before the others open (issue 12): the body
log, the Library and Together were a third of the wait after the key derivation. They
open straight after that paint, before any event is handled, so the window's `opened`
still means every area is ready."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


class FirstPaint(QObject):
    """Notes, at the first paint of ``watched``, which areas are open then."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.open_at_paint: list[str] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.open_at_paint is None:
            self.open_at_paint = open_areas(self.window)
        return False


def open_areas(window) -> list[str]:  # type: ignore[no-untyped-def]
    body = window.area("body")
    library = window.area("library")
    return [
        name
        for name, is_open in (
            ("journal", window.area("journal").repo is not None),
            ("body", body.repository is not None),
            ("library", library._context is not None),
        )
        if is_open
    ]


def test_the_journal_paints_before_the_other_areas_open(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    watcher = FirstPaint(window)
    window.workspace.installEventFilter(watcher)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert watcher.open_at_paint == ["journal"]
    assert open_areas(window) == ["journal", "body", "library"]
    assert window.current_area() is window.area("journal")

"""A window that nobody touches does no work (break test 16 of session 23: the
Restore dialog kept one core at about 95 % while it waited for a passphrase, and so
did every dialog laid out by `dialog_layout`: Settings, Export, Import, About).

`DialogBody` answered each layout request of its dialog by invalidating the dialog's
layout, which posted the dialog the next request, for as long as it was open. The
work is counted here as layout requests, not timed: over half a second of waiting,
the old code handled thousands in each dialog; a settled window needs none. The main
window on each area and the lock screen are held to the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from journal.ui.shell.actions import ActionId
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog


class LayoutRequests(QObject):
    """Counts the layout requests the widgets of one window receive."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.LayoutRequest
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.count += 1
        return False


@pytest.fixture
def counted() -> Iterator[list[LayoutRequests]]:
    filters: list[LayoutRequests] = []
    yield filters
    for each in filters:
        QApplication.instance().removeEventFilter(each)  # type: ignore[union-attr]


QUIET_MS = 300  # no layout request for this long: the window's opening work is done
SETTLE_LIMIT_MS = 10_000  # a window that never goes quiet is measured after this


def requests_while_idle(qtbot, dialog: QWidget, counted: list[LayoutRequests]) -> int:  # type: ignore[no-untyped-def]
    """The layout requests ``dialog`` (any window) handles over half a second with nothing
    done, once its opening work is done: once it has gone `QUIET_MS` without one, or
    after `SETTLE_LIMIT_MS` if it never does (the old `DialogBody` never did). A fixed
    half-second wait for the opening failed on a loaded machine (the Together area's
    opening fits were still running)."""
    counter = LayoutRequests(dialog)
    counted.append(counter)
    QApplication.instance().installEventFilter(counter)  # type: ignore[union-attr]
    for _ in range(SETTLE_LIMIT_MS // QUIET_MS):
        counter.count = 0
        qtbot.wait(QUIET_MS)
        if counter.count == 0:
            break
    counter.count = 0
    qtbot.wait(500)
    return counter.count


def test_the_restore_dialog_waits_without_work(qtbot, store, journal, counted) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_restore_dialog(qtbot, store, journal)
    assert requests_while_idle(qtbot, dialog, counted) == 0


@pytest.mark.parametrize(
    "action", [ActionId.SETTINGS, ActionId.EXPORT, ActionId.IMPORT, ActionId.ABOUT]
)
def test_the_menus_dialogs_wait_without_work(qtbot, unlocked_window, counted, action) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    found: dict[str, int] = {}

    def when_open() -> None:  # some of them are shown with exec(): measured from inside
        (dialog,) = [d for d in window.findChildren(QDialog) if d.isVisible() and d.isWindow()]
        found["requests"] = requests_while_idle(qtbot, dialog, counted)
        dialog.reject()

    QTimer.singleShot(100, when_open)
    window.action_by_id[action].trigger()
    qtbot.waitUntil(lambda: "requests" in found, timeout=10_000)
    assert found["requests"] == 0


@pytest.mark.parametrize(
    "area",
    [ActionId.SHOW_JOURNAL, ActionId.SHOW_BODY, ActionId.SHOW_LIBRARY, ActionId.SHOW_TOGETHER],
)
def test_the_main_window_waits_without_work(qtbot, unlocked_window, counted, area) -> None:  # type: ignore[no-untyped-def]
    unlocked_window.action_by_id[area].trigger()
    assert requests_while_idle(qtbot, unlocked_window, counted) == 0


def test_the_lock_screen_waits_without_work(qtbot, window, counted) -> None:  # type: ignore[no-untyped-def]
    assert window.lock_screen.isVisible()
    assert requests_while_idle(qtbot, window, counted) == 0

"""One Python filter on the application hands each event only to the filters that
act on its type, in Qt's order, stopping where one takes the event (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.common.app_filter import app_filters, install_once, watch_application
from journal.ui.common.wheel import WheelGuard, install_wheel_guard


class Seen(QObject):
    """Records the event types it is handed; takes them when ``take``."""

    def __init__(self, take: bool = False) -> None:
        super().__init__()
        self.take = take
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen.append(event.type())
        return self.take


def test_a_watcher_is_handed_only_its_event_types_newest_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    first, second = Seen(), Seen(take=True)
    watch_application(first, [QEvent.Type.User])
    watch_application(second, [QEvent.Type.User])
    QApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    QApplication.sendEvent(widget, QEvent(QEvent.Type.MaxUser))
    assert second.seen == [QEvent.Type.User]
    assert first.seen == []  # the newer one took it, as on Qt's own list
    filters = app_filters()
    assert filters is not None
    assert filters.watchers(QEvent.Type.User)[:2] == [second, first]
    filters.remove(second)
    QApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    assert first.seen == [QEvent.Type.User]
    filters.remove(first)
    assert first not in filters.watchers(QEvent.Type.User)


def test_the_application_filters_share_one_filter_on_the_application(qapp) -> None:  # type: ignore[no-untyped-def]
    guard = install_wheel_guard()
    assert isinstance(guard, WheelGuard)
    assert install_once(WheelGuard, guard.objectName()) is guard
    filters = app_filters()
    assert filters is not None
    assert guard in filters.watchers(QEvent.Type.Polish)
    assert guard not in filters.watchers(QEvent.Type.Paint)  # never handed a paint

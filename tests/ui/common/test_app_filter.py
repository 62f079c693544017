"""One Python filter on the application hands each event only to the filters that
act on its type, in Qt's order, stopping where one takes the event (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from journal.settings import Theme
from journal.ui.common.app_filter import (
    app_filters,
    install_once,
    unwatch_application,
    watch_application,
)
from journal.ui.common.theme import apply_theme
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


def test_a_watcher_added_first_stays_ahead_of_those_added_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Keys held while the app cannot take them (`KeysHeld`) are dropped before any
    other watcher of keys acts on them, whoever is added after (issue 15)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    held, later = Seen(take=True), Seen()
    watch_application(held, [QEvent.Type.User], first=True)
    watch_application(later, [QEvent.Type.User])
    QApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    assert held.seen == [QEvent.Type.User]
    assert later.seen == []
    unwatch_application(held)
    QApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    assert held.seen == [QEvent.Type.User]  # handed nothing once it stopped watching
    assert later.seen == [QEvent.Type.User]
    unwatch_application(later)


def test_the_application_filters_share_one_filter_on_the_application(qapp) -> None:  # type: ignore[no-untyped-def]
    guard = install_wheel_guard()
    assert isinstance(guard, WheelGuard)
    assert install_once(WheelGuard, guard.objectName()) is guard
    filters = app_filters()
    assert filters is not None
    assert guard in filters.watchers(QEvent.Type.Polish)
    assert guard not in filters.watchers(QEvent.Type.Paint)  # never handed a paint


class LayoutWork(QObject):
    """A filter doing layout work, as `fit_mnemonic_label` does: on a change of its
    label's font it widens the label, which Qt resizes at once (a Resize sent from
    inside this call). Records how deep in one another its calls ran, and each call."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        self.depth = 0
        self.deepest = 0
        self.calls: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.label:
            return False
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self.calls.append(event.type())
        try:
            if event.type() == QEvent.Type.FontChange:
                self.label.setMinimumWidth(self.label.sizeHint().width() + 40)
        finally:
            self.depth -= 1
        return False


def test_a_restyle_never_re_enters_the_filters(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A change of text size re-polishes every widget from inside Qt's style-sheet
    code; the app's filters do their layout work there, and were re-entered by the
    events that work sent (crash16: a segmentation fault several such calls deep). Now
    those reach them after, one call at a time, once per widget; none is lost."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    filters = app_filters(app)
    assert filters is not None and not filters.held
    page = QWidget()
    label = QLabel("&Date", page)
    QVBoxLayout(page).addWidget(label)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    work = LayoutWork(label)
    watch_application(work, [QEvent.Type.FontChange, QEvent.Type.Resize])
    apply_theme(app, Theme.LIGHT, 100)
    apply_theme(app, Theme.LIGHT, 175)
    try:
        assert work.deepest == 1, work.calls  # was 2: its Resize inside its FontChange
        assert work.calls.count(QEvent.Type.FontChange) == 1, work.calls
        assert QEvent.Type.Resize in work.calls  # the work's own event, handed on too
        assert label.minimumWidth() > label.sizeHint().width() - 40 > 0  # its work done
    finally:
        filters.remove(work)
        apply_theme(app, Theme.LIGHT, 100)

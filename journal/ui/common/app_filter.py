"""Application-wide event filters, through one filter on the application.

Qt hands every event of the process (each child added, timer, layout request, paint)
to every filter installed on the application. A filter written in Python costs a call
into Python, a wrapper for the object and one for the event, and the event's type
turned into a Python enum, per event and per filter: with a dozen filters that was
most of the time the cold start spent building the window (issue 12), and it is paid
again on every event after. So one filter, `AppFilters`, is installed on the
application: it asks each event its type once and hands the event only to the filters
that act on events of that type (their ``EVENT_TYPES``), in the order Qt would call
them (the one installed last first), stopping at the first that takes the event.

At start-up the filter goes on the application only once the lock screen has painted
(`hold_until_first_paint`, `install_after_first_paint`): until then it was handed
every event of building, laying out and painting the window (1,615 calls into Python,
157 million of the 1,385 million instructions of a cold start to the painted lock
screen, 11 %, by callgrind), for the little it does before anyone can type, which is
caught up when it is put on (`AppFilters.catch_up`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.common.first_paint import after_first_paint

__all__ = [
    "AppFilters",
    "deferred_while_restyling",
    "held_while_building",
    "hold_until_first_paint",
    "install_after_first_paint",
    "install_once",
    "unwatch_application",
    "watch_application",
]

F = TypeVar("F", bound=QObject)
_NAME = "solaceAppFilters"

# What the filters' layout work sends back while a change of theme or text size
# re-polishes every widget (`deferred_while_restyling`): a minimum size set resizes the
# widget at once, a Resize handed to the filters inside the filter's own call. The
# filters for these read nothing from the event but its type, so each is handed again
# later as a new event of that type (as `AppFilters.catch_up` does). The re-polish's
# own Polish, FontChange and StyleChange are handed on at once: deferred too, a label
# column measured its labels before they were fitted to the new size (the journal
# area stayed 332 px wide after 200 % and back, not 258: test_fits_any_screen).
DEFERRED_TYPES = frozenset({QEvent.Type.LayoutRequest, QEvent.Type.Resize})
MAX_DEFERRED_ROUNDS = 8  # of handing on what the last round's work sent (see `_flush`)


class AppFilters(QObject):
    """The one Python event filter on the application; hands each event to the filters
    registered (`add`) for its type. A filter's ``eventFilter`` returning True stops
    the event, as on Qt's own list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_type: dict[QEvent.Type, list[QObject]] = {}
        self._first: set[int] = set()  # added ``first`` (`add`): ahead of all others
        self._told_of_end: set[int] = set()  # watchers whose ``destroyed`` is connected
        self.held = False  # kept off the application until a first paint
        # While restyling (`deferred`): each widget and event type to hand on after,
        # in the order first seen, once each.
        self._deferring = 0
        self._pending: dict[tuple[int, QEvent.Type], QObject] = {}

    def add(
        self, watcher: QObject, event_types: Iterable[QEvent.Type], *, first: bool = False
    ) -> None:
        """Hand events of ``event_types`` to ``watcher.eventFilter`` from now on, before
        those registered earlier (Qt calls the filter installed last first), until
        ``watcher`` is destroyed or `remove`d. A watcher added ``first`` is handed them
        before every watcher not added so, those added after it too: keys held while
        the app cannot take them (`KeysHeld`) are dropped before any other watcher of
        keys acts on them (issue 15)."""
        key = id(watcher)
        if first:
            self._first.add(key)
        for event_type in event_types:
            watchers = self._by_type.setdefault(event_type, [])
            if watcher in watchers:
                continue
            ahead = 0 if first else sum(1 for each in watchers if id(each) in self._first)
            watchers.insert(ahead, watcher)
        if key not in self._told_of_end:  # once, however often it is added again
            self._told_of_end.add(key)
            watcher.destroyed.connect(partial(self._forget, key, gone=True))

    def remove(self, watcher: QObject) -> None:
        """Hand ``watcher`` no more events."""
        self._forget(id(watcher))

    def _forget(self, key: int, _destroyed: object = None, *, gone: bool = False) -> None:
        self._first.discard(key)
        if gone:
            self._told_of_end.discard(key)
        for event_type, watchers in list(self._by_type.items()):
            kept = [watcher for watcher in watchers if id(watcher) != key]
            if kept:
                self._by_type[event_type] = kept
            else:
                del self._by_type[event_type]

    def watchers(self, event_type: QEvent.Type) -> list[QObject]:
        """The filters events of ``event_type`` go to, in the order they are called."""
        return list(self._by_type.get(event_type, ()))

    def catch_up(self) -> None:
        """For a filter put on the application late (`install_after_first_paint`):
        hand the filters registered for Polish every widget Qt has polished so far,
        and those registered for LayoutRequest every visible widget, as they would
        have been handed them had this filter been on the application from the
        start. What they do then (a focus policy, a line edit's rules, a view's Tab
        key; a wrapped label's height) is the same done again, so nothing is done
        twice over; filters of other events (a dialog shown, a key) had nothing to
        act on before the first paint."""
        for event_type, widgets in (
            (QEvent.Type.Polish, _polished),
            (QEvent.Type.LayoutRequest, _visible),
        ):
            watchers = self.watchers(event_type)
            if not watchers:
                continue
            event = QEvent(event_type)
            for widget in widgets():
                for watcher in watchers:
                    if shiboken6.isValid(watcher) and shiboken6.isValid(widget):
                        watcher.eventFilter(widget, event)

    def hold(self, app: QCoreApplication) -> None:
        """Take this filter off ``app``: its filters are handed no event until
        `put_back`."""
        app.removeEventFilter(self)
        self.held = True

    def put_back(self, app: QCoreApplication) -> None:
        """Put this filter, when held (`hold`), on ``app`` again and catch up
        (`catch_up`)."""
        if self.held:
            self.held = False
            app.installEventFilter(self)
            self.catch_up()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """While inside: events of `DEFERRED_TYPES` are not handed to the filters but
        noted, once per object and type; on leaving the outermost, each is handed on
        (`_flush`), one after another, never inside another filter's call.

        A change of theme or text size re-polishes every widget from inside Qt's
        style-sheet code: the filters do their layout work on the events it sends
        (`fit_mnemonic_label`, `fit_label`), and were re-entered there by the events
        that work sent, calls deep inside QStyleSheetStyle (crash16)."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if not self._deferring:
                self._flush()

    def _flush(self) -> None:
        """Hand on what `deferred` noted: what this work sends in turn is noted again
        and handed on in the next round, up to `MAX_DEFERRED_ROUNDS` rounds; after
        that, as it comes."""
        self._deferring += 1
        try:
            for _round in range(MAX_DEFERRED_ROUNDS):
                if not self._pending:
                    break
                pending, self._pending = self._pending, {}
                for (_key, event_type), watched in pending.items():
                    if shiboken6.isValid(watched):
                        self._hand_on(watched, QEvent(event_type))
        finally:
            self._deferring -= 1
        pending, self._pending = self._pending, {}
        for (_key, event_type), watched in pending.items():
            if shiboken6.isValid(watched):
                self._hand_on(watched, QEvent(event_type))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        event_type = event.type()
        if self._deferring and event_type in DEFERRED_TYPES and event_type in self._by_type:
            self._pending.setdefault((id(watched), event_type), watched)
            return False
        return self._hand_on(watched, event)

    def _hand_on(self, watched: QObject, event: QEvent) -> bool:
        """Hand ``event`` to the filters for its type; True when one took it."""
        watchers = self._by_type.get(event.type())
        if not watchers:
            return False
        for watcher in tuple(watchers):
            if shiboken6.isValid(watcher) and watcher.eventFilter(watched, event):
                return True
        return False


@contextmanager
def deferred_while_restyling(app: QApplication) -> Iterator[None]:
    """Inside: the filters on ``app``'s `AppFilters` are handed the resizes and layout
    requests at the end (`AppFilters.deferred`), once per widget and event type, not
    inside the filter call whose work sent them. For a change
    of theme or text size (`journal.ui.common.theme.apply_theme`). Nothing to defer
    while the filters are held off the application or not made yet."""
    filters = app.findChild(AppFilters, _NAME)
    if not isinstance(filters, AppFilters) or filters.held:
        yield
        return
    with filters.deferred():
        yield


def _polished() -> list[QWidget]:
    polished = Qt.WidgetAttribute.WA_WState_Polished
    return [w for w in QApplication.allWidgets() if w.testAttribute(polished)]


def _visible() -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if w.isVisible()]


def app_filters(app: QApplication | None = None) -> AppFilters | None:
    """The application's `AppFilters` (installed on ``app``, default the running
    application, on first use), or None when there is no QApplication yet."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    existing = app.findChild(AppFilters, _NAME)
    if isinstance(existing, AppFilters):
        return existing
    filters = AppFilters(app)
    filters.setObjectName(_NAME)
    app.installEventFilter(filters)
    return filters


def hold_until_first_paint() -> None:
    """Keep the application's `AppFilters` off the application until
    `install_after_first_paint` puts it on: filters registered meanwhile (the main
    window's, as it is built) are handed no event until then.

    Issue 12: a cold start's events (each child added, polish, layout request, resize,
    paint: tens of thousands while the lock screen is built and shown) all went
    through one Python call each, for filters that act on a few of them before the
    person can type. No-op without a QApplication.
    """
    app = QApplication.instance()
    filters = app_filters(app) if isinstance(app, QApplication) else None
    if filters is not None and app is not None:
        filters.hold(app)


def install_after_first_paint(window: QWidget) -> None:
    """Put the application's `AppFilters`, when `hold_until_first_paint` holds it, on
    the application on the event-loop turn after ``window``'s first paint, and catch
    up (`AppFilters.catch_up`); a call queued after this one for that turn runs with
    the filter on. No-op when it is not held or without a QApplication."""
    app = QApplication.instance()
    filters = app_filters(app) if isinstance(app, QApplication) else None
    if filters is None or app is None or not filters.held:
        return
    after_first_paint(window, partial(filters.put_back, app))


@contextmanager
def held_while_building(app: QApplication | None = None) -> Iterator[None]:
    """Inside: the application's `AppFilters` is off the application (``app``, default
    the running one); on leaving, it is put back and catches up (`AppFilters.catch_up`),
    as after a first paint. For building many hidden widgets at once (the areas, on the
    first unlock of a process).

    Issue 12: building the four areas sent about 19,000 events through the filter,
    each a call into Python, and the filters for Polish and layout fitted labels of
    widgets nobody could see yet, over and over as each was added: 0.3 s of an unlock's
    0.65 s on this machine. Caught up once at the end, they do that work once. Nothing
    typed is missed meanwhile: no input is handed out while the building holds the GUI
    thread. Nothing is held when the filter is already held or there is no
    QApplication."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    filters = app_filters(app)
    if filters is None or app is None or filters.held:
        yield
        return
    filters.hold(app)
    try:
        yield
    finally:
        filters.put_back(app)


def install_once(
    kind: type[F], name: str, app: QApplication | None = None, *, first: bool = False
) -> F | None:
    """Install an event filter of ``kind`` (built as ``kind(app)``, named ``name``) on
    ``app`` (default: the running application) unless one is there already. It is
    handed the events of the types in ``kind.EVENT_TYPES`` (see `AppFilters`), before
    every other watcher when ``first``.

    Returns the installed filter (the same one on every call), or None when there is
    no QApplication yet.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    filters = app_filters(app)
    if filters is None or app is None:
        return None
    existing = app.findChild(kind, name)
    if isinstance(existing, kind):
        return existing
    installed = kind(app)
    installed.setObjectName(name)
    filters.add(installed, kind.EVENT_TYPES, first=first)  # type: ignore[attr-defined]
    return installed


def watch_application(
    watcher: QObject, event_types: Iterable[QEvent.Type], *, first: bool = False
) -> bool:
    """Hand ``watcher.eventFilter`` the running application's events of
    ``event_types`` (as ``installEventFilter`` on the application would, for those
    types only) until ``watcher`` is destroyed or `unwatch_application` is called;
    ``first``: before every other watcher (`AppFilters.add`). False when there is no
    QApplication."""
    filters = app_filters()
    if filters is None:
        return False
    filters.add(watcher, event_types, first=first)
    return True


def unwatch_application(watcher: QObject) -> None:
    """Hand ``watcher`` no more of the application's events (see `watch_application`);
    nothing happens when it was not watching or there is no QApplication."""
    filters = app_filters()
    if filters is not None:
        filters.remove(watcher)

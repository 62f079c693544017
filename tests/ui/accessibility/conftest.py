"""Records what the app sends to assistive technology.

``a11y_events`` installs a QAccessible update handler (Qt's
``QAccessible::installUpdateHandler``, which PySide6 does not bind, so it is
called through ctypes) and turns accessibility on: every event the AT-SPI
bridge would serialise onto the bus (announcements, alerts, focus, name
changes) is recorded instead. Nothing of ours is mocked: the events come from
Qt, sent by the real widgets.
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleTextInsertEvent,
    QAccessibleTextRemoveEvent,
    QAccessibleTextUpdateEvent,
)
from PySide6.QtTest import QTest

from journal.ui.common.accessibility import FOCUS_LANDING_MS, announcements_waiting

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"


@dataclass(frozen=True)
class Heard:
    """One event as a screen reader gets it."""

    kind: QAccessible.Event
    source: QObject | None
    message: str = ""
    assertive: bool = False
    #: The text a text event carries (inserted, removed, or both for an update), and
    #: whether the AT-SPI bridge puts it on the bus: it does for a source whose
    #: interface has a text interface (``AtSpiAdaptor::notify``), and drops it otherwise.
    text: str = ""
    bridged: bool = False
    name: str | None = None  # what the focused or renamed object is called, at that moment


@dataclass
class Recorder:
    events: list[Heard] = field(default_factory=list)
    record_names: bool = False  # keep the name sent with focus and name-change events

    def settle(self) -> None:
        """Let the announcements and alerts that wait for the focus to move and land
        (``accessibility.announce``) go out: the event loop runs until none waits. One
        that waits for the focus to land (none does here, after a dialog closed: no
        window manager gives it back) goes out after ``FOCUS_LANDING_MS``."""
        for _turn in range(100):
            if not announcements_waiting():
                return
            QCoreApplication.processEvents()
        deadline = time.monotonic() + 3 * FOCUS_LANDING_MS / 1000
        while announcements_waiting() and time.monotonic() < deadline:
            QTest.qWait(10)
        if announcements_waiting():
            raise AssertionError("an announcement still waits for the focus")

    def announcements(self, *, assertive: bool | None = None) -> list[str]:
        self.settle()
        return [
            e.message
            for e in self.events
            if e.kind == QAccessible.Event.Announcement
            and (assertive is None or e.assertive == assertive)
        ]

    def names(self, kind: QAccessible.Event) -> list[str | None]:
        """The names sent with each Focus or NameChanged event, in order."""
        self.settle()
        return [e.name for e in self.events if e.kind == kind]

    def of(self, kind: QAccessible.Event) -> list[Heard]:
        self.settle()
        return [e for e in self.events if e.kind == kind]

    def clear(self) -> None:
        self.events.clear()

    def listen(self) -> None:
        """Start listening afresh: let out what still waits (a new entry's "New entry."
        waits until the focus lands in the words), then forget everything heard, so
        what is recorded from here is what the test's next action made."""
        self.settle()
        self.clear()


def _library() -> ctypes.CDLL:
    qt_lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    if not qt_lib.exists():
        pytest.skip("Qt's update handler is reached here only on Linux")
    return ctypes.CDLL(str(qt_lib))


_TEXT_EVENTS = {
    QAccessible.Event.TextInserted: QAccessibleTextInsertEvent,
    QAccessible.Event.TextRemoved: QAccessibleTextRemoveEvent,
    QAccessible.Event.TextUpdated: QAccessibleTextUpdateEvent,
}


def _text_event(pointer: int, kind: QAccessible.Event) -> Heard:
    if kind == QAccessible.Event.TextInserted:
        inserted = shiboken6.wrapInstance(pointer, QAccessibleTextInsertEvent)
        text, interface = inserted.textInserted(), inserted.accessibleInterface()
    elif kind == QAccessible.Event.TextRemoved:
        removed = shiboken6.wrapInstance(pointer, QAccessibleTextRemoveEvent)
        text, interface = removed.textRemoved(), removed.accessibleInterface()
    else:
        updated = shiboken6.wrapInstance(pointer, QAccessibleTextUpdateEvent)
        text = updated.textRemoved() + updated.textInserted()
        interface = updated.accessibleInterface()
    bridged = interface is not None and interface.textInterface() is not None
    return Heard(kind, None, text=text, bridged=bridged)


@pytest.fixture
def a11y_events(qapp) -> Iterator[Recorder]:  # type: ignore[no-untyped-def]
    recorder = Recorder()

    def handler(pointer: int) -> None:
        event = shiboken6.wrapInstance(pointer, QAccessibleEvent)
        kind = event.type()
        if kind in _TEXT_EVENTS:
            del event  # so the pointer is wrapped anew, as the event it is
            recorder.events.append(_text_event(pointer, kind))
            return
        if recorder.record_names and kind in (
            QAccessible.Event.Focus,
            QAccessible.Event.NameChanged,
            QAccessible.Event.DescriptionChanged,
        ):
            # The name (the description, for its change) the bridge sends with the
            # event, read now (a caching screen reader keeps it): the object's
            # interface, or its child's (a table cell). Only once a test asks: an
            # interface made for a widget still being built would be cached with its
            # base class's role for good.
            interface = event.accessibleInterface()
            text = (
                QAccessible.Text.Description
                if kind == QAccessible.Event.DescriptionChanged
                else QAccessible.Text.Name
            )
            name = interface.text(text) if interface is not None else None
            recorder.events.append(Heard(kind, None, name=name))
            return
        if kind not in (QAccessible.Event.Announcement, QAccessible.Event.Alert):
            # Not event.object(): a widget still being built would get a Python wrapper
            # of its base class (a QWidget for a QHeaderView), kept for its lifetime.
            recorder.events.append(Heard(kind, None))
            return
        source = event.object()
        if kind == QAccessible.Event.Announcement:
            said = shiboken6.wrapInstance(pointer, QAccessibleAnnouncementEvent)
            assertive = said.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            recorder.events.append(Heard(kind, source, said.message(), assertive))
        else:
            recorder.events.append(Heard(kind, source))

    callback = _HANDLER(handler)
    install = getattr(_library(), _INSTALL)
    was_active = QAccessible.isActive()
    install(callback)
    QAccessible.setActive(True)
    try:
        yield recorder
    finally:
        install(None)
        QAccessible.setActive(was_active)

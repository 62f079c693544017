"""Where the focus goes when a dialog closes: back where the person was.

Qt gives the focus back to the control that had it before the dialog opened, but
only if that control is still there. When saying yes hid, disabled or removed it
(the last appointment removed, a log deleted, an idea taken away, every area
reloaded after an import), Qt moves the focus to whatever comes next in the whole
window, often the area list at its very start, and a screen-reader user is lost.

`FocusReturn` watches every dialog of one window. When a dialog opens it notes the
control that had the focus (the opener) and its neighbours in Tab order. Once the
dialog has closed and what it asked for is done, the focus stays where it is if
that is a usable control in the same part of the window as the opener (the opener
itself, or where the app moved it: a table row, Undo); otherwise it goes back to
the opener, or if the opener went with what it acted on, to the nearest usable
control around where it was (the list it acted on), else to where that part starts. When saying yes
changed the whole screen (unlocking, locking), that screen places the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from journal.ui.common.accessibility import first_tab_stop
from journal.ui.common.borrowed import next_in_focus_chain, previous_in_focus_chain

#: How far along the focus chain neighbours are looked for, each way.
NEIGHBOURS = 400

Region = Callable[[QWidget], "QWidget | None"]


def usable(widget: QWidget | None) -> bool:
    """A control the focus can rest on: still there, shown, enabled, taking focus."""
    return (
        widget is not None
        and shiboken6.isValid(widget)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    )


@dataclass
class _Opened:
    """What had the focus when a dialog opened."""

    opener: QWidget
    region: QWidget | None
    neighbours: list[QWidget] = field(default_factory=list)  # before it first, then after
    ancestors: list[QWidget] = field(default_factory=list)  # nearest first, up to region


class FocusReturn(QObject):
    """Gives the focus back after each dialog of ``window`` closes (see the module).

    ``region(widget)`` names the part of the window a widget belongs to (an area's
    page, the lock screen), or None; ``start(part)`` puts the focus where that part
    starts. Hand it the application's events (`app_filter.watch_application`)."""

    #: What `eventFilter` acts on (see `journal.ui.common.app_filter`).
    EVENT_TYPES: ClassVar[frozenset[QEvent.Type]] = frozenset({QEvent.Type.Show, QEvent.Type.Hide})

    def __init__(self, window: QWidget, region: Region, start: Callable[[QWidget], None]) -> None:
        super().__init__(window)
        self._window = window
        self._region = region
        self._start = start
        self._open: dict[int, _Opened] = {}  # by the dialog's C++ address
        self._last: _Opened | None = None

    def _ours(self, obj: QObject) -> bool:
        """A dialog of this window, or of a dialog of it (a file dialog over Settings)."""
        if not isinstance(obj, QDialog) or not obj.isWindow():
            return False
        parent = obj.parentWidget()
        while parent is not None:
            top = parent.window()
            if top is self._window:
                return True
            parent = top.parentWidget()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and self._ours(obj):
            if kind == QEvent.Type.Show:
                self._opened(obj)  # type: ignore[arg-type]
            else:
                opened = self._open.pop(_key(obj), None)
                if opened is not None:
                    self._last = opened
                    QTimer.singleShot(0, lambda: self._closed(opened))
        return False

    def _part(self, widget: QWidget) -> QWidget | None:
        window = widget.window()
        return self._region(widget) if window is self._window else window

    def _opened(self, dialog: QDialog) -> None:
        focus = QApplication.focusWidget()
        if not usable(focus) or (focus is not None and dialog.isAncestorOf(focus)):
            if self._last is not None and shiboken6.isValid(self._last.opener):
                self._open[_key(dialog)] = self._last  # a dialog that follows another
            return
        assert focus is not None
        neighbours: list[QWidget] = []
        # Along the chain without PySide's re-parenting (`borrowed`): the walk with
        # QWidget.nextInFocusChain hung the main window under a tool button's passing
        # wrapper, and its menus were marked deleted while they lived.
        for step in (previous_in_focus_chain, next_in_focus_chain):
            widget: QWidget | None = focus
            for _ in range(NEIGHBOURS):
                widget = step(widget) if widget is not None else None
                if widget is None or widget is focus:
                    break
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    neighbours.append(widget)
        part = self._part(focus)
        ancestors: list[QWidget] = []
        parent = focus.parentWidget()
        while parent is not None and parent is not part and not parent.isWindow():
            ancestors.append(parent)
            parent = parent.parentWidget()
        self._open[_key(dialog)] = _Opened(focus, part, neighbours, ancestors)

    def _closed(self, opened: _Opened) -> None:
        if QApplication.activeModalWidget() is not None:
            return  # another dialog followed; it gives the focus back when it closes
        opener, part = opened.opener, opened.region
        if part is not None and (not shiboken6.isValid(part) or not part.isVisible()):
            return  # saying yes changed the whole screen (unlocked, locked): its own focus
        window = opener.window() if shiboken6.isValid(opener) else self._window
        focus = window.focusWidget()
        if focus is not None and usable(focus) and self._part(focus) is part:
            return  # still there, or the app moved it on purpose (a table row, Undo)
        if usable(opener):
            opener.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        # The opener went with what it acted on: the nearest usable control around
        # where it was (in the smallest enclosing group that still has one), the one
        # before it first (the list it acted on), in the same part of the window.
        for group in opened.ancestors:
            if not shiboken6.isValid(group) or not group.isVisible():
                continue
            near = [w for w in opened.neighbours if _within(w, group)]
            target = near[0] if near else first_tab_stop(group)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if part is not None:
            self._start(part)


def _key(obj: QObject) -> int:
    """The C++ object's address: a dialog made by Qt (QMessageBox.question) gets a new
    Python wrapper for each event, so Python's ``id`` does not name it."""
    return int(shiboken6.getCppPointer(obj)[0])


def _within(widget: QWidget, group: QWidget) -> bool:
    return usable(widget) and group.isAncestorOf(widget)

"""A list, table, tree or calendar is one Tab stop: Tab leaves it, the arrows move in it.

Qt's table views (``QTableView``, ``QTableWidget`` and the day grid inside every
``QCalendarWidget``) take Tab and Shift+Tab for themselves by default and move from
cell to cell with them, so a keyboard user who tabs into a chart's table of values
cannot tab out again (WCAG 2.1.2, "no keyboard trap"): the rest of the page is
reached only by a shortcut they may not know. One application-wide filter
(``install_tab_stops``) turns Tab navigation off in every item view of Solace,
dialogs and pop-up calendars included, when it is polished (before it is shown), so
none of them, present or future, can trap Tab.

Ctrl+Tab and Ctrl+Shift+Tab move the focus on and back from any control that has no
use of its own for them, as on GTK desktops: the README teaches Ctrl+Tab as the way
out of an entry's text, and the next control, "Share with my partner", kept the
focus at every further Ctrl+Tab (break test 40, finding 7). A control or part that
uses them (a tab widget turning its pages, an entry's text) takes them first; only a
key press left unused by every control up to its window moves the focus. A date, time
or number field takes them for nothing (Qt's spin boxes accept every Tab key), so
they go on to the parts around it, as from any other field: "Written on" and the body
log's Time kept the focus (re-test 40, e).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QMainWindow,
)

from journal.ui.common.app_filter import install_once

__all__ = ["TabStops", "install_tab_stops"]

_NAME = "solaceTabStops"


_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_CONTROL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


class TabStops(QObject):
    """Turns ``tabKeyNavigation`` off in each item view as it is polished, and moves
    the focus on (or back) for a Ctrl+Tab (Ctrl+Shift+Tab) that reached its window
    unused (see the module's docstring)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Polish, QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            watched.setTabKeyNavigation(False)
            return False
        if not (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _TAB_KEYS
            and event.modifiers() & ~_SHIFT == _CONTROL
        ):
            return False
        parent = watched.parentWidget() if isinstance(watched, QAbstractSpinBox) else None
        if parent is not None:  # as if the field had left the key unused
            passed = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(parent, passed)
            return True
        if isinstance(watched, QMainWindow | QDialog):
            back = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & _SHIFT)
            watched.focusNextPrevChild(not back)
            event.accept()
            return True
        return False


def install_tab_stops(app: QApplication | None = None) -> TabStops | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet. Call it before the first window is
    built."""
    return install_once(TabStops, _NAME, app)

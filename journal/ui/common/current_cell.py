"""A table or list that takes the keyboard focus tells which cell is current.

Qt tells assistive technology a view's current cell only when it changes while the
view has the focus (``QTableView::currentChanged``). A view whose current cell was
set before it was focused (a chart's table of values starts on its newest row) was
heard as "table" alone, and the first Down went to the second row: the newest day,
the one with the fever, was never heard (break test 15 of session 12, finding 5).

One application-wide filter (`install_current_cell`) tells the current cell of every
table and list right after the view's own focus is told, so a screen reader says the
cell the arrows move from.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QListView, QTableView

from journal.ui.common.accessibility import focus_told_later
from journal.ui.common.app_filter import install_once

__all__ = ["CurrentCell", "accessible_child", "install_current_cell", "tell_current_cell"]

_NAME = "solaceCurrentCell"


def tell_current_cell(view: QTableView | QListView) -> bool:
    """Send assistive technology a focus event for ``view``'s current cell, as Qt does
    when the current cell changes; False when there is none to tell (no current cell,
    no focus, or accessibility off)."""
    if not shiboken6.isValid(view) or not view.hasFocus() or not QAccessible.isActive():
        return False
    current = view.currentIndex()
    if not current.isValid():
        return False
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(accessible_child(view, current.row(), current.column()))
    QAccessible.updateAccessibility(event)
    return True


def accessible_child(view: QTableView | QListView, row: int, column: int) -> int:
    """The index of cell (``row``, ``column``) among ``view``'s accessible children: a
    list's rows in order; a table counts a row of column headers and a column of row
    headers first, shown or hidden (``QAccessibleTable::child``; PySide6 binds no
    table interface to ask)."""
    if isinstance(view, QListView):
        return row
    columns = view.model().columnCount() if view.model() is not None else 0
    return (row + 1) * (columns + 1) + column + 1


class CurrentCell(QObject):
    """On each FocusIn of a table or list view, tells its current cell once the view's
    own focus has been told (Qt tells it after the FocusIn event, hence the next turn
    of the event loop)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.FocusIn})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QTableView | QListView):
            view = watched
            QTimer.singleShot(0, lambda: tell_current_cell(view))
            focus_told_later()  # what is said meanwhile waits for the cell's focus
        return False


def install_current_cell(app: QApplication | None = None) -> CurrentCell | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(CurrentCell, _NAME, app)

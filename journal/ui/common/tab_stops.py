"""A list, table, tree or calendar is one Tab stop: Tab leaves it, the arrows move in it.

Qt's table views (``QTableView``, ``QTableWidget`` and the day grid inside every
``QCalendarWidget``) take Tab and Shift+Tab for themselves by default and move from
cell to cell with them, so a keyboard user who tabs into a chart's table of values
cannot tab out again (WCAG 2.1.2, "no keyboard trap"): the rest of the page is
reached only by a shortcut they may not know. One application-wide filter
(``install_tab_stops``) turns Tab navigation off in every item view of Solace,
dialogs and pop-up calendars included, when it is polished (before it is shown), so
none of them, present or future, can trap Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication

from journal.ui.common.app_filter import install_once

__all__ = ["TabStops", "install_tab_stops"]

_NAME = "solaceTabStops"


class TabStops(QObject):
    """Turns ``tabKeyNavigation`` off in each item view as it is polished."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Polish})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            watched.setTabKeyNavigation(False)
        return False


def install_tab_stops(app: QApplication | None = None) -> TabStops | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet. Call it before the first window is
    built."""
    return install_once(TabStops, _NAME, app)

"""Menus wide enough for their words at every text size.

Qt's Fusion style sizes a menu item from its text but, at large fonts, draws the
text after a wider check-mark column than it sized for, and elides what does not
fit ("1…%" for "100 %" in View > Text size at 200 %). One application-wide event
filter (``install_menu_widths``) gives every menu shown in Solace (the menu bar's,
submenus, context menus, the toolbar's overflow menu) a minimum width with room
for the check column, the words, the shortcut and a submenu arrow, measured in
the menu's own font each time it opens, so a text size chosen later is honoured,
both ways (larger and smaller).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from journal.ui.common.app_filter import install_once

__all__ = ["MenuWidths", "install_menu_widths", "needed_width"]

_FILTER_NAME = "solaceMenuWidths"


def needed_width(menu: QMenu) -> int:
    """The width in pixels ``menu`` needs so that no item's words are cut: per item,
    a check column and margins (two line heights), the text, the shortcut with a gap
    (two line heights) and a submenu arrow (one line height)."""
    metrics = menu.fontMetrics()
    line = metrics.height()
    widest = 0
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        width = 2 * line + metrics.horizontalAdvance(text)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut:
            width += 2 * line + metrics.horizontalAdvance(shortcut)
        if action.menu() is not None:
            width += line
        widest = max(widest, width)
    return widest


class MenuWidths(QObject):
    """Sets each menu's minimum width to `needed_width` just before it is laid out."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Show})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QMenu) and event.type() == QEvent.Type.Show:
            wanted = needed_width(watched)
            if watched.minimumWidth() != wanted:
                watched.setMinimumWidth(wanted)
                # A menu lays its items out at least as wide as its minimum width and
                # keeps that layout until told its font changed: the minimum set at an
                # earlier text size kept the View menu at its 200 % width back at 100 %.
                # Told now, while shown, it lays them out again and takes their size.
                QApplication.sendEvent(watched, QEvent(QEvent.Type.FontChange))
        return False


def install_menu_widths(app: QApplication | None = None) -> MenuWidths | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(MenuWidths, _FILTER_NAME, app)

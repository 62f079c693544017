"""Shift+F10 opens the focused control's context menu, as the Menu key does.

Qt turns only the Menu key into a keyboard context-menu event; Shift+F10, the
context-menu key of laptops without a Menu key and the one screen-reader users are
taught, did nothing in the entry's text (break test 15 of session 11, finding 2). One
application-wide filter (see `app_filter`) sends the same event Qt sends for the Menu
key (a ``QContextMenuEvent`` of reason Keyboard, at the caret of a text field, else at
the middle of the control) to the control with the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

from journal.ui.common.app_filter import install_once

__all__ = ["ContextMenuKey", "install_context_menu_key"]

_FILTER_NAME = "solaceContextMenuKey"
_NO_MENU = (Qt.ContextMenuPolicy.NoContextMenu, Qt.ContextMenuPolicy.PreventContextMenu)


def _menu_point(widget: QWidget) -> QPoint:
    """Where a keyboard context menu of ``widget`` opens, in its own coordinates: at
    the caret of a text field (as Qt does for the Menu key), else its middle."""
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        caret = widget.cursorRect().center()
        return widget.viewport().mapTo(widget, caret)
    return widget.rect().center()


class ContextMenuKey(QObject):
    """Shift+F10 pressed: the focused control is sent a keyboard context-menu event."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_F10:
            return False
        if event.modifiers() != Qt.KeyboardModifier.ShiftModifier:
            return False
        focused = QApplication.focusWidget()
        if focused is None or watched is not focused or focused.contextMenuPolicy() in _NO_MENU:
            return False
        point = _menu_point(focused)
        menu = QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, point, focused.mapToGlobal(point)
        )
        QApplication.sendEvent(focused, menu)
        return True


def install_context_menu_key(app: QApplication | None = None) -> ContextMenuKey | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(ContextMenuKey, _FILTER_NAME, app)

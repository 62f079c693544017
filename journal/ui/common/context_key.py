"""Context menus for the keyboard: Shift+F10 opens one as the Menu key does, and a
menu opened either way is named and starts on its first item.

Qt turns only the Menu key into a keyboard context-menu event; Shift+F10, the
context-menu key of laptops without a Menu key and the one screen-reader users are
taught, did nothing in the entry's text (break test 15 of session 11, finding 2). One
application-wide filter (see `app_filter`) sends the same event Qt sends for the Menu
key (a ``QContextMenuEvent`` of reason Keyboard, at the caret of a text field, else at
the middle of the control) to the control with the focus.

A popup menu has no title, so the bridge names it after the application ("Solace
menu"), and Qt opens it with no item current, so nothing more is heard until Down is
pressed. The same filter sees every context-menu event: the menu it opens is named for
what it acts on ("Editing" for a text field: "Editing menu" is heard; else the
control's own name), and, opened from the keyboard, its first item is made current
(heard as it is).
"""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from journal.ui.common.app_filter import install_once

__all__ = ["EDITING", "ContextMenuKey", "install_context_menu_key", "menu_name"]

#: The name of a text field's context menu (Undo, Cut, Copy, Paste...).
EDITING = "Editing"

_FILTER_NAME = "solaceContextMenuKey"
_NO_MENU = (Qt.ContextMenuPolicy.NoContextMenu, Qt.ContextMenuPolicy.PreventContextMenu)


def _menu_point(widget: QWidget) -> QPoint:
    """Where a keyboard context menu of ``widget`` opens, in its own coordinates: at
    the caret of a text field (as Qt does for the Menu key), else its middle."""
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        caret = widget.cursorRect().center()
        return widget.viewport().mapTo(widget, caret)
    return widget.rect().center()


def menu_name(widget: QWidget) -> str:
    """What a context menu of ``widget`` is called: `EDITING` for a text field, else the
    control's accessible name (a list: "Past logs"), else "Context". The viewport of a
    scroll area (where a right click lands) stands for the scroll area."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        widget = parent
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return EDITING
    return widget.accessibleName() or "Context"


def _settle_menu(name: str, keyboard: bool) -> None:
    """The context menu just opened (the active popup): named ``name`` unless it has a
    name; opened from the ``keyboard``, its first enabled item made current (its first
    item when none is enabled: heard as unavailable, rather than nothing)."""
    menu = QApplication.activePopupWidget()
    if not isinstance(menu, QMenu) or not shiboken6.isValid(menu):
        return
    if not menu.accessibleName() and not menu.title():
        menu.setAccessibleName(name)
    if keyboard and menu.activeAction() is None:
        items = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        first = next((a for a in items if a.isEnabled()), items[0] if items else None)
        if first is not None:
            menu.setActiveAction(first)


class ContextMenuKey(QObject):
    """Shift+F10 pressed: the focused control is sent a keyboard context-menu event. A
    context-menu event (from either key or the mouse): the menu it opens is settled
    (see `_settle_menu`) once it shows, when the event loop next runs (a menu run with
    ``exec`` runs it inside)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress, QEvent.Type.ContextMenu})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QContextMenuEvent):
            if isinstance(watched, QWidget) and watched.contextMenuPolicy() not in _NO_MENU:
                keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
                QTimer.singleShot(0, partial(_settle_menu, menu_name(watched), keyboard))
            return False
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

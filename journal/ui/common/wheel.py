"""The mouse wheel never changes an answer.

Qt's combo boxes, spin boxes, date and time fields and sliders change their value
when the wheel turns over them: a person scrolling the body log form past "Bleeding"
would set it to "Medium" without noticing. A tab bar shows another tab: scrolling the
Body log up past its tabs turned the form into the Timeline (session 39). One
application-wide event filter (``install_wheel_guard``) stops that for every such
widget in Solace, dialogs included:

- a wheel event over one of them is handed to the nearest scroll area around it,
  which scrolls instead (or, with no scroll area, goes nowhere), whether the field
  has the keyboard focus or not;
- their focus policy loses ``Qt.WheelFocus`` when they are polished, so the wheel
  cannot give them the focus either.

A value changes by the keys (arrows, Page Up and Down, typing), a click or the
drop-down's list, never by the wheel, as on macOS and GNOME. Until session 39 a field
the person had focused (Tab, a click, a key pressed in it) kept the wheel, as on
Windows: a person who tabbed through the body log, then scrolled the page with the
pointer resting on a drop-down, turned "Bleeding" from "Not noted" to "Spotting" and
"Clots" from "Small" to "Large", and a warning sign she never logged was saved
(break test 39, finding 1).

Scroll bars are sliders too; they keep the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

from journal.ui.common.app_filter import install_once

__all__ = ["WheelGuard", "guarded_field", "install_wheel_guard"]

_GUARD_NAME = "solaceWheelGuard"


def guarded_field(obj: QObject) -> QWidget | None:
    """The value-holding field a wheel event on ``obj`` would change, or None.

    ``obj`` may be the field itself (a combo box, spin box, date/time field, a slider
    that is not a scroll bar, or a tab bar, whose value is the tab shown) or the line
    edit inside one of them.
    """
    if isinstance(obj, QScrollBar):
        return None
    if isinstance(obj, QComboBox | QAbstractSpinBox | QAbstractSlider | QTabBar):
        return obj
    if isinstance(obj, QLineEdit):
        parent = obj.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return parent
    return None


def _calm_focus_policy(field: QWidget) -> None:
    """Tab and click still give the focus; the wheel no longer does."""
    if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """The application-wide filter described in the module's docstring."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Polish, QEvent.Type.Wheel})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = guarded_field(watched)
        if field is None:
            return False
        _calm_focus_policy(field)
        if event.type() != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        self._scroll_instead(field, event)
        return True

    @staticmethod
    def _scroll_instead(field: QWidget, event: QWheelEvent) -> None:
        """Hand the wheel to the nearest scroll area around ``field`` that can scroll
        the way the wheel turned: a panel that grows with its content (one scroll per
        page) cannot, and the page around it then scrolls instead. Only scroll areas
        in ``field``'s own window: a dialog's field never scrolls the page behind the
        dialog (break test 10 of session 12, finding 9: the Timeline scrolled away
        behind "Recovery details")."""
        vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())
        parent = None if field.isWindow() else field.parentWidget()
        nearest: QAbstractScrollArea | None = None
        while parent is not None:
            if isinstance(parent, QAbstractScrollArea):
                nearest = nearest or parent
                bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
                if bar.maximum() > bar.minimum():
                    break
            parent = None if parent.isWindow() else parent.parentWidget()
        parent = parent or nearest
        if parent is None:
            event.accept()
            return
        viewport = parent.viewport()
        position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
        forwarded = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.accept()


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard | None:
    """Install the guard on ``app`` (default: the running application) once.

    Returns the guard (the same one on every call), or None when there is no
    QApplication yet. Call it before the first window is built, so every field
    is polished with the calm focus policy; fields polished earlier are still
    guarded on each wheel event.
    """
    return install_once(WheelGuard, _GUARD_NAME, app)

"""The mouse wheel never changes an answer by accident.

Qt's combo boxes, spin boxes, date and time fields and sliders change their
value when the wheel turns over them, even without the keyboard focus: a
person scrolling the body log form past "Bleeding" would set it to "Medium"
without noticing. One application-wide event filter (``install_wheel_guard``)
stops that for every such widget in Solace, dialogs included:

- a wheel event over one of them that the person has not chosen is handed to
  the nearest scroll area around it, which scrolls instead (or, with no scroll
  area, goes nowhere);
- a field is chosen when the person gives it the keyboard focus (a click, Tab,
  Shift+Tab or its Alt+letter), presses a mouse button in it, or presses a key
  the field acts on (a character, an arrow, Page Up or Down, Home, End,
  Backspace, Delete, F4); it stays chosen until the focus leaves it for another
  control. Focus that Solace itself gives (a dialog opening on its first field,
  the time field after "Save this log", a tab's first control) does not choose
  it: with the pointer resting there, the next wheel turn would otherwise have
  moved a saved log years back or turned the idle lock to "Never". Nor does a
  key pressed while such focus rests there that the field does not act on: a
  shortcut's Ctrl key (Ctrl+- then Ctrl++ had let the wheel move a log from 2026
  to 1996), Escape or F2 (each had let it move a log a year back);
- their focus policy loses ``Qt.WheelFocus`` when they are polished, so the
  wheel cannot give them the focus either.

Scroll bars are sliders too; they keep the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from journal.ui.common.app_filter import install_once
from journal.ui.common.keys_held import COMMAND_MODIFIERS, types_a_character

__all__ = ["WheelGuard", "forget_choice", "guarded_field", "install_wheel_guard"]

_GUARD_NAME = "solaceWheelGuard"


def guarded_field(obj: QObject) -> QWidget | None:
    """The value-holding field a wheel event on ``obj`` would change, or None.

    ``obj`` may be the field itself (a combo box, spin box, date/time field or a
    slider that is not a scroll bar) or the line edit inside one of them.
    """
    if isinstance(obj, QScrollBar):
        return None
    if isinstance(obj, QComboBox | QAbstractSpinBox | QAbstractSlider):
        return obj
    if isinstance(obj, QLineEdit):
        parent = obj.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return parent
    return None


_CHOSEN = "solaceWheelChosen"  # a field's property: the person chose it (see above)
_PERSONS_FOCUS = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
# Focus that leaves only for a moment (another window, a pop-up) comes back chosen.
_FOCUS_AWAY_FOR_A_MOMENT = (
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.PopupFocusReason,
)


def _has_focus(field: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return field.hasFocus() or (focused is not None and field.isAncestorOf(focused))


_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


# Keys a combo box, spin box or date field acts on besides typed text: they step,
# move within or edit its value, or open its list. Any other key (Escape, Enter,
# F1 to F12, Menu, Insert) leaves the field as it was and so is no choice of it.
_EDITING_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_F4,  # opens a drop-down's list
    }
)


def _acts_on_field(event: QKeyEvent) -> bool:
    """Whether a key press is one the field itself acts on: a character typed (a
    digit, a letter, a space), an arrow, Page Up or Down, Home, End, Backspace,
    Delete or F4. Not a modifier alone, not a key held with Ctrl, Alt or Meta (a
    shortcut such as Ctrl+- or Alt+S, which the window acts on: break test 10 of
    session 31, finding 1), and not a key the field ignores, such as Escape or F2
    (re-test of session 32: Escape then the wheel had moved a log a year back)."""
    if event.modifiers() & COMMAND_MODIFIERS:
        return False
    return event.key() in _EDITING_KEYS or types_a_character(event)


_TAB_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)


def _note_choice(field: QWidget, event: QEvent, tab_pressed: bool) -> None:
    """Mark ``field`` chosen or not after a focus, key or mouse ``event`` on it.

    Focus "by Tab" counts only while a Tab key is being pressed: a dialog that opens
    gives its first field the focus with the Tab reason too (QDialog::setVisible),
    and that is Solace's choice, not the person's (break test 10, session 7, 0c)."""
    kind = event.type()
    if isinstance(event, QKeyEvent):
        if _acts_on_field(event):
            field.setProperty(_CHOSEN, True)
    elif kind == QEvent.Type.MouseButtonPress:
        field.setProperty(_CHOSEN, True)
    elif isinstance(event, QFocusEvent) and event.reason() not in _FOCUS_AWAY_FOR_A_MOMENT:
        reason = event.reason()
        persons = reason in _PERSONS_FOCUS and (tab_pressed or reason not in _TAB_REASONS)
        field.setProperty(_CHOSEN, kind == QEvent.Type.FocusIn and persons)


def forget_choice(*fields: QWidget) -> None:
    """Solace has set ``fields`` back itself (a form emptied after a save, a time
    following the clock again): what they show is no longer the person's choice, so
    the wheel over them scrolls again, even with the focus still there, until she
    chooses them anew. A pad change's time, clicked, saved and reset to now, had kept
    the wheel: scrolling the form later moved it a year back once it came under the
    pointer (re-test of session 32, finding 3)."""
    for field in fields:
        field.setProperty(_CHOSEN, False)


def _chosen(field: QWidget) -> bool:
    return _has_focus(field) and bool(field.property(_CHOSEN))


def _calm_focus_policy(field: QWidget) -> None:
    """Tab and click still give the focus; the wheel no longer does."""
    if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


_CHOICE_EVENTS = (
    QEvent.Type.FocusIn,
    QEvent.Type.FocusOut,
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
)


class WheelGuard(QObject):
    """The application-wide filter described in the module's docstring."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.Polish,
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
            QEvent.Type.Wheel,
        }
    )

    _tab_pressed = False  # a Tab or Shift+Tab key press is being delivered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._tab_pressed = event.key() in _TAB_KEYS  # its focus change follows
        elif kind in (QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress):
            self._tab_pressed = False
        if kind == QEvent.Type.Polish:
            field = guarded_field(watched)
            if field is not None:
                _calm_focus_policy(field)
            return False
        if kind in _CHOICE_EVENTS:
            field = guarded_field(watched)
            if field is not None:
                _note_choice(field, event, self._tab_pressed)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        field = guarded_field(watched)
        if field is None:
            return False
        _calm_focus_policy(field)
        if _chosen(field):
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

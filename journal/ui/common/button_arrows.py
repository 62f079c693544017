"""The arrow keys on a button, everywhere in Solace: they move through an exclusive
choice, and do nothing on any other button.

An exclusive choice (radio buttons in an exclusive ``QButtonGroup``, or Qt's
auto-exclusive radio buttons of one parent) answers all four arrows as radio groups
do on every desktop and in the WAI-ARIA radio group pattern: Down and Right the next
answer, Up and Left the previous one, wrapping at the ends, the answer moved to
chosen with the focus (the check moves with it). Qt moves through a group by where
the buttons are drawn, so in a row Up and Down found nothing and did nothing (break
test 15 of session 11, finding 8), and with no answer yet it moved the focus only.

Any other button (a push, tool or check button) is one control, not a group: Qt
moved the focus with the arrows along the Tab order, out of the button's place, so
Left on the calendar's "Previous month" landed on the tab bar above it, whose next
arrow changed the page (break test 15 of session 11, finding 6). Here the arrows do
nothing on such a button; Tab and Shift+Tab move on. A button that is an item view's
cell widget keeps Qt's keys.

One application-wide filter (`install_button_arrows`) does both, for every button
present or future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QRadioButton

from journal.ui.common.app_filter import install_once

__all__ = ["ButtonArrows", "choice_buttons", "install_button_arrows"]

_NAME = "solaceButtonArrows"
_STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
}


def choice_buttons(button: QAbstractButton) -> list[QAbstractButton]:
    """The buttons of the exclusive choice ``button`` is one answer of, in their order
    (the group's, or the parent's children's for auto-exclusive radio buttons), the
    hidden and disabled ones left out; [] when ``button`` is no answer of one."""
    group = button.group()
    if group is not None:
        members = group.buttons() if group.exclusive() else []
    elif isinstance(button, QRadioButton) and button.autoExclusive():
        parent = button.parentWidget()
        siblings = (
            parent.findChildren(QRadioButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if parent is not None
            else [button]
        )
        members = [b for b in siblings if b.autoExclusive() and b.group() is None]
    else:
        members = []
    return [b for b in members if b is button or (b.isVisible() and b.isEnabled())]


def _in_item_view(button: QAbstractButton) -> bool:
    """Whether ``button`` is a cell widget of an item view (Qt moves among those)."""
    parent = button.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractItemView)


class ButtonArrows(QObject):
    """An arrow key without modifiers on a focused button: the next or previous answer
    of its exclusive choice, chosen; on any other button, nothing."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QAbstractButton)
            or not isinstance(event, QKeyEvent)
            or event.key() not in _STEPS
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            or _in_item_view(watched)
        ):
            return False
        step = _STEPS[Qt.Key(event.key())]
        if watched.layoutDirection() == Qt.LayoutDirection.RightToLeft and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        ):
            step = -step  # right to left, Left goes on to the next answer
        answers = choice_buttons(watched)
        if len(answers) > 1 and watched in answers:
            target = answers[(answers.index(watched) + step) % len(answers)]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if target.isCheckable() and not target.isChecked():
                target.click()  # chosen with the focus, as the person hears it
        return True


def install_button_arrows(app: QApplication | None = None) -> ButtonArrows | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(ButtonArrows, _NAME, app)

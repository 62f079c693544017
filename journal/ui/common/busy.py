"""Holding a form still while a passphrase or key is checked off the GUI thread.

Disabling the focused passphrase field sends the focus, and every key typed next,
to the next enabled field: a person who thinks Enter was not taken types the
passphrase again into a plain field, in clear. So while busy, text fields become
read-only (they keep the focus and drop what is typed) instead of disabled, the
other controls are disabled, and the focus is held on the secret field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

__all__ = ["hold_input"]

_HELD = "solace_held"  # set on what this module made read-only or disabled
_REFOCUS = "solace_refocus"  # set on the control the focus goes back to when released
_TEXT = (QLineEdit, QPlainTextEdit, QTextEdit)
_CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _own_text_fields(root: QWidget) -> list[QWidget]:
    """Text fields under ``root`` that are not the inner editor of a combo or spin box."""
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, _TEXT) and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
    ]


def hold_input(root: QWidget, busy: bool, secret: QLineEdit | None = None) -> None:
    """Hold (``busy``) or release every control under ``root``.

    Held: text fields read-only, buttons, combo boxes, spin boxes and lists disabled,
    and the focus on ``secret`` (or, if None, the focused password field, else the
    first visible one). Released: only what holding changed is changed back, so a control that was
    disabled or read-only before stays so.

    Without a password field, a focused control about to be disabled hands the focus
    to ``root`` first, and gets it back when released: disabling it had sent the focus
    walking through the next controls to Cancel, each heard by a screen reader, and
    Enter after an error closed the dialog (break test 15 of session 11, finding 11).
    """
    for field in _own_text_fields(root):
        if busy and not field.isReadOnly():  # type: ignore[attr-defined]
            field.setProperty(_HELD, True)
            field.setReadOnly(True)  # type: ignore[attr-defined]
        elif not busy and field.property(_HELD):
            field.setProperty(_HELD, None)
            field.setReadOnly(False)  # type: ignore[attr-defined]
    if busy:
        secret = secret or _secret_field(root)
        if secret is not None:
            secret.setFocus()  # before anything focused is disabled, so nothing moves
        else:
            _wait_on(root)
    for control in root.findChildren(QWidget):
        if not isinstance(control, _CONTROLS):
            continue
        if busy and control.isEnabled():
            control.setProperty(_HELD, True)
            control.setEnabled(False)
        elif not busy and control.property(_HELD):
            control.setProperty(_HELD, None)
            control.setEnabled(True)
    if not busy:
        _give_back(root)


def _wait_on(root: QWidget) -> None:
    """If the focus is on a control under ``root`` that holding disables, mark it and
    put the focus on ``root`` until `_give_back`. The focus of ``root``'s window counts
    even while another window is active: held as a file chooser closed, "Choose a
    file…" was disabled while its window was not yet active again, which then gave
    the focus back to it, disabled, before the dialog (break test 15 of session 30,
    finding 4)."""
    focused = root.window().focusWidget()
    if isinstance(focused, _CONTROLS) and focused.isEnabled() and root.isAncestorOf(focused):
        focused.setProperty(_REFOCUS, True)
        root.setFocus(Qt.FocusReason.OtherFocusReason)


def _give_back(root: QWidget) -> None:
    """The focus back on the control under ``root`` marked by `_wait_on`, when it can
    take it and the focus has not gone elsewhere meanwhile."""
    for control in root.findChildren(QWidget):
        if not control.property(_REFOCUS):
            continue
        control.setProperty(_REFOCUS, None)
        focused = root.window().focusWidget()
        still_waiting = focused is root or focused is None
        if still_waiting and control.isEnabled() and control.isVisibleTo(root):
            control.setFocus(Qt.FocusReason.OtherFocusReason)


def _secret_field(root: QWidget) -> QLineEdit | None:
    password = QLineEdit.EchoMode.Password
    focused = QApplication.focusWidget()
    if (
        isinstance(focused, QLineEdit)
        and focused.echoMode() == password
        and root.isAncestorOf(focused)
    ):
        return focused
    for field in root.findChildren(QLineEdit):
        if field.echoMode() == password and field.isVisibleTo(root):
            return field
    return None

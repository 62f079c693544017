"""Enter on a focused push button presses that button, everywhere in Solace.

On every desktop, Return or Enter on a focused button presses it, as Space does. Qt
does so only for "auto-default" buttons, which are the buttons of a dialog unless a
dialog turns it off; elsewhere (an area's "Choose a folder…") and on buttons made not
auto-default (so that Enter would not open a file chooser when the focus was in a
text field), Enter fell through to the dialog's main button: in Export, with the
focus on "Choose a folder…", Enter ran the export and said no folder was chosen.

One application-wide event filter (`install_enter_presses`) makes Enter press the
focused, enabled QPushButton, whatever its auto-default, and QToolButton (the
calendars' "Previous month" and "Next month" took Space alone: re-test of break test 15
of session 29, N4); Enter in a field still
presses a dialog's main button, as Qt does.

Enter in a drop-down (a QComboBox with the focus, its list closed) opens its list, as
Space, Alt+Down and F4 do: it never presses the main button. In the body log, Enter
in Bleeding saved the whole log, and in a dialog it pressed Save, where a person means
to choose (issue 10, item 5). Ctrl+Enter presses the main button from a drop-down,
and from every one-line field (a line, a number or a date field), as it does from a
multi-line one (`form_keys`), and from a tick box or a radio button: it is Enter for
the field there; in a drop-down's open list it chooses the item first, then presses
the main button. Enter in that list chooses the item before the list closes (Qt's
list closes first).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

from journal.ui.common.app_filter import install_once
from journal.ui.common.combo_lists import combo_of_list

__all__ = ["EnterPresses", "install_enter_presses", "no_focus_default"]

_FILTER_NAME = "solaceEnterPresses"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPresses(QObject):
    """Return/Enter without modifiers (the keypad's Enter included) on the focused
    push button clicks it, and in a focused drop-down opens its list, going no
    further; Ctrl+Enter in a focused drop-down, one-line field, tick box or radio
    button is Enter there, and in a drop-down's open list chooses the item, then is
    Enter for the drop-down (see the module's docstring)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The drop-down whose open list took a Ctrl+Enter as it was announced (Qt's
        #: list chooses on the ShortcutOverride, before the key press), which the key
        #: press that follows then presses Enter for, once.
        self._chosen_in: QComboBox | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() not in self.EVENT_TYPES
            or not isinstance(event, QKeyEvent)
            or event.key() not in _ENTER
            or not isinstance(watched, QWidget)
        ):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = modifiers == Qt.KeyboardModifier.ControlModifier
        if event.type() == QEvent.Type.ShortcutOverride:
            combo = combo_of_list(watched) if control or not modifiers else None
            if combo is None or not isinstance(watched, QAbstractItemView):
                return False
            _choose(combo, watched)  # as Qt's list would, and closed
            self._chosen_in = combo
            event.accept()
            return True
        chosen, self._chosen_in = self._chosen_in, None
        if chosen is not None and watched in (chosen, chosen.view()):
            if control and shiboken6.isValid(chosen) and not event.isAutoRepeat():
                _enter_as_typed(chosen)  # the form saves with the item chosen
            return True  # a plain Enter chose: it opens the list again no more
        if not watched.isEnabled() or not watched.isVisible() or not watched.hasFocus():
            return False
        if control and _field(watched):
            if not event.isAutoRepeat():
                _enter_as_typed(watched)
            return True
        if modifiers:
            return False
        if isinstance(watched, QPushButton | QToolButton):  # the calendar's ‹ › too
            if not event.isAutoRepeat():
                watched.click()
            return True
        if isinstance(watched, QComboBox) and not watched.isEditable():
            if not event.isAutoRepeat():
                watched.showPopup()
            return True
        return False


def _choose(combo: QComboBox, view: QAbstractItemView) -> None:
    """The item under the cursor of ``combo``'s open list (``view``) chosen, then the
    list closed: the drop-down gets the focus back with its new choice, the one a
    screen reader says (Qt closed the list first, and "Not noted" was heard for the
    "Spotting" just chosen: issue 15, break test of session 25, F9). Ctrl+Enter there
    then presses Enter for the drop-down as well (`EnterPresses`), so the form saves
    with that choice: Qt's list took it as a plain Enter, and the log was saved only by
    a second Ctrl+Enter (issue 10, break test of session 24)."""
    row = view.currentIndex().row()
    if row >= 0:
        combo.setCurrentIndex(row)
    combo.hidePopup()


def _field(widget: QWidget) -> bool:
    """A drop-down, a one-line field (a line, a number or a date field) or a tick box
    or radio button: where Ctrl+Enter is Enter for the form. On a tick box it did
    nothing (break test 39, finding 5: "The second 02:30" in Change this log)."""
    return isinstance(widget, QComboBox | QAbstractSpinBox | QLineEdit | QCheckBox | QRadioButton)


def _enter_as_typed(field: QWidget) -> None:
    """Press Enter for ``field`` (Ctrl+Enter was pressed there): in a drop-down, as
    if it left Enter to the form (it goes up to whoever presses the main button: a
    `QDialog`, a `MainButton`, the body log's form); in a one-line field, as if Enter
    were typed there (a date being typed is read first)."""
    target = field.parentWidget() if isinstance(field, QComboBox) else field
    if target is None:
        return
    enter = QKeyEvent(
        QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
    )
    QApplication.sendEvent(target, enter)


def install_enter_presses(app: QApplication | None = None) -> EnterPresses | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(EnterPresses, _FILTER_NAME, app)


def no_focus_default(box: QDialogButtonBox) -> QDialogButtonBox:
    """No button of ``box`` becomes its dialog's default by taking the focus (Qt's
    "auto-default"): Enter presses the focused button anyway (`EnterPresses`), and
    Enter in a field presses the main button, whatever was focused before. Tabbing
    past Cancel made Cancel the default, and Enter in the passphrase field then closed
    Export with nothing said, the error "Please choose a folder" drawn for an instant
    (break test 15 of session 12, finding 8). Returns ``box``."""
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
    return box

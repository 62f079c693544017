"""Enter on a focused push button presses that button, everywhere in Solace.

On every desktop, Return or Enter on a focused button presses it, as Space does. Qt
does so only for "auto-default" buttons, which are the buttons of a dialog unless a
dialog turns it off; elsewhere (an area's "Choose a folder…") and on buttons made not
auto-default (so that Enter would not open a file chooser when the focus was in a
text field), Enter fell through to the dialog's main button: in Export, with the
focus on "Choose a folder…", Enter ran the export and said no folder was chosen.

One application-wide event filter (`install_enter_presses`) makes Enter press the
focused, enabled QPushButton, whatever its auto-default; Enter in a field still
presses a dialog's main button, as Qt does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from journal.ui.common.app_filter import install_once

__all__ = ["EnterPresses", "install_enter_presses", "no_focus_default"]

_FILTER_NAME = "solaceEnterPresses"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPresses(QObject):
    """Return/Enter without modifiers (the keypad's Enter included) on the focused
    push button clicks it and goes no further."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.KeyPress})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched.hasFocus()
            and watched.isEnabled()
            and watched.isVisible()
        ):
            if not event.isAutoRepeat():
                watched.click()
            return True
        return False


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

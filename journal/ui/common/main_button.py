"""Enter in a part of a page presses that part's main button, as in a dialog.

Qt presses a default button on Enter only inside a ``QDialog``; on a page of the main
window a button drawn as the default ("Open Together") stayed unpressed, and Enter in
"Your name" did nothing and said nothing (break test 15 of session 11, finding 9).
`enter_presses_main` gives a part of a page (a card, a form) the dialog's rule: Enter
in any of its fields (a line edit, a combo box, a date or number field: every field
that leaves Enter to its parent) presses the part's main button, whose own check then
says what is missing, next to it. A focused button keeps Enter for itself
(`enter_presses`), and a multi-line field keeps it for a new line.

A main button that is disabled until something is typed is not pressed; ``refused``
says instead what it needs, so Enter is never silent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

__all__ = ["MainButton", "enter_presses_main"]

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MainButton(QObject):
    """Watches ``part`` (its owner) for an Enter its focused field left unhandled and
    presses ``button`` (or calls ``refused`` while the button is disabled)."""

    def __init__(
        self, part: QWidget, button: QPushButton, refused: Callable[[], None] | None = None
    ) -> None:
        super().__init__(part)
        self._button = button
        self._refused = refused
        part.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or watched is not self.parent()
            or not isinstance(event, QKeyEvent)
            or event.key() not in _ENTER
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        # The key reached the part because the field it was typed in (one of the part's)
        # left it unhandled: a button keeps Enter for itself (`enter_presses`), a
        # multi-line field for a new line.
        if not self._button.isVisible():
            return False
        event.accept()
        if not event.isAutoRepeat():  # a held key presses once
            self.press()
        return True

    @property
    def button(self) -> QPushButton:
        """The part's main button."""
        return self._button

    def press(self) -> None:
        """Press the main button, or, while it is disabled, say what it needs
        (``refused``). Also what Ctrl+Enter in a multi-line field of the part does
        (`form_keys.press_main_button`)."""
        if self._button.isEnabled():
            self._button.click()
        elif self._refused is not None:
            self._refused()


def enter_presses_main(
    button: QPushButton, part: QWidget, refused: Callable[[], None] | None = None
) -> MainButton:
    """From now on Enter in a field of ``part`` presses ``button`` (its main button);
    while ``button`` is disabled ``refused`` is called instead (it says what is
    missing). Returns the watcher, owned by ``part``. In a dialog this is for a part
    whose Enter must not press the dialog's default button (which stays as it is)."""
    return MainButton(part, button, refused)

"""The foot of a dialog that runs slow work: a message line, a busy bar, Cancel and
one primary button (Export, Import, Restore...).

One block for every such dialog, so each says what went wrong the same way (an
error ``Message``: the shown words are what a screen reader reads, announced when
they change) and shows the same quiet "working" line while the thread pool works.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from journal.ui.common.accessibility import Message
from journal.ui.common.enter_presses import no_focus_default
from journal.ui.common.widgets import busy_bar


class WorkFooter(QWidget):
    """Message line, busy bar and buttons, in that order from the top.

    ``primary`` is the text of the accept button (with its mnemonic, if any); it is
    the dialog's default button unless ``default`` is False (a dialog whose primary
    button waits for a choice first). ``bar_name`` is the busy bar's accessible name;
    ``doing`` what the work is ("Exporting your journal…"), said politely as it starts
    (see `BusyLine`).
    Connect ``buttons.accepted`` and ``buttons.rejected`` to the dialog's slots.
    """

    def __init__(
        self,
        primary: str,
        *,
        default: bool = True,
        bar_name: str = "Working",
        doing: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error = Message("What went wrong", "error")
        self.bar = busy_bar(doing)
        self.bar.setAccessibleName(bar_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.primary: QPushButton = self.buttons.addButton(
            primary, QDialogButtonBox.ButtonRole.AcceptRole
        )
        no_focus_default(self.buttons)
        self._default = default
        self.primary.setDefault(default)
        for widget in (self.error, self.bar, self.buttons):
            layout.addWidget(widget)

    def show_error(self, text: str) -> None:
        """Show ``text`` as the error (announced assertively); "" hides the line."""
        if text:
            self.error.show_message(text, repeat=True)
        else:
            self.error.clear()

    def set_busy(self, busy: bool, doing: str = "") -> None:
        """While ``busy``: the bar runs (and says ``doing``, when given, else the words
        it was made with) (indeterminate until `set_progress`), the error
        line is cleared and the primary button is disabled; afterwards the bar hides and
        the button is enabled and the default again. A click on it had moved the focus,
        and with it the default, to Cancel when it was disabled (Qt gives the default to
        an auto-default button that takes the focus), so Enter after an error cancelled
        instead of trying again (break test 16 of session 11, 11c)."""
        if busy:
            self.show_error("")
            self.bar.setRange(0, 0)
            if doing:
                self.bar.doing = doing
        self.bar.setVisible(busy)
        self.primary.setEnabled(not busy)
        if not busy:
            self.primary.setDefault(self._default)

    def set_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` items on the bar (counts, not percent)."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

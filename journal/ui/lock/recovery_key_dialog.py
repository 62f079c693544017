"""Shows a fresh recovery key once, inside the unlocked app."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from journal.ui.common.fit import dialog_layout
from journal.ui.common.local_time import today_local
from journal.ui.lock.pages import RecoveryKeyPage


class RecoveryKeyDialog(QDialog):
    def __init__(
        self, recovery_key: str, journal_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your new recovery key")
        self.page = RecoveryKeyPage()
        self.page.show_key(recovery_key, journal_name, today_local())
        self.page.continue_button.clicked.connect(self.accept)
        layout, _buttons = dialog_layout(self)  # the page has its own buttons
        layout.addWidget(self.page)
        # Enter continues once "written down" is ticked; it never opens the print
        # dialog (printing talks to the print service, so only a click asks for it).
        self.page.print_button.setAutoDefault(False)
        self.page.continue_button.setDefault(True)

    def done(self, result: int) -> None:
        self.page.forget()
        super().done(result)

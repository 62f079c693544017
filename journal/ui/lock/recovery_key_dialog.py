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
        layout, footer = dialog_layout(self)
        layout.addWidget(self.page)
        # The page's Continue is kept in view below the scrolling key and its printout
        # button, as every dialog's buttons are (its row in the page is left empty).
        continue_button = self.page.continue_button
        for index in range(self.page.body.count()):
            item = self.page.body.itemAt(index)
            row = item.layout() if item is not None else None
            if row is not None and row.indexOf(continue_button) >= 0:
                row.removeWidget(continue_button)
        footer.addStretch(1)
        footer.addWidget(continue_button)
        # Enter continues once "written down" is ticked; it opens the print dialog
        # only with the focus on "Print…" (as Space does): never from another control.
        self.page.print_button.setAutoDefault(False)
        self.page.continue_button.setDefault(True)

    def done(self, result: int) -> None:
        self.page.forget()
        super().done(result)

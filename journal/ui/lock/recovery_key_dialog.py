"""Shows a fresh recovery key once, inside the unlocked app.

The old key is already dead when this shows, so the dialog is left only through
Continue, which stays disabled until "I have written it down" is ticked; Escape and
the window's close button ask first (`LEAVE_QUESTION`), with going back to the key
as the default answer (session 6, finding 5). A lock closes it without asking.
Closed either way before "I have written it down", the key stops opening the journal
at once (`OpenJournal.withdraw_unconfirmed_recovery_key`), as `LEAVE_DETAIL` says.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from journal.ui.common.edit_dialog import Discard, EditDialog
from journal.ui.common.fit import dialog_layout
from journal.ui.common.local_time import today_local
from journal.ui.lock.pages import RecoveryKeyPage

LEAVE_QUESTION = "You have not confirmed that you wrote the key down. Close anyway?"
LEAVE_TITLE = "Close without confirming?"
LEAVE_DETAIL = (
    "Your previous recovery key no longer opens this journal. If you close this now, "
    "this key stops opening it too, so you hold no working recovery key until you next "
    "unlock with your passphrase, when Solace shows you another one to write down."
)
QUIT_QUESTION = "You have not confirmed that you wrote the key down. Quit anyway?"
QUIT_TITLE = "Quit without confirming?"
QUIT_DETAIL = (
    "If you quit now, this recovery key stops opening your journal, and Solace shows "
    "you a new one to write down the next time you unlock with your passphrase."
)
GO_BACK = "&Go back to the key"
# Asked by Escape, Close and the window's close button before the key is confirmed.
LEAVE = Discard(LEAVE_QUESTION, LEAVE_DETAIL, "Close anyway", GO_BACK, LEAVE_TITLE)
NOT_CONFIRMED_OUTCOME = (
    "The recovery key on it had not been confirmed as written down, so Solace showed "
    "you a new one when you unlocked. Any earlier recovery key no longer opens this "
    "journal."
)


class RecoveryKeyDialog(EditDialog):
    """Shows a new recovery key once, with Print… and "I have written it down"; closing
    before that is confirmed asks first (`LEAVE`)."""

    discard_words = LEAVE

    def __init__(self, recovery_key: str, journal_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your new recovery key")
        self.page = RecoveryKeyPage()
        self.page.show_key(recovery_key, journal_name, today_local())
        self.page.proceed.connect(self.accept)
        layout, footer = dialog_layout(self)
        layout.addWidget(self.page)
        # "I have written it down" and Continue are kept in view together below the
        # scrolling key and its printout button, as every dialog's buttons are.
        footer.addWidget(self.page.take_pinned(), 1)
        self.page.order_tabs()
        # Enter continues once "written down" is ticked; it opens the print dialog
        # only with the focus on "Print…" (as Space does): never from another control.
        self.page.print_button.setAutoDefault(False)
        self.page.continue_button.setDefault(True)

    @property
    def confirmed(self) -> bool:
        """Whether "I have written it down or printed it" is ticked."""
        return self.page.confirm.isChecked()

    def unsaved(self) -> bool:
        """Closing asks while the key is not confirmed (`EditDialog`, `LEAVE`)."""
        return not self.confirmed

    def outcome_at_lock(self) -> str:
        """What the note after the next unlock says of this dialog closed by a lock
        (see `journal.ui.common.dialog_drafts`)."""
        return "" if self.result() == QDialog.DialogCode.Accepted else NOT_CONFIRMED_OUTCOME

    def done(self, result: int) -> None:
        self.page.forget()
        super().done(result)

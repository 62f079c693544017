"""Rescue what can be read of a damaged journal into a new one (from the unlock page,
once damage is found). The damaged journal is only read, never changed; the rescue
runs on the thread pool and emits `rescued` with the new journal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.names import NameInUse, free_name, refuse_taken
from journal.storage.lock.store import JournalStore
from journal.ui.common.accessibility import Message
from journal.ui.common.fit import dialog_layout
from journal.ui.common.label_column import LabelColumn
from journal.ui.common.length_limit import limit_length
from journal.ui.common.long_names import quoted
from journal.ui.common.messages import user_message
from journal.ui.common.unstoppable import HOW_LONG
from journal.ui.common.widgets import NewPassphraseFields, label, secret_field, wrapping_form
from journal.ui.common.work_footer import WorkFooter
from journal.ui.common.workers import Task, run_in_background


def intro(name: str) -> str:
    """The Rescue dialog's opening sentence for the damaged journal `name`: what a rescue
    does and that the damaged journal is left untouched."""
    return (
        f"Solace reads what can still be read of {quoted(name)} and writes it into a new "
        f"journal with a passphrase of its own. {quoted(name)} itself is left exactly as it "
        "is, so a backup of it can still be restored later."
    )


def still_rescuing(name: str) -> str:
    """Said when Cancel, Escape or the window's close button is pressed while the rescue
    of the damaged journal ``name`` runs (`WorkFooter.stop_refused`; break test 16 of
    session 18, finding 4)."""
    return (
        f"The rescue cannot be stopped halfway; {HOW_LONG}. "
        f"{quoted(name)} is only read, never changed, so it stays as it is either way."
    )


class RescueDialog(QDialog):
    """The damaged journal's passphrase, the new journal's name and passphrase, then
    the rescue; `rescued` carries (the `Rescued` result, its summary sentence)."""

    rescued = Signal(object, str)

    def __init__(
        self,
        store: JournalStore,
        folder: Path,
        name: str,
        parent: QWidget | None = None,
        kdf: KdfParams = DEFAULT_KDF,
        held: bytes | None = None,
    ) -> None:
        super().__init__(parent)
        self.held = held  # words sealed at its last lock, held in memory only
        self.setWindowTitle("Rescue what can be read")
        self.setModal(True)
        self.store, self.folder, self.old_name, self.kdf = store, folder, name, kdf
        self._task: Task | None = None
        layout, footer = dialog_layout(self, width_chars=64)
        layout.addWidget(label(intro(name)))
        form = wrapping_form()
        column = LabelColumn()  # these labels and the new pair's: one column
        self.passphrase = secret_field(f"Passphrase of {name}")
        column.add_row(form, "&Its passphrase", self.passphrase)
        # A name no journal here has yet (a second rescue: "Mine (rescued) (2)").
        self.new_name = QLineEdit(free_name(store.data_dir, f"{name} (rescued)"))
        self.new_name.setAccessibleName("Name of the new journal")
        limit_length(self.new_name, 80)
        column.add_row(form, "&New journal's name", self.new_name)
        layout.addLayout(form)
        # Beside the name: one another journal here has (`names.NameInUse`).
        self.name_error = Message("About the new journal's name", "error")
        layout.addWidget(self.name_error)
        self.new_name.textChanged.connect(lambda _name: self.name_error.setText(""))
        layout.addWidget(label("The new journal's passphrase", "title"))
        self.new_passphrase = NewPassphraseFields(column=column)
        # Both names are on the lock screen: the damaged journal's and the new one's.
        self.new_passphrase.set_user_inputs([name, self.new_name.text()])
        self.new_name.textChanged.connect(
            lambda new_name: self.new_passphrase.set_user_inputs([name, new_name])
        )
        layout.addWidget(self.new_passphrase)
        self.footer = WorkFooter(
            "&Rescue",
            doing="Rescuing what can still be read\u2026 this can take a while.",
            cannot_stop=still_rescuing(name),
        )
        self.footer.buttons.accepted.connect(self.start)
        self.footer.buttons.rejected.connect(self.reject)
        footer.addWidget(self.footer)
        self.passphrase.setFocus()

    def fill_passphrase(self, typed: str) -> None:
        """Put ``typed`` (the passphrase just typed on the lock screen, which the unlock
        met the damage with) in "Its passphrase", and move the focus on to the new
        journal's passphrase: it was asked again (break test 16 of session 20, L6).
        Nothing is done for "". Rescue still checks it, and says so when it is wrong."""
        if not typed:
            return
        self.passphrase.setText(typed)
        self.new_passphrase.first.setFocus()

    @property
    def working(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        if self._task is not None:
            return
        secret, name = self.passphrase.text(), self.new_name.text().strip()
        if not secret:
            self.footer.show_error(
                f"Please type the passphrase of {quoted(self.old_name)}.", (self.passphrase,)
            )
            self.passphrase.setFocus()
            return
        if not name:
            self.footer.show_error("Please give the new journal a name.", (self.new_name,))
            self.new_name.setFocus()
            return
        try:
            refuse_taken(self.store.data_dir, name)
        except NameInUse as error:
            self._refuse_name(error)
            return
        self.new_passphrase.settle()  # rated for what is typed, not before
        if self.new_passphrase.refuse():  # said next to its fields, once
            self.footer.show_error("")
            return
        new_secret = self.new_passphrase.passphrase()
        data_dir, folder, kdf, held = self.store.data_dir, self.folder, self.kdf, self.held

        def work() -> Any:
            from journal.storage.safekeeping.rescue import rescue

            return rescue(data_dir, folder, secret, name, new_secret, kdf, held)

        self.footer.set_busy(True)
        self._task = run_in_background(work, self._done, self._failed, owner=self)

    def _done(self, result: Any) -> None:
        self._task = None
        self.footer.set_busy(False)
        self.passphrase.clear()
        self.new_passphrase.first.clear()
        self.new_passphrase.second.clear()
        summary, said = result.summary(self.old_name), self.footer.keys_not_used()
        self.rescued.emit(result, f"{summary} {said}" if said else summary)
        self.accept()

    def _refuse_name(self, error: BaseException) -> None:
        """Say why the new name cannot be used beside it, and focus it."""
        self.footer.show_error("")
        self.name_error.setText(user_message(error))
        self.new_name.setFocus()
        self.new_name.selectAll()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.footer.set_busy(False)
        if isinstance(error, NameInUse):  # taken meanwhile
            self._refuse_name(error)
            return
        self.footer.show_error(user_message(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def reject(self) -> None:
        """Cancel, Escape: closes the dialog; a rescue under way finishes first, and
        says so (`still_rescuing`)."""
        if self.footer.stop_refused():
            return
        self.passphrase.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:  # locking closes dialogs; this one finishes its rescue
            event.ignore()
            return
        super().closeEvent(event)

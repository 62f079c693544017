"""Export the whole journal to a folder the person chooses: Markdown, JSON and CSV.

The passphrase is asked again, because the files leave the encrypted journal, and
the dialog says plainly, before anything is written, that they are not encrypted.
The export runs on the thread pool through a connection of its own, with a
progress bar for large journals.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from journal.errors import WrongPassphrase
from journal.ui.common.accessibility import Politeness, announce, describes, warn_on_open
from journal.ui.common.field_notes import FieldNotes
from journal.ui.common.file_places import Place, existing_folder, place_problem
from journal.ui.common.fit import dialog_layout
from journal.ui.common.messages import user_message
from journal.ui.common.unstoppable import HOW_LONG
from journal.ui.common.widgets import label, secret_field, wrapping_form
from journal.ui.common.work_footer import WorkFooter
from journal.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal

NOT_ENCRYPTED = (
    "The export is not encrypted. Anyone who can open the folder you choose can read "
    "every entry, your body log and your notes. Choose a place only you can reach, and "
    "delete the export when you no longer need it."
)
#: The backslashes are the Markdown export's own (`shown_html`), said so that a person
#: reading a file in a text editor knows where they came from (break test 44, F6).
WHAT = (
    "Solace writes one new folder there: each entry as a Markdown file, everything in one "
    "JSON file (which Solace can import again), and your body log as a CSV file. File "
    "names give only dates. In the Markdown files a backslash goes before punctuation "
    "another app would take as formatting, so each shows as it does in Solace; the JSON "
    "file holds your words exactly as you wrote them."
)


#: Said under Folder when Export is pressed before a folder was chosen.
NO_FOLDER = "Please choose a folder for the export first."
#: What the bar says while the passphrase typed to confirm is checked, before any
#: export starts (break test 16 of session 20, L2: "Exporting your journal…" showed
#: for the seconds the check took, and a wrong passphrase looked like a failed export).
CHECKING = "Checking your passphrase\u2026 this takes a few seconds."
EXPORTING = "Exporting your journal\u2026 this can take a while for a large journal."
#: A wrong passphrase, said of the journal that is open and working: wrong only, in
#: words of this dialog (L2 of the same test: the unlock's words then added "or the file
#: is damaged").
NOT_ITS_PASSPHRASE = (
    "That is not this journal's passphrase. Nothing was exported. Please try again."  # noqa: S105 (words, not a secret)
)

#: Said when Cancel, Escape or the window's close button is pressed while the export is
#: being written (`WorkFooter.stop_refused`).
STILL_WRITING = (
    f"The export is being written now and cannot be stopped halfway; {HOW_LONG}. If "
    "you did not want it, delete its folder afterwards: it is not encrypted."
)


class ExportDialog(QDialog):
    """Choose a folder, type the passphrase, export; `exported` carries the folder,
    `failed` the words said when an export that was started could not be written
    (not a passphrase mistyped: nothing was tried)."""

    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, journal: OpenJournal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export your journal")
        self.setModal(True)
        self.journal = journal
        self.folder: Path | None = None
        self._task: Task | None = None

        layout, footer_row = dialog_layout(self, width_chars=60)
        warning = warn_on_open(self, label(NOT_ENCRYPTED, "notice"))
        layout.addWidget(warning)
        form = wrapping_form()
        row = QHBoxLayout()
        self.place = label("No folder chosen yet", wrap=True)
        self.choose_button = QPushButton("&Choose a folder…")
        # Enter in a field exports, never opens the chooser; Enter on the focused
        # button itself presses it (ui/common/enter_presses).
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        row.addWidget(self.place, 1)
        row.addWidget(self.choose_button)
        form.addRow("Folder", row)
        # A refusal of the folder is said under it, the dialog growing at its top so that
        # no button moves (break test 10 of session 15, finding 7: it was under the
        # passphrase, and grew the dialog); no room is kept for it while empty (issue 10).
        self.notes_on_fields = FieldNotes()
        self.folder_note = self.notes_on_fields.add(form, "folder", self.place)
        self.passphrase = secret_field("Passphrase, to confirm")
        form.addRow("&Passphrase", self.passphrase)
        layout.addLayout(form)
        # What the export holds, under the fields: above them, at 200 % text on a
        # 1024x600 screen it pushed the focused "Choose a folder…" below the foot of a
        # dialog that opens at its top (issue 10, break test of session 24).
        what = label(WHAT, "subtle")
        layout.addWidget(what)
        self.footer = WorkFooter(
            "Export",
            bar_name="Export progress",
            doing=EXPORTING,
            cannot_stop=STILL_WRITING,
        )
        self.error, self.bar, self.export_button = (
            self.footer.error,
            self.footer.bar,
            self.footer.primary,
        )
        self.footer.buttons.accepted.connect(self.start)
        self.footer.buttons.rejected.connect(self.reject)
        self.footer.counting = "entries"
        footer_row.addWidget(self.footer)
        self.passphrase.returnPressed.connect(self.start)
        # What the export holds, read with the buttons that choose where and write it.
        self._what = what
        self._describe_buttons()
        self.choose_button.setFocus()

    def _describe_buttons(self) -> None:
        """What the export holds as the description of "Choose a folder…" and
        "Export", the first after the folder chosen: back on the button, the folder
        chosen was not heard (break test 15 of session 30, finding 7)."""
        describes(self._what, self.export_button)
        chosen = f"Folder: {self.folder}." if self.folder else "No folder chosen yet."
        describes(self._what, self.choose_button, before=chosen)

    def _choose(self) -> None:
        chosen = existing_folder(self, Place.EXPORT, "Choose where to export")
        if chosen is not None:
            self.choose_folder(chosen)

    def choose_folder(self, folder: Path) -> None:
        """Export into ``folder``, unless it cannot take plain text (`place_problem`):
        then say why and ask again."""
        problem = place_problem(Place.EXPORT, folder)
        if problem:
            self.notes_on_fields.show("folder", problem, focus=False)
            self.choose_button.setFocus()
            return
        self.folder = folder
        self.place.setText(str(folder))
        self._describe_buttons()
        self.notes_on_fields.clear()  # a refusal of the folder before goes
        self.passphrase.setFocus()
        # Said once the focus is in the passphrase, after its name: the chooser closed
        # and nothing said which folder it gave.
        announce(self.place, f"Folder: {folder}", Politeness.POLITE, after_focus=True)

    def show_error(self, text: str, *about: QWidget) -> None:
        """Say ``text`` under the dialog, about the fields ``about`` (the folder shown,
        the passphrase): it goes once they change (`WorkFooter.show_error`)."""
        self.footer.show_error(text, about)

    @property
    def working(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        if self._task is not None:
            return
        if self.folder is None:
            self.notes_on_fields.show("folder", NO_FOLDER, focus=False)
            self.choose_button.setFocus()
            return
        secret = self.passphrase.text()
        if not secret:
            self.show_error("Please type your passphrase to confirm.", self.passphrase)
            self.passphrase.setFocus()
            return
        journal = self.journal

        def check() -> bool:
            return journal.check_passphrase(secret)

        # The passphrase first, said as such; the export only once it is right.
        self.footer.set_busy(True, CHECKING)
        self._task = run_in_background(check, self._checked, self._failed, owner=self)

    def _checked(self, right: bool) -> None:
        """The passphrase typed to confirm was checked: export when ``right``, else
        say it is wrong (`NOT_ITS_PASSPHRASE`), next to it."""
        self._task = None
        if not right:
            self._failed(WrongPassphrase())
            return
        folder, journal, progress = self.folder, self.journal, self.footer.report
        if folder is None:  # chosen before the check began (see start)
            self.footer.set_busy(False)
            return
        folder_path = journal.folder
        key = bytes(journal.data_key)

        def work() -> Any:
            from journal.storage import migrate
            from journal.storage.database import Database
            from journal.storage.lock.engine import open_own_engine
            from journal.storage.safekeeping.export import export_journal

            database = Database(open_own_engine(folder_path / "journal.db", key))
            try:
                revisions = sorted(migrate.current_revisions(database.engine))
                return export_journal(database, folder, revisions, progress)
            finally:
                database.close()

        self.footer.set_busy(True, EXPORTING)
        self._task = run_in_background(work, self._done, self._failed, owner=self)

    def _done(self, result: Any) -> None:
        self._task = None
        self.passphrase.clear()
        self.footer.set_busy(False)
        self.exported.emit(result.folder)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.footer.set_busy(False)
        said = NOT_ITS_PASSPHRASE if isinstance(error, WrongPassphrase) else user_message(error)
        # A passphrase mistyped is about the passphrase; a folder that could not take
        # the export (full, read-only) about the folder.
        self.show_error(said, self.passphrase if isinstance(error, WrongPassphrase) else self.place)
        if not isinstance(error, WrongPassphrase):
            if "no export was written" not in said.lower():
                said = f"Your export was not written. {said}"
            self.failed.emit(said)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def reject(self) -> None:
        """Cancel, Escape: closes the dialog; while the export is being written, says
        that it cannot be stopped halfway (`STILL_WRITING`) instead of doing nothing
        unsaid (break test 16 of session 12, finding 1, the import dialog's Cancel)."""
        if self.footer.stop_refused():
            return
        self.passphrase.clear()
        super().reject()

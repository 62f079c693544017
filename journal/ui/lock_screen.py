"""The screens before a journal is open: welcome, create, recovery key, unlock.

Key derivation runs on the thread pool; the form shows a quiet busy line and stays
responsive. Every failure is one kind sentence, and nothing on disk changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.settings import LAST_JOURNAL, Settings
from journal.storage.keys import DEFAULT_KDF, KdfParams
from journal.storage.store import JournalInfo, JournalStore
from journal.ui.messages import user_message
from journal.ui.widgets import NewPassphraseFields, label, password_field
from journal.ui.workers import Task, run_in_background

if TYPE_CHECKING:
    from journal.storage.journals import OpenJournal

WELCOME_TEXT = (
    "Solace is a quiet place to write through a miscarriage, to keep track of how "
    "your body is healing, and to read calm guidance, alone or with a partner.",
    "Everything stays on this computer. Your journal is encrypted with a passphrase "
    "only you know; Solace never connects to the internet.",
    "If you forget your passphrase, only the recovery key you will see next can open "
    "your journal. There is no other way back in, not even for us.",
)
NOT_ADVICE = "Solace offers general information, not medical advice."


class _Card(QWidget):
    """A centred column with a heading, used by every page."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QWidget()
        self.card.setObjectName("lockCard")
        self._fit_width()
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(28, 24, 28, 24)
        self.body.setSpacing(12)
        self.heading = label(heading, "heading")
        self.body.addWidget(self.heading)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.error = label("", "error")
        self.error.setAccessibleName("Message")
        self.error.hide()

    def _fit_width(self) -> None:
        """At most about 64 characters wide; larger text sizes get a wider card. The
        layout itself keeps the card wide enough for its buttons."""
        char = max(self.fontMetrics().averageCharWidth(), 7)
        self.card.setMaximumWidth(char * 64)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for child in self.card.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPushButton | QCheckBox | QComboBox):
                child.setEnabled(not busy)


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class WelcomePage(_Card):
    def __init__(self) -> None:
        super().__init__("Welcome to Solace")
        for paragraph in WELCOME_TEXT:
            self.body.addWidget(label(paragraph))
        self.body.addWidget(label(NOT_ADVICE, "subtle"))
        self.create_button = QPushButton("Create a journal")
        self.create_button.setDefault(True)
        self.body.addLayout(_buttons(self.create_button))
        self.finish_layout()


class CreatePage(_Card):
    def __init__(self) -> None:
        super().__init__("Create a journal")
        self.body.addWidget(
            label(
                "The name is shown on this computer before the journal is unlocked, "
                "so choose one you are comfortable with anyone seeing.",
                "subtle",
            )
        )
        self.name = QLineEdit()
        self.name.setAccessibleName("Journal name")
        self.name.setPlaceholderText("For example: My journal")
        self.name.setMaxLength(60)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        self.body.addLayout(form)
        self.passphrase = NewPassphraseFields()
        self.body.addWidget(self.passphrase)
        self.back_button = QPushButton("Back")
        self.create_button = QPushButton("Create journal")
        self.create_button.setDefault(True)
        self.body.addLayout(_buttons(self.back_button, self.create_button))
        self.finish_layout()
        self.passphrase.changed.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.create_button.setEnabled(bool(self.name.text().strip()) and self.passphrase.ready())

    def reset(self) -> None:
        self.name.clear()
        self.passphrase.clear()
        self.show_error("")


class RecoveryKeyPage(_Card):
    """Shows a recovery key once, with a print step and an acknowledgement."""

    def __init__(self) -> None:
        super().__init__("Your recovery key")
        self.body.addWidget(
            label(
                "This key opens your journal if you ever forget your passphrase. "
                "It is shown only now. Please write it down or print it, and keep it "
                "somewhere safe and private."
            )
        )
        self.key = label("", "notice")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        mono.setWeight(QFont.Weight.DemiBold)
        self.key.setFont(mono)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setAccessibleName("Recovery key")
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body.addWidget(self.key)
        self.print_button = QPushButton("&Print…")
        self.confirm = QCheckBox("I have written it down or printed it")
        self.continue_button = QPushButton("Continue")
        self.continue_button.setEnabled(False)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.print_button.clicked.connect(self._print)
        self.body.addLayout(_buttons(self.print_button))
        self.body.addWidget(self.confirm)
        self.body.addLayout(_buttons(self.continue_button))
        self.finish_layout()

    def show_key(self, recovery_key: str) -> None:
        self.key.setText(recovery_key)
        self.key.setAccessibleDescription(" ".join(recovery_key.replace("-", " ")))
        self.confirm.setChecked(False)

    def forget(self) -> None:
        self.key.clear()
        self.key.setAccessibleDescription("")
        self.confirm.setChecked(False)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(
            "Solace recovery key\n\n"
            f"{self.key.text()}\n\n"
            "Keep this somewhere safe and private. It opens your journal if the "
            "passphrase is forgotten."
        )
        document.print_(printer)


class UnlockPage(_Card):
    def __init__(self) -> None:
        super().__init__("Unlock your journal")
        self.journal_choice = QComboBox()
        self.journal_choice.setAccessibleName("Journal")
        self.passphrase = password_field("Passphrase")
        form = QFormLayout()
        self.choice_label = label("&Journal", wrap=False)
        self.choice_label.setBuddy(self.journal_choice)
        form.addRow(self.choice_label, self.journal_choice)
        form.addRow("&Passphrase", self.passphrase)
        self.body.addLayout(form)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.body.addLayout(_buttons(self.unlock_button))
        self.recovery_button = QPushButton("Use recovery key…")
        self.create_button = QPushButton("New journal…")
        self.remove_button = QPushButton("Remove a journal…")
        for button in (self.recovery_button, self.create_button, self.remove_button):
            button.setProperty("role", "link")
        links = QHBoxLayout()
        links.addWidget(self.recovery_button)
        links.addWidget(self.create_button)
        links.addStretch(1)
        links.addWidget(self.remove_button)
        self.finish_layout()
        self.body.addLayout(links)
        self.passphrase.returnPressed.connect(self.unlock_button.click)

    def set_journals(self, journals: list[JournalInfo], preferred_id: str) -> None:
        self.journal_choice.clear()
        for info in journals:
            suffix = "" if info.readable else " (cannot be read)"
            self.journal_choice.addItem(info.name + suffix, str(info.folder))
        index = next((i for i, j in enumerate(journals) if j.journal_id == preferred_id), 0)
        self.journal_choice.setCurrentIndex(index)
        several = len(journals) > 1
        self.journal_choice.setVisible(several)
        self.choice_label.setVisible(several)
        self.remove_button.setEnabled(bool(journals))

    def chosen_folder(self) -> Path | None:
        data = self.journal_choice.currentData()
        return Path(data) if data else None


class RecoveryUnlockPage(_Card):
    def __init__(self) -> None:
        super().__init__("Unlock with your recovery key")
        self.body.addWidget(
            label("Type the recovery key you wrote down. Spaces, dashes and case do not matter.")
        )
        self.key = QLineEdit()
        self.key.setAccessibleName("Recovery key")
        self.key.setMaxLength(200)
        self.body.addWidget(self.key)
        self.back_button = QPushButton("Back")
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.body.addLayout(_buttons(self.back_button, self.unlock_button))
        self.finish_layout()
        self.key.returnPressed.connect(self.unlock_button.click)


class NewPassphrasePage(_Card):
    def __init__(self) -> None:
        super().__init__("Choose a new passphrase")
        self.body.addWidget(
            label("Your journal is open. Please choose a new passphrase to use from now on.")
        )
        self.passphrase = NewPassphraseFields()
        self.body.addWidget(self.passphrase)
        self.save_button = QPushButton("Save passphrase")
        self.save_button.setDefault(True)
        self.body.addLayout(_buttons(self.save_button))
        self.finish_layout()
        self.passphrase.changed.connect(
            lambda: self.save_button.setEnabled(self.passphrase.ready())
        )
        self.save_button.setEnabled(False)


class LockScreen(QStackedWidget):
    """Everything before the main window; emits `unlocked` with an open journal."""

    unlocked = Signal(object)
    opening = Signal()  # key derivation has started: a good moment to build the areas

    def __init__(
        self, store: JournalStore, settings: Settings, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.kdf = kdf
        self._task: Task | None = None
        self._preload: Task | None = None
        self._pending: OpenJournal | None = None
        self.welcome_page = WelcomePage()
        self.create_page = CreatePage()
        self.key_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage()
        self.recovery_page = RecoveryUnlockPage()
        self.new_passphrase_page = NewPassphrasePage()
        for page in (
            self.welcome_page,
            self.create_page,
            self.key_page,
            self.unlock_page,
            self.recovery_page,
            self.new_passphrase_page,
        ):
            self.addWidget(page)
        self.welcome_page.create_button.clicked.connect(self.show_create)
        self.create_page.back_button.clicked.connect(self.show_start)
        self.create_page.create_button.clicked.connect(self._create)
        self.key_page.continue_button.clicked.connect(self._finish_recovery_key)
        self.unlock_page.unlock_button.clicked.connect(self._unlock)
        self.unlock_page.recovery_button.clicked.connect(lambda: self._go(self.recovery_page))
        self.unlock_page.create_button.clicked.connect(self.show_create)
        self.unlock_page.remove_button.clicked.connect(self._remove)
        self.recovery_page.back_button.clicked.connect(self.show_start)
        self.recovery_page.unlock_button.clicked.connect(self._unlock_with_recovery)
        self.new_passphrase_page.save_button.clicked.connect(self._save_new_passphrase)
        self.show_start()

    # navigation -------------------------------------------------------------
    def _go(self, page: _Card) -> None:
        page.show_error("")
        self.setCurrentWidget(page)
        focus = {
            self.welcome_page: self.welcome_page.create_button,
            self.create_page: self.create_page.name,
            self.unlock_page: self.unlock_page.passphrase,
            self.recovery_page: self.recovery_page.key,
            self.new_passphrase_page: self.new_passphrase_page.passphrase.first,
            self.key_page: self.key_page.key,
        }[page]
        focus.setFocus()

    def show_start(self) -> None:
        journals = self.store.journals()
        if not journals:
            self._go(self.welcome_page)
            return
        self.unlock_page.set_journals(journals, self.settings.get(LAST_JOURNAL))
        self.unlock_page.passphrase.clear()
        self._go(self.unlock_page)

    def show_create(self) -> None:
        self.create_page.reset()
        self._go(self.create_page)

    def clear_secrets(self) -> None:
        """Forget anything typed or shown (called when the app locks)."""
        self.unlock_page.passphrase.clear()
        self.recovery_page.key.clear()
        self.key_page.forget()
        self.create_page.passphrase.clear()
        self.new_passphrase_page.passphrase.clear()

    # background work ----------------------------------------------------------
    def _run(self, page: _Card, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        page.show_error("")
        page.set_busy(True)

        def succeeded(result: Any) -> None:
            page.set_busy(False)
            self._task = None
            done(result)

        def failed(error: BaseException) -> None:
            page.set_busy(False)
            self._task = None
            page.show_error(user_message(error))
            self._focus_after_error(page)

        self._task = run_in_background(work, succeeded, failed)

    def _focus_after_error(self, page: _Card) -> None:
        if page is self.unlock_page:
            self.unlock_page.passphrase.selectAll()
            self.unlock_page.passphrase.setFocus()
        elif page is self.recovery_page:
            self.recovery_page.key.setFocus()

    def prepare_in_background(self) -> None:
        """Load the storage stack and run the SQLCipher checks while the person types.

        A failed check is shown at once and keeps Unlock and Create disabled.
        """

        def prepare() -> None:
            import journal.storage.journals  # noqa: F401 (loads SQLAlchemy, Alembic, SQLCipher)
            from journal.storage.store import require_sqlcipher

            require_sqlcipher()

        def failed(error: BaseException) -> None:
            for page in (self.unlock_page, self.welcome_page, self.create_page):
                page.show_error(user_message(error))
            for button in (
                self.unlock_page.unlock_button,
                self.welcome_page.create_button,
                self.create_page.create_button,
                self.unlock_page.create_button,
            ):
                button.setEnabled(False)

        self._preload = run_in_background(prepare, lambda _: None, failed)

    @property
    def busy(self) -> bool:
        return self._task is not None

    # actions ----------------------------------------------------------------
    def _create(self) -> None:
        name = self.create_page.name.text().strip()
        passphrase = self.create_page.passphrase.passphrase()
        if not name or not self.create_page.passphrase.ready():
            return
        self._run(
            self.create_page,
            lambda: self.store.create(name, passphrase, self.kdf),
            self._created,
        )
        self.opening.emit()

    def _created(self, result: tuple[OpenJournal, str]) -> None:
        journal, recovery = result
        self.create_page.reset()
        self._pending = journal
        self.settings.set(LAST_JOURNAL, journal.header.journal_id)
        self.key_page.show_key(recovery)
        self._go(self.key_page)

    def _finish_recovery_key(self) -> None:
        self.key_page.forget()
        journal, self._pending = self._pending, None
        if journal is not None:
            self.unlocked.emit(journal)

    def _unlock(self) -> None:
        folder = self.unlock_page.chosen_folder()
        passphrase = self.unlock_page.passphrase.text()
        if folder is None:
            return
        self._run(self.unlock_page, lambda: self.store.unlock(folder, passphrase), self._opened)
        self.opening.emit()

    def _opened(self, journal: OpenJournal) -> None:
        self.unlock_page.passphrase.clear()
        self.settings.set(LAST_JOURNAL, journal.header.journal_id)
        if journal.needs_new_recovery_key:
            self._pending = journal
            self._run(self.unlock_page, journal.new_recovery_key, self._show_new_recovery_key)
            return
        self.unlocked.emit(journal)

    def _show_new_recovery_key(self, recovery: str) -> None:
        self.key_page.show_key(recovery)
        self._go(self.key_page)

    def _unlock_with_recovery(self) -> None:
        folder = self.unlock_page.chosen_folder()
        key = self.recovery_page.key.text()
        if folder is None:
            return
        self._run(
            self.recovery_page,
            lambda: self.store.unlock_with_recovery_key(folder, key),
            self._opened_with_recovery,
        )
        self.opening.emit()

    def _opened_with_recovery(self, journal: OpenJournal) -> None:
        self.recovery_page.key.clear()
        self._pending = journal
        self.new_passphrase_page.passphrase.clear()
        self._go(self.new_passphrase_page)

    def _save_new_passphrase(self) -> None:
        journal = self._pending
        fields = self.new_passphrase_page.passphrase
        if journal is None or not fields.ready():
            return
        passphrase = fields.passphrase()
        self._run(
            self.new_passphrase_page,
            lambda: journal.change_passphrase(passphrase),
            lambda _: self._finish_new_passphrase(),
        )

    def _finish_new_passphrase(self) -> None:
        self.new_passphrase_page.passphrase.clear()
        journal, self._pending = self._pending, None
        if journal is not None:
            self.unlocked.emit(journal)

    def _remove(self) -> None:
        from journal.ui.security_dialogs import RemoveJournalDialog

        folder = self.unlock_page.chosen_folder()
        if folder is None:
            return
        dialog = RemoveJournalDialog(
            self.store, folder, self.unlock_page.journal_choice.currentText(), self
        )
        if dialog.exec():
            QMessageBox.information(self, "Journal removed", "The journal has been removed.")
            self.show_start()

"""The pages of the lock screen: welcome, create, recovery key, unlock, recovery
unlock, new passphrase. Layout only; `lock_screen.LockScreen` drives them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.storage.lock.vault import JournalInfo
from journal.ui.common.accessibility import (
    Message,
    Politeness,
    announce,
    announce_on_focus,
    describes,
)
from journal.ui.common.busy import hold_input
from journal.ui.common.caps_lock import CapsLockNote
from journal.ui.common.clipboard import clear_clipboard_of
from journal.ui.common.flow import flow_row
from journal.ui.common.in_view import must_be_seen
from journal.ui.common.label_column import LabelColumn
from journal.ui.common.length_limit import limit_length
from journal.ui.common.long_names import ElidedComboBox, show_wrapping, unbroken
from journal.ui.common.undo_steps import empty
from journal.ui.common.widgets import (
    NewPassphraseFields,
    busy_bar,
    follow_text_size,
    label,
    secret_field,
    wrapping_form,
)
from journal.ui.lock.key_text import KeyText, key_lines

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

WELCOME_TEXT = (
    "Solace is a quiet place to write through a miscarriage, to keep track of how "
    "your body is healing, and to read calm guidance, alone or with a partner.",
    "Everything stays on this computer. Your journal is encrypted with a passphrase "
    "only you know; Solace never connects to the internet.",
    "If you forget your passphrase, only the recovery key you will see next can open "
    "your journal. There is no other way back in, not even for us.",
)
NOT_ADVICE = "Solace offers general information, not medical advice."
BODY_LOG_HINT = (
    "A partner who did not carry the pregnancy may leave this off. It can be turned on "
    "or off later in Settings."
)


class Card(QWidget):
    """A centred column with a heading, used by every page. ``doing`` says what the
    page's key work is, heard as it starts (see `BusyLine`)."""

    doing = ""

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
        self._outer = outer  # see `keep_bottom`
        self.primary: QPushButton | None = None
        self.back: QPushButton | None = None  # what Escape presses (see finish_layout)
        self.busy = busy_bar(self.doing)
        # Its room kept while hidden: appearing as the key work starts, it moved the
        # card and its buttons 6 px (the lead's walk of session 17, L3).
        policy = self.busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(policy)
        self.error = Message("What went wrong", "error")
        # Shown while key work runs, on the pages where stopping it changes nothing.
        self.cancel_button: QPushButton | None = None

    def keep_bottom(self, change: Callable[[], None]) -> None:
        """Run ``change`` (words appearing in or leaving the card) with the card's bottom,
        and so its buttons, kept where they are on the page: the card grows or shrinks
        at its top while there is room above it. The card is centred, so words that
        appeared in it moved the button under the mouse (break test 16 of session 20,
        L8). `centre` gives the card back its centred place."""
        if not self.isVisible():
            change()
            return
        below = self._outer.itemAt(self._outer.count() - 1)
        spacer = below.spacerItem() if below is not None else None
        if below is not None and spacer is not None:
            height = below.geometry().height()
            spacer.changeSize(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self._outer.setStretch(self._outer.count() - 1, 0)
            self._outer.invalidate()
        change()

    def centre(self) -> None:
        """Centre the card again (two parts of the room below it, one above), after
        `keep_bottom` fixed its bottom."""
        last = self._outer.count() - 1
        item = self._outer.itemAt(last)
        spacer = item.spacerItem() if item is not None else None
        if spacer is not None:
            spacer.changeSize(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
            self._outer.setStretch(last, 2)
            self._outer.invalidate()

    def _fit_width(self) -> None:
        """At most about 64 characters wide; larger text sizes get a wider card. The
        layout itself keeps the card wide enough for its buttons."""
        char = max(self.fontMetrics().averageCharWidth(), 7)
        self.card.setMaximumWidth(char * 64)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def finish_layout(
        self,
        primary: QPushButton | None = None,
        cancel: bool = False,
        back: QPushButton | None = None,
    ) -> None:
        """Add the message and busy lines; ``primary`` is what Enter presses on this page,
        ``back`` what Escape presses (as Escape cancels a dialog); with ``cancel``, a
        Cancel button shows while key work runs (see `set_busy`)."""
        self.primary = primary
        self.back = back
        self.body.addWidget(self.error)
        self.body.addWidget(self.busy)
        if cancel:
            self.cancel_button = QPushButton("Cancel")
            self.cancel_button.setAccessibleDescription("Stop opening the journal")
            self.cancel_button.hide()
            self.body.addLayout(button_row(self.cancel_button))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, or else the page's primary button (when it
        is enabled), wherever the focus is on the page: as in a dialog. Escape presses
        Cancel while key work runs."""
        cancel = self.cancel_button
        if event.key() == Qt.Key.Key_Escape and cancel is not None and cancel.isVisible():
            cancel.click()
            event.accept()
            return
        back = self.back
        if (
            event.key() == Qt.Key.Key_Escape
            and back is not None
            and back.isVisible()
            and back.isEnabled()
        ):
            back.click()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focused = self.focusWidget()
            button = focused if isinstance(focused, QPushButton) else self.primary
            if button is not None and button.isVisible():
                if button is self.primary and (not button.isEnabled() or not self.ready()):
                    # Said why it cannot be pressed yet (`not_ready` first waits for the
                    # passphrase's rating), where the page says it, whoever listens to
                    # the button; pressed once nothing is missing.
                    reason = self.not_ready()
                    if not button.isEnabled() or not self.ready():
                        self.show_error(reason)
                        event.accept()
                        return
                if button.isEnabled():
                    button.click()
                event.accept()
                return
        super().keyPressEvent(event)

    def ready(self) -> bool:
        """Whether the page's primary button would do its work now (True unless a page
        says otherwise: `CreatePage`, `NewPassphrasePage`)."""
        return True

    def not_ready(self) -> str:
        """Why the page's primary button cannot be pressed yet, in plain words (said
        when Enter is pressed while it is disabled); "" when nothing is missing."""
        return ""

    def show_error(self, text: str) -> None:
        """Show (and announce, assertively) ``text`` as an error, each time, even when it
        is already shown: each Enter is an attempt, and a second one refused for the same
        reason was silent, as if the journal were being made (break test 15 of session
        12, finding 3); an empty text hides the message."""
        self.error.show_message(text, "error", repeat=bool(text))

    def set_busy(self, busy: bool) -> None:
        """While a key is derived nothing on the card takes input and the focus stays on
        the passphrase field (see `hold_input`); only Cancel (where the page has one) is
        shown and works, with the mouse, Tab or Escape."""
        self.busy.setVisible(busy)
        hold_input(self.card, busy)
        if self.cancel_button is not None:
            self.cancel_button.setVisible(busy)
            if busy:
                self.cancel_button.setEnabled(True)


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """A row with `buttons` at its right end, in the order given."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class WelcomePage(Card):
    """The first page, with no journal yet: what Solace is, that nothing leaves the
    computer, and "Create a journal"."""

    def __init__(self) -> None:
        super().__init__("Welcome to Solace")
        self.create_button = QPushButton("Create a journal")
        # What Solace is, where the journal stays and what the recovery key is for,
        # read with the button that starts it all (issue 15, finding 10).
        for paragraph in WELCOME_TEXT:
            self.body.addWidget(label(paragraph))
        self.create_button.setAccessibleDescription(" ".join(WELCOME_TEXT))
        self.body.addWidget(label(NOT_ADVICE, "subtle"))
        self.create_button.setDefault(True)
        self.body.addLayout(button_row(self.create_button))
        self.finish_layout(self.create_button)
        self.restore_button = QPushButton("Restore a journal from a backup file…")
        self.restore_button.setProperty("role", "link")
        links = QHBoxLayout()
        links.addWidget(self.restore_button)
        links.addStretch(1)
        self.body.addLayout(links)


#: Said beside Name when "Create journal" is pressed without one.
NAME_NEEDED = "Please give the journal a name, then press Create journal."
#: Said beside "I have written it down" when Continue is pressed before it is ticked.
NOT_WRITTEN_DOWN = (
    "Please write the key down or print it, then tick \u201cI have written it down or "
    "printed it\u201d. Continue goes on once it is ticked."
)


class CreatePage(Card):
    """Create a journal: its name (shown before unlock) and a passphrase typed twice, with a
    strength note."""

    doing = "Creating your journal… this takes a few seconds."

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
        form = wrapping_form()
        column = LabelColumn()  # "Name" and the passphrase pair's labels: one column
        column.add_row(form, "&Name", self.name)
        self.body.addLayout(form)
        # Beside the Name field: a name another journal here has (`names.NameInUse`),
        # or more than it holds.
        self.name_error = Message("About the journal's name", "error")
        limit_length(self.name, 60, note=self.name_error)
        self.body.addWidget(self.name_error)
        # No room kept while nothing is refused: the room kept for a refusal was a blank
        # band of about 150 px at 200 % (break test 16 of session 20, L8). A refusal
        # grows the card at its top (`refuse_name`), so the button under the mouse
        # stays where it is (break test 10 of session 17, finding 7).
        self.name.textChanged.connect(lambda _name: self.name_error.setText(""))
        self.passphrase = NewPassphraseFields(column=column)
        self.body.addWidget(self.passphrase)
        self.body_log = QCheckBox("&Keep a body log (bleeding, pain, temperature)")
        self.body_log.setChecked(True)
        self.body_log.setAccessibleDescription(BODY_LOG_HINT)
        self.body.addWidget(self.body_log)
        self.body.addWidget(label(BODY_LOG_HINT, "subtle"))
        self.back_button = QPushButton("Back")
        self.create_button = QPushButton("Create journal")
        self.create_button.setDefault(True)
        self.body.addLayout(button_row(self.back_button, self.create_button))
        self.finish_layout(self.create_button, back=self.back_button)
        self.passphrase.changed.connect(self._update)
        self.name.textChanged.connect(self._update)
        self.name.textChanged.connect(lambda name: self.passphrase.set_user_inputs([name]))
        self._update()

    def ready(self) -> bool:
        """Whether "Create journal" would make the journal now: a name, and a passphrase
        typed twice and rated good enough. The button itself is never disabled, so it
        looks the main button every page has (filled, in both themes; break test 10 of
        session 15, finding 9: it looked disabled, grey on the page); pressed too early,
        it says what is missing next to the field (`not_ready`)."""
        return bool(self.name.text().strip()) and self.passphrase.ready()

    def _update(self) -> None:
        if self.ready():
            self.show_error("")

    def not_ready(self) -> str:
        """What "Create journal" still needs: a name, then a passphrase typed twice. What
        the passphrase needs is said next to its fields (`NewPassphraseFields.refuse`),
        and "" returned: said once, not again under the button."""
        self.passphrase.settle()
        if self.ready():
            return ""
        if not self.name.text().strip():
            # Beside the Name field, with the focus there, as the passphrase's needs are
            # said beside its fields: under the buttons it was 280 px from the field
            # (break test 10 of session 17, finding 7).
            self.refuse_name(NAME_NEEDED)
            return ""
        self.passphrase.refuse()
        return ""

    def refuse_name(self, text: str) -> None:
        """Say ``text`` (why this name cannot be used) beside the Name field, and put
        the focus there with the name selected, to be changed."""
        self.keep_bottom(lambda: self.name_error.setText(text))
        self.name.setFocus()
        self.name.selectAll()

    def reset(self) -> None:
        empty(self.name)
        self.name_error.setText("")
        self.centre()
        self.passphrase.clear()
        self.body_log.setChecked(True)
        self.show_error("")


class PinnedConfirm(QWidget):
    """A recovery key's "I have written it down" and Continue, kept together: the
    dialog and the lock screen pin this row below the part that scrolls, so at 200 %
    text on a small screen the step people must not miss never starts below the
    fold, and a note shown under "Print…" never pushes it away (break test 14 of
    session 7, finding 4). Enter in it continues once the box is ticked, as Enter
    anywhere on the page does."""

    def __init__(
        self, confirm: QCheckBox, needed: QLabel, proceed: QPushButton, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.proceed = proceed
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(confirm)
        box.addWidget(needed)
        box.addLayout(button_row(proceed))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.proceed.click()  # which says what is missing, if anything is
            event.accept()
            return
        super().keyPressEvent(event)


class RecoveryKeyPage(Card):
    """Shows a recovery key once, with a print step and an acknowledgement. ``proceed``
    is emitted when Continue is pressed with "I have written it down" ticked; pressed
    before, Continue (filled, as every page's main button, and never disabled) says
    beside the tick what is missing (break test 10 of session 17, finding 8: grey and
    disabled, Enter did nothing and said nothing)."""

    proceed = Signal()

    def __init__(self) -> None:
        super().__init__("Your recovery key")
        self.reason = label("", "notice")
        self.reason.setAccessibleDescription("Why a new recovery key")
        self.reason.hide()
        self.body.addWidget(self.reason)
        keep_it = label(
            "This key opens your journal if you ever forget your passphrase. "
            "It is shown only now. Please write it down or print it, and keep it "
            "somewhere safe and private."
        )
        self.body.addWidget(keep_it)
        self.whose = label("", "subtle")
        self.body.addWidget(self.whose)
        self.recovery_key = ""  # as the printout and the person write it, on one line
        self.key = KeyText()  # selected and copied whole, as it is typed back
        self.key.setProperty("role", "notice")
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.PlainText)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setWeight(QFont.Weight.DemiBold)
        self.key.setFont(mono)
        follow_text_size(self.key, 1.3)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key.setProperty("readable", True)  # the theme draws the focus ring around it
        must_be_seen(self.key)  # in view whole when the page opens, its focus on the key
        self.body.addWidget(self.key)
        self.print_button = QPushButton("&Print…")
        self.confirm = QCheckBox("I have &written it down or printed it")
        describes(keep_it, self.confirm)  # what it is for and where to keep it
        self.continue_button = QPushButton("Continue")
        self.continue_button.setDefault(True)  # drawn filled, as every main button
        self.continue_button.clicked.connect(self._continue)
        # Beside the tick: what Continue needs, when pressed before it.
        self.needed = Message("What Continue needs", "error")
        self.confirm.toggled.connect(self._ticked)
        self.print_button.clicked.connect(self._print)
        self.body.addLayout(button_row(self.print_button))
        self.print_note = Message("About printing", style="notice")
        self.body.addWidget(self.print_note)
        # In the page until a window pins it below its scrolling part (`take_pinned`).
        self.pinned = PinnedConfirm(self.confirm, self.needed, self.continue_button, self)
        self.body.addWidget(self.pinned)
        self.finish_layout(self.continue_button)

    def ready(self) -> bool:
        """Whether Continue goes on now: "I have written it down" is ticked."""
        return self.confirm.isChecked()

    def not_ready(self) -> str:
        """Says beside the tick what Continue needs (`NOT_WRITTEN_DOWN`), with the focus
        on it; "" is returned, so it is not said again under the card."""
        if not self.ready():
            self.needed.show_message(NOT_WRITTEN_DOWN, "error", repeat=True)
            self.confirm.setFocus()
        return ""

    def _ticked(self, ticked: bool) -> None:
        if ticked:
            self.needed.setText("")  # what it said is done

    def _continue(self) -> None:
        if self.ready():
            self.needed.setText("")
            self.proceed.emit()
        else:
            self.not_ready()

    def take_pinned(self) -> PinnedConfirm:
        """The confirming row taken out of the page, for the caller to put below its
        scrolling part (and to own from then on)."""
        self.body.removeWidget(self.pinned)
        return self.pinned

    def order_tabs(self) -> None:
        """Tab goes key, Print…, "I have written it down", Continue, wherever the
        confirming row was pinned (call once it is in the same window as the page)."""
        chain = (self.key, self.print_button, self.confirm, self.continue_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_key(
        self, recovery_key: str, journal_name: str, made_on: date, reason: str = ""
    ) -> None:
        """Show ``recovery_key`` for the journal called ``journal_name``, made on the
        local day ``made_on`` (the page and its printout say both); ``reason`` says why
        a new one is shown, if it is."""
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.recovery_key = recovery_key
        self.key.setText(key_lines(recovery_key))
        spelled = " ".join(recovery_key.replace("-", " "))
        self.key.setAccessibleDescription(f"Your recovery key, letter by letter: {spelled}")
        show_wrapping(self.whose, key_caption(journal_name, made_on))  # a long name wraps
        self.confirm.setChecked(False)
        self.needed.setText("")

    def forget(self) -> None:
        """Take the key off the page, and off the clipboard and the mouse selection
        when they still hold any group of it (copied to a password manager, it has no
        reason to stay there for the whole session: break test 14 of session 10,
        finding 5; anything copied since from elsewhere is left alone).

        The focus is left where it is: "I have written it down" stays ticked (`show_key`
        unticks it for the next key), as unticking it disables Continue, which has the
        focus when it was pressed, and Qt then hands the focus on to the control before
        it, the key, heard ("3CKD-…") before "New entry" (break test 15 of session 12,
        11l)."""
        if self.recovery_key:
            clear_clipboard_of(self.recovery_key.split("-"))
        self.reason.clear()
        self.reason.hide()
        self.key.clear()
        self.recovery_key = ""
        show_wrapping(self.whose, "")  # and its name
        self.key.setAccessibleDescription("")
        self.print_note.clear()

    def _print(self) -> None:
        """ "Print…": the system's print dialog, offering printers only (never "Print to
        File"); with no printer set up, no dialog and a line saying so instead."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        self.print_note.clear()
        if not printer_names():
            self.print_note.setText(NO_PRINTER)
            return
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Print the key on ``printer`` if it is one of this computer's printers, and
        say where the page went; a printer that writes a file (a PDF, PostScript) is
        refused with a line saying so, and nothing is written. Returns whether the page
        was printed. The key must never land in a file: a file of it opens the journal
        for anyone who finds it (break test 14 of session 6, finding 1)."""
        from PySide6.QtPrintSupport import QPrinter

        name = printer.printerName()
        if (
            printer.outputFormat() != QPrinter.OutputFormat.NativeFormat
            or printer.outputFileName()
            or name not in printer_names()
        ):
            self.print_note.setText(NOT_TO_FILE)
            return False
        self.print_to(printer)
        self.print_note.setText(PRINTED.format(name=name))
        return True

    def print_to(self, printer: QPagedPaintDevice) -> None:
        """The printout: the key, the journal it opens and the day it was made."""
        document = QTextDocument()
        font = QFont("sans-serif")
        font.setPointSizeF(PRINT_POINTS)  # the printout's own, never the screen's text size
        document.setDefaultFont(font)
        document.setPlainText(
            "Solace recovery key\n\n"
            f"{unbroken(self.whose.text())}\n\n"
            f"{self.recovery_key}\n\n"
            "Keep this somewhere safe and private. It opens your journal if the "
            "passphrase is forgotten."
        )
        document.print_(printer)


PRINT_POINTS = 12.0  # the recovery key's printout
NO_PRINTER = (
    "No printer is set up on this computer, so nothing was printed and nothing was "
    "saved. Please write the key down instead."
)
NOT_TO_FILE = (
    "Solace prints the recovery key only on a printer, never into a file: a file of it "
    "would open your journal for anyone who found it. Nothing was printed or saved. "
    "Please choose a printer, or write the key down."
)
PRINTED = "The page went to the printer “{name}”. Please collect it from there."


def printer_names() -> list[str]:
    """The printers this computer's print service offers (CUPS on Linux); [] when
    none is set up. Qt's "Print to File" is not a printer and never among them."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


def key_caption(journal_name: str, made_on: date) -> str:
    """Like "For the journal “Our journal”, made on Friday 1 March 2024."."""
    # Here, not at the top: time zones are no part of the lock screen's first paint.
    from journal.ui.common.local_time import say_day

    return f"For the journal {quoted(journal_name)}, made on {say_day(made_on)}."


class UnlockPage(Card):
    """Unlock: which journal, its passphrase, and the ways on (recovery key, restore,
    remove, create another)."""

    doing = "Opening your journal… this takes a few seconds."

    def __init__(self) -> None:
        super().__init__("Unlock your journal")
        self._lasting = ""  # a notice kept under any error (see `show_notice`)
        self._said = ""  # the message the passphrase field's description holds
        self.journal_choice = ElidedComboBox()  # a long name ends in "…" (issue 10, F8)
        self.journal_choice.setAccessibleName("Journal")
        self.passphrase = secret_field("Passphrase")
        form = wrapping_form()
        self.form = form
        self.choice_label = label("&Journal", wrap=False)
        self.choice_label.setBuddy(self.journal_choice)
        form.addRow(self.choice_label, self.journal_choice)
        form.addRow("&Passphrase", self.passphrase)
        self.caps_lock = CapsLockNote(self.passphrase)
        form.addRow(self.caps_lock)  # a row of its own: hidden, it takes no room
        self.problem = Message("About this journal", style="notice")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.body.addWidget(self.problem)
        self.body.addLayout(form)
        self._journals: list[JournalInfo] = []
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.body.addLayout(button_row(self.unlock_button))
        self.recovery_button = QPushButton("Use recovery key…")
        self.create_button = QPushButton("New journal…")
        self.remove_button = QPushButton("Remove a journal…")
        self.restore_button = QPushButton("Restore a backup…")
        # Shown once damage is found: what can still be read, into a new journal.
        self.rescue_button = QPushButton("Rescue what can be read…")
        self.rescue_button.hide()
        for button in (
            self.recovery_button,
            self.create_button,
            self.remove_button,
            self.restore_button,
            self.rescue_button,
        ):
            button.setProperty("role", "link")
        # Two rows, ways back in first, then what changes the list of journals; each
        # wraps (`flow_row`), so the links keep their whole words at 200 % text on a
        # 1024-pixel screen (issue 10, break test of session 18, finding 4).
        back_in = flow_row(self.recovery_button, trailing=(self.restore_button,))
        rescue = QHBoxLayout()  # its own row: whole words at 200 % text
        rescue.addStretch(1)
        rescue.addWidget(self.rescue_button)
        journals = flow_row(self.create_button, trailing=(self.remove_button,))
        self.finish_layout(self.unlock_button, cancel=True)
        self.body.addWidget(back_in)
        self.body.addLayout(rescue)
        self.body.addWidget(journals)
        self.journal_choice.currentIndexChanged.connect(self._show_problem)

    def show_error(self, text: str) -> None:
        """Show (and announce) ``text``, an error about what was typed, also as the
        passphrase field's description while it shows (after it, the journal chosen
        only: see `_describe`). A lasting notice (`show_notice`) stays under it."""
        if self._lasting and text:
            text = f"{text}\n\n{self._lasting}"
        super().show_error(text)
        self._describe(text)

    def show_notice(
        self, text: str, kind: str, *, lasting: bool = False, heard: bool = True
    ) -> None:
        """Show ``text`` as a "status" (calm) or an "error", announced once. A
        ``lasting`` one (words held in memory only) stays, under any error, until
        another notice replaces it: one mistyped passphrase hid it (break test 16 of
        session 9, finding 12). It is about the lock, not what was typed: the
        passphrase field's description stays its purpose (as its description, the
        lock's "Journal locked…" was said again at every return to the field: break
        test 15 of session 12, 11a). Not ``heard``: shown only, to read, when a dialog
        opens over the lock screen at once and says it with its own words (Settings'
        Restore…: said after the dialog's focus, the lock's note covered what to do
        next for the restore, break test 16 of session 19, N1)."""
        self._lasting = text if lasting else ""
        shown = self.passphrase.isVisible()
        # Not on screen yet (the fresh process after a lock): said once the passphrase
        # field has the focus, after its own focus speech, never lost before it.
        self.error.show_message(text, kind, quietly=not shown or not heard)
        if not shown and heard:
            politeness = Politeness.ASSERTIVE if kind == "error" else Politeness.POLITE
            announce_on_focus(self.passphrase, text, politeness)
        self._describe("")  # the lock's status is not what the field is for (11a)

    def _describe(self, said: str | None = None) -> None:
        """Make the passphrase field's description name the journal chosen ("For the
        journal “Ours”.") before ``said`` (the message shown; the last one when None):
        with two journals the focus landed in "Passphrase" and nothing said which one
        was chosen, nor which one a wrong passphrase did not open (break test 15 of
        session 12, 11h)."""
        if said is not None:
            self._said = said
        whose = for_journal(self.chosen_name())
        self.passphrase.setAccessibleDescription(
            " ".join(part for part in (whose, self._said) if part)
        )

    def set_journals(self, journals: list[JournalInfo], preferred_id: str) -> None:
        """List ``journals``; one that cannot be opened as it is says what is wrong
        with it and what can still help, in plain words, when it is chosen. Shown
        afresh (a lock), it holds no notice of an earlier lock."""
        self._lasting = ""
        self._journals = list(journals)
        self.journal_choice.blockSignals(True)
        self.journal_choice.clear()
        for info in journals:
            suffix = "" if info.readable else " (needs attention)"
            self.journal_choice.addItem(info.name + suffix, str(info.folder))
        self.journal_choice.blockSignals(False)
        index = next((i for i, j in enumerate(journals) if j.journal_id == preferred_id), 0)
        self.journal_choice.setCurrentIndex(index)
        several = len(journals) > 1
        self.journal_choice.setVisible(several)
        self.choice_label.setVisible(several)
        self.remove_button.setEnabled(bool(journals))
        self._show_problem(index)

    def chosen_name(self) -> str:
        """The name of the journal chosen (the only one, when there is one), or ""."""
        index = self.journal_choice.currentIndex()
        return self._journals[index].name if 0 <= index < len(self._journals) else ""

    def _show_problem(self, index: int) -> None:
        """Say what is wrong with the chosen journal, and offer only what can help: the
        passphrase and the recovery key when they can open it as it is, "Restore a
        backup…" when a backup can bring it back."""
        info = self._journals[index] if 0 <= index < len(self._journals) else None
        text = f"{info.problem}\n\n{info.help}".strip() if info and info.problem else ""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        opens = info is None or info.opens
        # Only the credential that can open it is offered, when one part of its key file
        # is damaged (break test 14 of session 11, finding 1).
        by_passphrase = opens and (info is None or info.passphrase_opens)
        by_recovery_key = opens and (info is None or info.recovery_opens)
        self._describe()  # for the journal now chosen
        self.form.setRowVisible(self.passphrase, by_passphrase)
        self.unlock_button.setVisible(by_passphrase)
        self.recovery_button.setVisible(by_recovery_key)
        self.restore_button.setVisible(info is None or info.restorable)
        self.primary = (
            self.unlock_button
            if by_passphrase
            else self.recovery_button
            if by_recovery_key
            else None
        )
        if not by_passphrase:
            self.passphrase.clear()

    def first_control(self) -> QWidget:
        """Where the focus goes when this page is shown: the passphrase, or else the
        first thing that can help."""
        for control in (
            self.passphrase,
            self.recovery_button,
            self.restore_button,
            self.create_button,
        ):
            if control.isVisibleTo(self):
                return control
        return self.journal_choice

    def chosen_folder(self) -> Path | None:
        data = self.journal_choice.currentData()
        return Path(data) if data else None


class RecoveryUnlockPage(Card):
    """Unlock with the recovery key (case, spaces, dashes and look-alike letters do not
    matter)."""

    doing = "Opening your journal with the recovery key… this takes a few seconds."

    def __init__(self) -> None:
        super().__init__("Unlock with your recovery key")
        self.whose = label("", "subtle")  # which journal: the lock screen may list several
        self.body.addWidget(self.whose)
        self.body.addWidget(label(TYPE_THE_KEY))
        self.key = secret_field("Recovery key", shown=True, max_length=200)
        self.key.setAccessibleDescription(key_field_description(""))
        self.body.addWidget(self.key)
        self.back_button = QPushButton("Back")
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.body.addLayout(button_row(self.back_button, self.unlock_button))
        self.finish_layout(self.unlock_button, cancel=True, back=self.back_button)
        self._name = ""

    def show_journal(self, name: str) -> None:
        """Name the journal this key is typed for ("For the journal “Ours”."), on the
        page and in the key field's description (see `key_field_description`)."""
        self._name = name
        show_wrapping(self.whose, for_journal(name))
        self.key.setAccessibleDescription(key_field_description(name))

    def show_error(self, text: str) -> None:
        """Show (and announce) ``text``, also in the key field's description while it
        shows, as the passphrase page does: back in the field, a key refused was not
        said again (break test 15 of session 30, finding 3). Fixed words only, never
        a character typed."""
        super().show_error(text)
        self.key.setAccessibleDescription(key_field_description(self._name, text))


#: What to type on the recovery-key page, shown above the field and said with it.
TYPE_THE_KEY = "Type the recovery key you wrote down. Spaces, dashes and case do not matter."


def key_field_description(journal_name: str, error: str = "") -> str:
    """The recovery-key field's accessible description: which journal (``journal_name``,
    none when ""), the ``error`` shown under it, if any, and `TYPE_THE_KEY`; fixed words
    and the journal's name only, never a character typed into the field (the field is
    ``keep_secret``: what is typed never reaches assistive technology). Only "Recovery
    key" was heard (break test 15 of session 12, finding 10)."""
    return " ".join(part for part in (for_journal(journal_name), error, TYPE_THE_KEY) if part)


def for_journal(name: str) -> str:
    """The line naming the journal a lock-screen page acts on; "" without a name."""
    return f"For the journal {quoted(name)}." if name else ""


#: Why the new-passphrase page is shown, under its heading and said as it opens.
KEY_WORKED = (
    "Your recovery key worked: your journal is open. Please choose a new passphrase to "
    "open it with from now on, in place of the old one. Your recovery key stays the same."
)


#: Why the new-passphrase page is shown after a restore confirmed with the recovery
#: key: the restore is done, and a new passphrase is offered, not required. The design
#: (shared design.md, key slots) asks no new passphrase after a recovery-key use; the
#: person may know the one the backup had (break test 16 of session 20, M1: "no way
#: out and no word that the restore happened").
RESTORED_WITH_KEY = (
    "Your backup is restored, and your journal is open. You confirmed the restore with "
    "your recovery key, so you may choose a new passphrase now, or keep the passphrase "
    "the journal had when this backup was made. Your recovery key stays the same."
)


class NewPassphrasePage(Card):
    """After a recovery-key unlock: choose the new passphrase the journal opens with from
    now on. After a restore confirmed with the recovery key (`show_restored`), the page
    says the restore is done and offers "Keep its passphrase" beside "Save passphrase"."""

    doing = "Saving your new passphrase… this takes a few seconds."

    def __init__(self) -> None:
        super().__init__("Choose a new passphrase")
        self.whose = label("", "subtle")
        self.body.addWidget(self.whose)
        self.intro = label(KEY_WORKED)
        self.body.addWidget(self.intro)
        self.passphrase = NewPassphraseFields()
        self.body.addWidget(self.passphrase)
        self.save_button = QPushButton("Save passphrase")
        self.save_button.setDefault(True)
        self.keep_button = QPushButton("Keep its passphrase")
        self.keep_button.setAccessibleDescription(
            "Open the restored journal with the passphrase it had when this backup was made"
        )
        self.keep_button.hide()  # only after a restore (see show_restored)
        self.body.addLayout(button_row(self.keep_button, self.save_button))
        self.finish_layout(self.save_button)

    def ready(self) -> bool:
        """Whether "Save passphrase" would save now: a passphrase typed twice and rated
        good enough. The button is never disabled (see `CreatePage.ready`)."""
        return self.passphrase.ready()

    def not_ready(self) -> str:
        """What "Save passphrase" still needs (a passphrase, typed twice) is said next
        to the fields (`NewPassphraseFields.refuse`), once; "" is returned."""
        self.passphrase.refuse()
        return ""

    def show_journal(self, name: str) -> None:
        """Name the journal whose new passphrase this is; the page asks for a new
        passphrase, as after a recovery-key unlock (`KEY_WORKED`, no way to keep)."""
        show_wrapping(self.whose, for_journal(name))
        self.heading.setText("Choose a new passphrase")
        self.intro.setText(KEY_WORKED)
        self.keep_button.hide()

    def show_restored(self) -> None:
        """Say first that the restore is done (heading and `RESTORED_WITH_KEY`), and
        offer "Keep its passphrase": after a restore confirmed with the recovery key a
        new passphrase is a choice. Call after `show_journal`."""
        self.heading.setText("Your journal is restored")
        self.intro.setText(RESTORED_WITH_KEY)
        self.keep_button.show()

    def say_opened(self) -> None:
        """Say once, politely, after the focus has landed in the first field (its own
        name is spoken first), that the recovery key opened the journal and why a new
        passphrase is asked (`KEY_WORKED`, after the journal's name): only "New
        passphrase" was heard (break test 15 of session 12, finding 10)."""
        words = f"{self.heading.text()}. {self.whose.text()} {self.intro.text()}"
        announce(self.intro, " ".join(words.split()), Politeness.POLITE, after_focus=True)

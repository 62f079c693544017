"""Together's first page: the partner picks their journal and types their passphrase here.

The partner's journal can be one on this computer's list or one in any other
folder (a USB stick, another account's shared folder). A couple who keep one
journal name its two writers instead. The person's own choices sit here too:
what they share, the recovery switch, their private couple-prompt answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import isolated
from journal.storage.lock.vault import JournalInfo
from journal.storage.together.settings import MY_NAME_MAX
from journal.ui.common.accessibility import Message, describes, scroll_only
from journal.ui.common.busy import hold_input
from journal.ui.common.field_notes import FieldNote
from journal.ui.common.file_places import Place, existing_folder
from journal.ui.common.flow import flow_row, narrow_combo
from journal.ui.common.length_limit import limit_length
from journal.ui.common.long_names import ElidedComboBox
from journal.ui.common.main_button import enter_presses_main
from journal.ui.common.undo_steps import empty
from journal.ui.common.widgets import (
    busy_bar,
    grow_with_content,
    label,
    secret_field,
    wrapping_form,
)

__all__ = ["RECOVERY_PRIVATE", "RECOVERY_SHARED", "StartPage"]

INTRO = (
    "Together lets the two of you read, side by side, what each of you chose to share, "
    "answer each other, and find where you agree. Nothing private of either of you is "
    "shown. Leaving Together locks your partner's journal and asks for your passphrase "
    "again."
)
RECOVERY_SWITCH = "Share a summary of my &recovery"
RECOVERY_MEANS = (
    "Off unless you turn it on. Your partner then sees the days since the loss, whether "
    "the bleeding has stopped, follow-up appointments and the warning signs raised, "
    "never the logs themselves."
)
#: Said as the switch is turned on and off.
RECOVERY_SHARED = (
    "Shared: in Together, your partner sees a summary of your recovery, never the logs."
)
RECOVERY_PRIVATE = "Not shared: your partner no longer sees a summary of your recovery."
OTHER_FOLDER = "__other__"
OTHER_FOLDER_TEXT = "A journal in another folder…"
NO_PARTNER_CHOSEN = "Please choose your partner's journal, or the folder it is in."


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    column = QVBoxLayout(card)
    column.setContentsMargins(18, 14, 18, 14)
    column.addWidget(label(title, "title"))
    return card, column


class StartPage(QScrollArea):
    """How Together begins: open the partner's journal (its folder and passphrase) or name
    the two writers of one journal, and choose what to share.
    """

    open_requested = Signal(object, str)  # partner folder (Path), passphrase
    folder_chosen = Signal(object)  # a folder picked for the partner's journal (Path)
    open_one_journal = Signal()
    writers_named = Signal(str, str)
    name_changed = Signal(str)
    share_recovery = Signal(bool)
    show_shared = Signal()
    show_prompts = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Together: open it, and what you share")
        scroll_only(self)  # its fields and buttons are the Tab stops, not the page
        grow_with_content(self)  # the main window's page is the one scroll
        self._other: Path | None = None
        inner = self._inner = QWidget()
        column = QVBoxLayout(inner)
        column.setSpacing(14)
        column.addWidget(label("Together", "heading"))
        intro = label(INTRO)
        column.addWidget(intro)

        card, box = _card("Read together with your partner's journal")
        self.my_name = QLineEdit()
        self.my_name.setAccessibleName("Your name in Together")
        limit_length(self.my_name, MY_NAME_MAX)
        self.partner = ElidedComboBox()  # a journal's long name ends in "…"
        self.partner.setAccessibleName("Your partner's journal")
        self.folder_button = QPushButton("Choose a fol&der…")
        self.folder_button.setAccessibleDescription("Choose your partner's journal folder")
        self.folder = label("", "subtle")
        self.passphrase = secret_field("Your partner's passphrase")
        self.open_button = QPushButton("&Open Together")
        self.open_button.setDefault(True)
        self.problem = Message("Problem opening Together", "error")
        self.problem.hide()
        self.busy = busy_bar("Opening your partner\u2019s journal\u2026 this takes a few seconds.")
        # As wide as its longest fixed choice, so it is never cut ("A journal in another
        # folc" at 200 %, break test 10 of session 7, finding 12); a long journal name
        # still elides, whole in the list.
        narrow_combo(self.partner, len(OTHER_FOLDER_TEXT))
        form = wrapping_form()
        form.addRow("Your &name", self.my_name)
        self.name_problem = Message("Problem with your name", "error")
        self.name_problem.hide()
        form.addRow("", self.name_problem)
        picker = flow_row(self.partner, self.folder_button)
        partner_label = QLabel("Partner's &journal")
        partner_label.setBuddy(self.partner)
        form.addRow(partner_label, picker)
        form.addRow("", self.folder)
        # What is wrong with the partner's journal chosen is said right under the choice,
        # and told to the control the focus goes to (the list, or "Choose a folder…"
        # when it offers nothing else): under the passphrase, below the field that came
        # between, it was not read with the control (issue 15, break test of session 24).
        self.partner_notes: dict[QWidget, FieldNote] = {
            w: FieldNote(w) for w in (self.partner, self.folder_button)
        }
        for note in self.partner_notes.values():
            form.addRow("", note)
        form.addRow("Partner's &passphrase", self.passphrase)
        box.addWidget(
            label("Your partner chooses their journal and types their own passphrase.", "subtle")
        )
        box.addLayout(form)
        self.kept_note = Message("Kept for you", style="notice")
        box.addWidget(self.kept_note)
        box.addWidget(self.problem)
        box.addWidget(self.busy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        box.addLayout(row)
        column.addWidget(card)
        # Enter in any of its fields opens Together, as the button drawn as the default
        # promises (and says what is missing first).
        enter_presses_main(self.open_button, card)

        card, box = _card("One journal kept by both of you")
        # Said when it changes (the writers named or renamed), in its own words.
        self.writers_text = Message("Who keeps this journal", hide_empty=False)
        self.first_writer = QLineEdit()
        self.first_writer.setAccessibleName("First writer's name")
        self.first_writer.setPlaceholderText("Such as Sam")
        self.second_writer = QLineEdit()
        self.second_writer.setAccessibleName("Second writer's name")
        self.second_writer.setPlaceholderText("Such as Alex")
        self.name_button = QPushButton("Name the &writers")
        self.one_journal_button = QPushButton("Open Together on &this journal")
        self.writers_problem = Message("Problem naming the writers", "error")
        self.writers_problem.hide()
        # Labelled beside each field, not by its placeholder alone, which goes as a name
        # is typed (issue 15, break test of session 23, finding 3).
        writers = wrapping_form()
        writers.addRow("First wr&iter", self.first_writer)
        writers.addRow("Se&cond writer", self.second_writer)
        box.addWidget(self.writers_text)
        box.addLayout(writers)
        box.addWidget(self.writers_problem)
        naming = QHBoxLayout()
        naming.addStretch(1)
        naming.addWidget(self.name_button)
        box.addLayout(naming)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.one_journal_button)
        box.addLayout(row)
        column.addWidget(card)
        enter_presses_main(self.name_button, card)  # Enter in a writer's name names them

        card, box = _card("What you share")
        self.shared_button = QPushButton("See what I &share")
        self.recovery = QCheckBox(RECOVERY_SWITCH)
        self.recovery.setAccessibleName("Share a summary of my recovery")
        self.prompts_button = QPushButton("&Answer couple prompts privately")
        box.addWidget(
            describes(
                label(
                    "Every entry is private unless you share it, with the switch beside it "
                    "in the Journal.",
                    "subtle",
                ),
                self.shared_button,
            )
        )
        box.addWidget(flow_row(self.shared_button, self.prompts_button))
        box.addWidget(self.recovery)
        box.addWidget(describes(label(RECOVERY_MEANS, "subtle"), self.recovery))
        # What Together shows and what leaving it does, read with each way to open it.
        describes(intro, self.open_button, self.one_journal_button)
        column.addWidget(card)
        column.addStretch(1)
        self.setWidget(inner)

        self.partner.currentIndexChanged.connect(self._partner_changed)
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(self._open)
        self.passphrase.textChanged.connect(lambda: self.problem.hide())
        self.name_button.clicked.connect(
            lambda: self.writers_named.emit(self.first_writer.text(), self.second_writer.text())
        )
        self.one_journal_button.clicked.connect(self.open_one_journal)
        # A name typed answers "Please give both of you a name…": the message goes, as
        # the passphrase's does (it stayed beside two filled names, break test 15 of
        # session 12, finding 11k).
        for writer in (self.first_writer, self.second_writer):
            writer.textEdited.connect(lambda _text: self.writers_problem.hide())
        self.my_name.editingFinished.connect(lambda: self.name_changed.emit(self.my_name.text()))
        self.recovery.toggled.connect(self.share_recovery)
        self.shared_button.clicked.connect(self.show_shared)
        self.prompts_button.clicked.connect(self.show_prompts)

    # filling in ---------------------------------------------------------------------------
    def set_journals(self, journals: Sequence[JournalInfo]) -> None:
        """The other journals on this computer (the owner's own is left out by the caller)."""
        self.partner.blockSignals(True)
        self.partner.clear()
        for info in journals:
            if info.readable:
                self.partner.addItem(info.name, str(info.folder))
        self.partner.addItem(OTHER_FOLDER_TEXT, OTHER_FOLDER)
        self.partner.blockSignals(False)
        self._partner_changed()

    def set_writers(self, names: tuple[str, str] | None) -> None:
        if names is None:
            self.writers_text.setText(
                "If the two of you keep this one journal together, name its two writers. "
                "Each entry then records which of you wrote it, and Together opens on this "
                "journal alone."
            )
        else:
            first, second = isolated(names[0]), isolated(names[1])
            self.writers_text.setText(f"This journal is kept by {first} and {second}.")
            self.first_writer.setText(names[0])
            self.second_writer.setText(names[1])
        self.name_button.setText("Name the &writers" if names is None else "Change the &names")
        self.one_journal_button.setEnabled(names is not None)
        self.writers_problem.hide()

    def show_writers_problem(self, text: str) -> None:
        """Show (and announce, even when the same words come again) ``text``."""
        self.writers_problem.refuse(text)
        self.writers_problem.setVisible(bool(text))

    def refuse_names(self, text: str) -> None:
        """The writers' names were refused (``text`` says why): said under them, and the
        focus goes to the first name left empty, else the first (issue 15, break test of
        session 23, finding 2: it stayed on the sidebar, a whole page of Tabs away)."""
        self.show_writers_problem(text)
        empty = [w for w in (self.first_writer, self.second_writer) if not w.text().strip()]
        (empty or [self.first_writer])[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse_my_name(self, text: str) -> None:
        """Say ``text`` (why "Your name" cannot be used as it is) under the name, which
        takes the focus."""
        self.problem.hide()
        self.name_problem.refuse(text)  # shown with its words (a `Message` hides empty)
        self.my_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _partner_changed(self) -> None:
        other = self.partner.currentData() == OTHER_FOLDER
        self.folder.setText(str(self._other) if other and self._other else "")
        self.folder.setVisible(other)
        self.problem.hide()
        for note in self.partner_notes.values():
            note.hide_note()

    @property
    def partner_problem(self) -> str:
        """What is said under the partner's journal chosen ("" when nothing)."""
        return next((n.text() for n in self.partner_notes.values() if n.text()), "")

    def _refuse_partner(self, text: str, control: QWidget) -> None:
        """Say ``text`` under the partner's choice, told to ``control`` (the partner's
        list or "Choose a folder…"), which takes the focus."""
        self.problem.hide()
        for field, note in self.partner_notes.items():
            if field is not control:
                note.hide_note()
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        self.partner_notes[control].say(text)

    def choose_folder(self) -> None:
        chosen = existing_folder(self, Place.PARTNER, "Choose the folder of your partner's journal")
        if chosen is not None:
            self.set_other_folder(chosen)

    def set_other_folder(self, folder: Path) -> None:
        """A folder picked for the partner's journal; it is checked at once
        (`folder_chosen`), before anyone types a passphrase."""
        self._other = folder
        self.partner.setCurrentIndex(self.partner.findData(OTHER_FOLDER))
        self._partner_changed()
        self.folder_chosen.emit(folder)

    def refuse_folder(self, text: str) -> None:
        """The picked folder cannot be the partner's journal: say why, by the picker."""
        self._other = None
        self._partner_changed()
        self._refuse_partner(text, self.folder_button)

    def chosen_folder(self) -> Path | None:
        data = self.partner.currentData()
        if data == OTHER_FOLDER:
            return self._other
        return Path(data) if data else None

    def _open(self) -> None:
        # The note under "Your name" stays while the name is changed: gone at the first
        # key, it moved the fields below under the pointer, and a click meant for the
        # partner's passphrase put it in plain sight in another field (re-test 40, 3).
        self.name_problem.hide()
        folder = self.chosen_folder()
        if folder is None:  # the focus goes where she chooses it (finding 2, as above)
            other_only = self.partner.currentData() == OTHER_FOLDER and self.partner.count() == 1
            self._refuse_partner(
                NO_PARTNER_CHOSEN, self.folder_button if other_only else self.partner
            )
            return
        if not self.passphrase.text():
            self.show_problem("Your partner types their passphrase here first.")
            self.passphrase.setFocus()
            return
        self.open_requested.emit(folder, self.passphrase.text())

    def show_problem(self, text: str) -> None:
        """Show (and announce, even when the same words come again) ``text``."""
        self.problem.refuse(text)

    def set_busy(self, busy: bool) -> None:
        """While the partner's passphrase is checked nothing on the page takes input, and
        the focus stays on the passphrase field (see `hold_input`)."""
        self.busy.setVisible(busy)
        hold_input(self._inner, busy, self.passphrase)

    def clear(self) -> None:
        self.passphrase.clear()
        self.problem.hide()
        self.name_problem.hide()
        for note in self.partner_notes.values():
            note.hide_note()
        empty(self.my_name)
        empty(self.first_writer)
        empty(self.second_writer)
        self.partner.clear()
        self._other = None
        self.recovery.blockSignals(True)
        self.recovery.setChecked(False)
        self.recovery.blockSignals(False)
        self.set_busy(False)

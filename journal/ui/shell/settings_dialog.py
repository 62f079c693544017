"""Preferences (stored with QSettings) and the key actions for the open journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.body.emergency import (
    EMERGENCY_CHOICES,
    MOST_DIGITS,
    number_problem,
    typed_emergency_number,
)
from journal.settings import (
    EMERGENCY_NUMBER,
    FONT_SCALE,
    IDLE_LOCK_MINUTES,
    LOCK_ON_SCREEN_LOCK,
    TEMPERATURE_UNIT,
    THEME,
    Settings,
    Theme,
)
from journal.ui.common.accessibility import Message, describes
from journal.ui.common.edit_dialog import EditDialog
from journal.ui.common.field_notes import FieldNote
from journal.ui.common.fit import dialog_layout
from journal.ui.common.flow import FlowLayout
from journal.ui.common.length_limit import limit_length
from journal.ui.common.number_field import NumberField
from journal.ui.common.widgets import label, wrapping_form
from journal.ui.lock.security_dialogs import SecurityAction

COPIES_ELSEWHERE = (
    "Changing the passphrase or recovery key updates this journal and the snapshots "
    "Solace keeps. Copies made elsewhere before the change, such as a backup on a USB "
    "drive or a synced folder, still open with the old passphrase and recovery key, "
    "and their key file still fits this journal. \u201cRotate encryption key\u201d "
    "retires them: the journal is re-encrypted under a new key that no old copy holds "
    "(an old copy still shows what it held when it was made)."
)

NO_RECOVERY_KEY = (
    "This journal has no working recovery key now. Make one with \u201cNew recovery "
    "key\u2026\u201d and keep it somewhere safe: if the passphrase is forgotten, "
    "nothing else opens the journal."
)

BODY_LOG_NOTE = (
    "Stored in this journal only. Turning it off hides the body log; nothing you logged is deleted."
)


#: Said (and shown in the status bar) once Settings closes with Save and the focus is
#: back in the window: Save was silent (issue 15 break test).
SETTINGS_SAVED = "Settings saved."


#: The emergency number's last choice, which shows a field to type any number in.
ANOTHER_NUMBER = "another"


class _NumberText(QValidator):
    """Any text in the field of a number of one's own, acceptable when it is a number to
    call (`number_problem`); what is wrong is said at Save."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        state = (
            QValidator.State.Intermediate if number_problem(text) else QValidator.State.Acceptable
        )
        return state, text, position


#: The key actions' buttons with an Alt letter each, as the backup buttons beside them
#: have (break test 43, F8 of the body log's tester); none is another's in the dialog.
_KEY_BUTTONS = {
    SecurityAction.CHANGE_PASSPHRASE: "Change &passphrase…",
    SecurityAction.NEW_RECOVERY_KEY: "New reco&very key…",
    SecurityAction.ROTATE_KEY: "R&otate encryption key…",
}


class SettingsDialog(EditDialog):
    """The preferences form; emits `security_action` with a `SecurityAction` when the
    person asks to change a credential."""

    security_action = Signal(object)
    body_log_chosen = Signal(bool)  # this journal keeps a body log, or not

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        keeps_body_log: bool | None = None,
    ) -> None:
        """``keeps_body_log`` is the open journal's choice (None while locked: the
        choice is then not offered, as it belongs to a journal, and neither are the
        passphrase and key actions, which need an open journal)."""
        super().__init__(parent)
        self._keeps_body_log = keeps_body_log
        self.while_locked = keeps_body_log is None
        self.setWindowTitle("Settings")
        self.settings = settings
        layout, footer = dialog_layout(self)

        form = wrapping_form()
        self.idle = NumberField()
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText("Never")
        self.idle.setSuffix(" min")
        self.idle.setAccessibleName("Lock when idle for this many minutes, 0 for never")
        self.idle.setValue(settings.get(IDLE_LOCK_MINUTES))
        form.addRow("&Lock when idle for", self.idle)
        self.screen_lock = QCheckBox("Lock when the screen locks or the computer sleeps")
        self.screen_lock.setChecked(bool(settings.get(LOCK_ON_SCREEN_LOCK)))
        form.addRow("", self.screen_lock)

        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for text, value in (
            ("Follow the system", Theme.SYSTEM),
            ("Light", Theme.LIGHT),
            ("Dark", Theme.DARK),
        ):
            self.theme.addItem(text, value.value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get(THEME))))
        form.addRow("&Theme", self.theme)

        self.font_scale = NumberField()
        self.font_scale.setRange(75, 250)
        self.font_scale.setSingleStep(10)
        self.font_scale.setSuffix(" %")
        self.font_scale.setAccessibleName("Text size in percent")
        self.font_scale.setValue(settings.get(FONT_SCALE))
        form.addRow("Text si&ze", self.font_scale)

        self.unit = QComboBox()
        self.unit.setAccessibleName("Temperature unit")
        self.unit.addItem("Celsius (°C)", "C")
        self.unit.addItem("Fahrenheit (°F)", "F")
        self.unit.setCurrentIndex(max(0, self.unit.findData(settings.get(TEMPERATURE_UNIT))))
        form.addRow("Te&mperature", self.unit)

        self.emergency = QComboBox()
        self.emergency.setAccessibleName("Emergency number")
        self.emergency.addItem("Based on where I am", "")
        for number in EMERGENCY_CHOICES:
            self.emergency.addItem(number, number)
        self.emergency.addItem("Another number\u2026", ANOTHER_NUMBER)
        # Any number can be named (break test 49, F8: Australia's 000 and New Zealand's
        # 111 could not be chosen), typed in a field that shows with that choice.
        self.own_number = QLineEdit()
        # A line break pasted stays, so that two numbers are not kept as one (re-test
        # 50, N3): with a validator of its own, the app's one-line rule leaves it.
        self.own_number.setValidator(_NumberText(self.own_number))
        self.own_number.setAccessibleName("Emergency number to call")
        self.own_number.setPlaceholderText("Such as 000")
        self.own_number_label = QLabel("&Number to call")
        self.own_number_label.setBuddy(self.own_number)
        self.own_number_note = FieldNote(self.own_number)
        # Room for the digits and what groups them; a longer paste is refused in words
        # under the field (break test 50, F9: it was cut to fit with no word).
        limit_length(self.own_number, 2 * MOST_DIGITS + 2, note=self.own_number_note)
        self._own_number_kept = ""  # while another choice is shown (`_show_own_number`)
        stored = settings.get(EMERGENCY_NUMBER)
        chosen = self.emergency.findData(stored)
        if chosen < 0 and typed_emergency_number(stored):
            chosen = self.emergency.findData(ANOTHER_NUMBER)
            self.own_number.setText(stored)
        self.emergency.setCurrentIndex(max(0, chosen))
        self._show_own_number()
        self.emergency.currentIndexChanged.connect(self._show_own_number)
        form.addRow("&Emergency number", self.emergency)
        form.addRow(self.own_number_label, self.own_number)
        form.addRow("", self.own_number_note)
        self.body_log = QCheckBox("&Keep a body log in this journal")
        self.body_log.setChecked(bool(keeps_body_log))
        self.body_log.setAccessibleDescription(BODY_LOG_NOTE)
        self.body_log_note = label(BODY_LOG_NOTE, "subtle")
        if keeps_body_log is not None:
            form.addRow("", self.body_log)
            form.addRow("", self.body_log_note)
        layout.addLayout(form)

        if keeps_body_log is not None:
            layout.addWidget(self._security_group())
        self.sections = QVBoxLayout()  # sections a feature adds (Backups)
        layout.addLayout(self.sections)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        footer.addWidget(buttons)
        self.buttons = buttons

    def _show_own_number(self) -> None:
        """The field for a number of one's own shows while "Another number…" is chosen.
        Another choice empties it, and its refusal goes (a number left in it unseen made
        Escape ask about changes that showed nowhere: break test 50, F13); its number
        comes back with the choice (re-test 50, N6: passing over the other choices with
        the arrow keys lost it)."""
        another = self.emergency.currentData() == ANOTHER_NUMBER
        if another and not self.own_number.text():
            self.own_number.setText(self._own_number_kept)
        elif not another and self.own_number.text():
            self._own_number_kept = self.own_number.text()
            self.own_number.clear()
        self.own_number.setVisible(another)
        self.own_number_label.setVisible(another)
        if not another:
            self.own_number_note.hide_note()

    def add_section(self, section: QWidget) -> None:
        """Add a feature's section (Backups) below the others, before Save and Cancel in
        Tab order too: Qt orders Tab by creation, so a section made after the dialog
        came after its buttons, and a keyboard user met Save and Cancel mid-dialog."""
        self.sections.addWidget(section)
        stops = [
            widget
            for widget in section.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        buttons = [
            self.buttons.button(QDialogButtonBox.StandardButton.Save),
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        if stops:
            for first, second in zip([stops[-1], *buttons], buttons, strict=False):
                QWidget.setTabOrder(first, second)

    def _security_group(self) -> QGroupBox:
        """The passphrase and key actions (only for an open journal)."""
        security = QGroupBox("Passphrase and keys")
        box = QVBoxLayout(security)
        box.addWidget(label("These need your passphrase and take a moment.", "subtle"))
        copies = label(COPIES_ELSEWHERE, "subtle")
        box.addWidget(copies)
        # Said while the journal holds no recovery key (one closed without being
        # confirmed stops working): break test 14 of session 9, finding 2.
        self.recovery_note = Message("Recovery key", "error")
        box.addWidget(self.recovery_note)
        row = FlowLayout()  # the three buttons wrap at large text on a small screen
        for action in SecurityAction:
            button = QPushButton(_KEY_BUTTONS[action])
            button.clicked.connect(lambda _=False, a=action: self._security(a))
            describes(copies, button)  # what a change does to copies made elsewhere
            row.addWidget(button)
        box.addLayout(row)
        return security

    def show_recovery_key(self, held: bool) -> None:
        """Say beside the key actions that the journal has no working recovery key
        (``held`` False), or nothing (True); announced when it appears."""
        self.recovery_note.setText("" if held else NO_RECOVERY_KEY)

    def _security(self, action: SecurityAction) -> None:
        self.security_action.emit(action)

    def accept(self) -> None:
        """Save the choices and close, unless a number typed was not kept: then its
        words are said again at its field (break test 44, F1: "999" in "Lock when idle
        for" showed 99, and Save kept 99)."""
        if self.idle.refuse_save() or self.font_scale.refuse_save():
            return
        emergency = str(self.emergency.currentData())
        if emergency == ANOTHER_NUMBER:
            problem = number_problem(self.own_number.text())
            if problem:  # said as what is wrong (break test 50, F7 and F9)
                self.own_number.setFocus(Qt.FocusReason.OtherFocusReason)
                self.own_number_note.say(problem)
                return
            emergency = typed_emergency_number(self.own_number.text()) or ""
        s = self.settings
        with s.together():  # the theme and the text size restyle the app once
            s.set(IDLE_LOCK_MINUTES, self.idle.value())
            s.set(LOCK_ON_SCREEN_LOCK, int(self.screen_lock.isChecked()))
            s.set(THEME, str(self.theme.currentData()))
            s.set(FONT_SCALE, self.font_scale.value())
            s.set(TEMPERATURE_UNIT, str(self.unit.currentData()))
            s.set(EMERGENCY_NUMBER, emergency)
        if self._keeps_body_log is not None and self.body_log.isChecked() != self._keeps_body_log:
            self.body_log_chosen.emit(self.body_log.isChecked())
        super().accept()

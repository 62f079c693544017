"""Recovery details: the day of the loss, what kind it was, treatment, and the days
the bleeding stopped and the first period came.

Each day is a date field typed as the person's locale writes days, with its own
"Not noted" box beside it; a field with nothing noted opens at a sensible day
(today, or the day of the loss for the days after it), never at a placeholder.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment, validate_recovery
from journal.ui.body.fields import DayField, combo
from journal.ui.common.accessibility import Message
from journal.ui.common.day_picker import no_days_ahead
from journal.ui.common.edit_dialog import EditDialog
from journal.ui.common.field_notes import FieldNotes
from journal.ui.common.fit import dialog_layout
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import say_day, today_local
from journal.ui.common.widgets import label, wrapping_form


def saved_words(details: RecoveryDetails) -> str:
    """What is said once ``details`` are saved, naming what was stored, each day or
    "not noted": "Recovery details saved. Day of the loss: Monday 23 November 2026.
    Kind: Missed miscarriage. Treatment: No treatment. Bleeding stopped on: not noted.
    First period after: not noted." (break test 15 of session 15, finding 2: saving
    said nothing, and she could not tell what was stored without Tabbing through the
    timeline; as "Appointment saved: …" does).
    """

    def day(value: date | None) -> str:
        return say_day(value) if value is not None else "not noted"

    treatment = details.treatment.label
    if details.treatment_note:
        treatment += f" ({details.treatment_note})"
    return (
        f"Recovery details saved. Day of the loss: {day(details.loss_date)}. "
        f"Kind: {details.loss_kind.label}. Treatment: {treatment}. "
        f"Bleeding stopped on: {day(details.bleeding_stopped_on)}. "
        f"First period after: {day(details.first_period_on)}."
    )


class RecoveryDialog(EditDialog):
    """Change the recovery details: the day of the loss, what kind of loss, the treatment,
    the day the bleeding stopped, the first period after, and notes; `details()` gives them."""

    def __init__(self, details: RecoveryDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery details")
        today = today_local()
        after_loss = details.loss_date or today
        self.loss_date = DayField("Day of the loss", details.loss_date, today)
        self.kind = combo("What kind of loss", [(kind.label, kind) for kind in LossKind])
        self.kind.setCurrentIndex(self.kind.findData(details.loss_kind))
        self.treatment = combo("Treatment", [(t.label, t) for t in Treatment])
        self.treatment.setCurrentIndex(self.treatment.findData(details.treatment))
        self.treatment_note = QLineEdit(details.treatment_note)
        self.treatment_note.setAccessibleName("About the treatment")
        limit_length(self.treatment_note, 300)
        self.stopped = DayField("Day the bleeding stopped", details.bleeding_stopped_on, after_loss)
        self.first_period = DayField(
            "Day of the first period after", details.first_period_on, today
        )
        for day in (self.loss_date, self.stopped, self.first_period):
            no_days_ahead(day.edit)  # each a day that has come: no later one is offered
        self.notes = FieldNotes()

        form = wrapping_form()
        form.addRow("Day of the &loss", self.loss_date)
        self._note(form, "loss_date", self.loss_date)
        form.addRow("&Kind", self.kind)
        form.addRow("&Treatment", self.treatment)
        form.addRow("&About the treatment", self.treatment_note)
        form.addRow("Bleeding &stopped on", self.stopped)
        self._note(form, "bleeding_stopped_on", self.stopped)
        form.addRow("&First period after", self.first_period)
        self._note(form, "first_period_on", self.first_period)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout, footer = dialog_layout(self)
        layout.addWidget(
            label(
                "Note only what you want to. Any day can stay “Not noted”: tick the box "
                "beside it. Type a day as you usually write dates, or pick it from the "
                "calendar.",
                "subtle",
            )
        )
        layout.addLayout(form)
        # Why the last Save was refused (a full disk, a damaged file), said here
        # with everything typed still in place (`BodyArea` opens it again).
        self.problem = Message("Not saved", "error")
        layout.addWidget(self.problem)
        footer.addWidget(buttons)
        # The dialog opens on its first field: the day of the loss, or its "Not noted"
        # box while none is noted (`DayField`: an unused day is not where focus starts).
        self.loss_date.setFocus()

    def _note(self, form: QFormLayout, key: str, day: DayField) -> None:
        """The note under ``day``'s row, taking no room until it says something: a day
        refused as it is left shows there once that moves nothing in use
        (`FieldNote.reveal`; issue 10)."""
        self.notes.add(form, key, day.edit)

    def details(self) -> RecoveryDetails:
        return RecoveryDetails(
            loss_date=self.loss_date.value(),
            loss_kind=self.kind.currentData(),
            treatment=self.treatment.currentData(),
            treatment_note=self.treatment_note.text().strip(),
            bleeding_stopped_on=self.stopped.value(),
            first_period_on=self.first_period.value(),
        )

    def accept(self) -> None:
        """Save: refused while a day shows as typed and refused (`FieldNotes.refuse_kept`:
        never the last good day in its place, issue 10) or the days do not agree
        (`validate_recovery`), said under the field, with the focus on it."""
        if self.notes.refuse_kept():
            return
        problems = validate_recovery(self.details(), today_local())
        if problems:
            self.notes.show(problems[0].field, problems[0].message)
            return
        self.notes.clear()
        super().accept()

    def problem_text(self) -> str:
        """The note on screen now, or an empty string."""
        shown = self.notes.shown()
        return "" if shown is None else self.notes.note(shown).text()

    def show_problem(self, text: str) -> None:
        """Say ``text`` (why the last Save was refused, in Solace's words) in the
        window, above its buttons."""
        self.problem.refuse(text)

"""A follow-up appointment and the questions to ask there; a new one, or one to change."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from journal.domain.body.log import Appointment
from journal.domain.common.local_time import local_zone_name
from journal.domain.common.words import as_written
from journal.ui.common.accessibility import Message, describes
from journal.ui.common.dates import second_time_row, time_edit
from journal.ui.common.edit_dialog import EditDialog
from journal.ui.common.exact_copy import TypedTextField
from journal.ui.common.field_notes import refused_on_save
from journal.ui.common.fit import dialog_layout
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import from_qdatetime, now_utc, other_clock, show_moment
from journal.ui.common.widgets import label, qt_text, typed_text, wrapping_form


def zone_words(clock: str) -> str:
    """What the dialog changing an appointment set elsewhere says of its time field: it
    reads ``clock`` (`other_clock`: "CET (Europe/Berlin)"), not this computer's."""
    return (
        f"The time here is the clock where this appointment was set, {clock}, not this computer's."
    )


class AppointmentDialog(EditDialog):
    """Add or change an appointment: its day and time, place and note; `appointment()` gives
    the result (its time in UTC)."""

    def __init__(
        self, parent: QWidget | None = None, appointment: Appointment | None = None
    ) -> None:
        super().__init__(parent)
        self._id = str(uuid.uuid4()) if appointment is None else appointment.id
        # Set where the person is now; a changed one keeps the zone it was set in, and its
        # time is shown and read there (as a body log's is).
        self._zone = local_zone_name() if appointment is None else appointment.zone
        self.setWindowTitle("Appointment" if appointment is None else "Change the appointment")
        self.when = time_edit("When: day and time of the appointment")
        show_moment(self.when, now_utc() if appointment is None else appointment.when, self._zone)
        self.place = QLineEdit()
        self.place.setAccessibleName("Where, or with whom")
        limit_length(self.place, 200)
        self.questions = TypedTextField()
        self.questions.setAccessibleName("Questions to ask")
        self.questions.setPlaceholderText("For example: Is the bleeding I have had usual?")
        form = wrapping_form()
        form.addRow("&When", self.when)
        form.addRow("", self.when.note)  # a moment refused or moved is said right under it
        second_time_row(form, self.when)
        # A skipped or repeated wall time, told as the field is left: shown once that
        # moves nothing in use (`FieldNote.reveal`).
        self.when.told.connect(lambda words: self.when.note.say(words, waits=True, refused=False))
        form.addRow("Wh&ere or with whom", self.place)
        form.addRow("&Questions to ask", self.questions)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout, footer = dialog_layout(self)
        layout.addWidget(label("The questions are added to the summary for the doctor.", "subtle"))
        clock = "" if appointment is None else other_clock(appointment.when, appointment.zone)
        if clock:  # its time is shown and typed as the clock read where it was set
            layout.addWidget(describes(label(zone_words(clock), "subtle"), self.when))
        layout.addLayout(form)
        # Why the last Save was refused (a full disk, a damaged file), said here
        # with everything typed still in place (`BodyArea` opens it again).
        self.problem = Message("Not saved", "error")
        layout.addWidget(self.problem)
        footer.addWidget(buttons)
        if appointment is not None:
            self.place.setText(appointment.place)
            self.questions.setPlainText(qt_text(appointment.questions))

    def appointment(self) -> Appointment:
        """The appointment as typed: its time read in its zone, as aware UTC."""
        return Appointment(
            id=self._id,
            when=from_qdatetime(self.when.dateTime(), self._zone),
            place=self.place.text().strip(),
            questions=as_written(typed_text(self.questions)),
            zone=self._zone,
        )

    def accept(self) -> None:
        """Save: refused while "When" shows a moment typed and refused (`refused_on_save`:
        never the last good moment in its place, issue 10)."""
        if refused_on_save(self.when):
            return
        super().accept()

    def show_problem(self, text: str) -> None:
        """Say ``text`` (why the last Save was refused, in Solace's words) in the
        window, above its buttons."""
        self.problem.refuse(text)

"""The recovery timeline: days since the loss, bleeding so far, milestones, history.

Milestones are general information with a link to their article, never an
instruction or a countdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain.body.log import Appointment
from journal.domain.body.recovery import Milestone, RecoveryTimeline
from journal.domain.body.warning_signs import rules_by_id
from journal.domain.common.words import count
from journal.domain.library.links import article_url
from journal.storage.body.repository import SignRecord
from journal.ui.common.accessibility import announce, readable, scroll_only
from journal.ui.common.flow import flow_row
from journal.ui.common.local_time import say_day, say_moment, short_moment
from journal.ui.common.tab_chain import chain_after
from journal.ui.common.widgets import label


def _days(n: int) -> str:
    return count(n, "day", "days")


def _milestone_card(
    milestone: Milestone, recorded: date | None, link: SignalInstance
) -> tuple[QFrame, tuple[QWidget, ...]]:
    """A milestone's card, and its Tab stops (its words, its "More about…") in order."""
    card = QFrame()
    card.setObjectName("card")
    card.setAccessibleName(milestone.title)
    layout = QVBoxLayout(card)
    layout.addWidget(label(milestone.title, "title"))
    about = f"{milestone.title}, general information from the library"
    noted = f" You noted this on {say_day(recorded)}." if recorded is not None else ""
    words = readable(label(milestone.text), about + (f".{noted}" if noted else ""))
    layout.addWidget(words)
    if recorded is not None:
        layout.addWidget(label(noted.strip(), "subtle"))
    more = QPushButton(f"More about {milestone.title.lower()}")
    more.setProperty("flat", True)
    more.setAccessibleName(f"More about {milestone.title.lower()} in the library")
    url = article_url(milestone.article, milestone.article_section)
    more.clicked.connect(lambda: link.emit(url))
    row = QHBoxLayout()
    row.addWidget(more)
    row.addStretch(1)
    layout.addLayout(row)
    return card, (words, more)


class TimelineView(QScrollArea):
    """The recovery timeline: the days since the loss, what was logged, appointments and the
    guidance's milestones; its signals ask the area to open an article, change the details
    or an appointment."""

    link = Signal(str)
    edit_details = Signal()
    add_appointment = Signal()
    change_appointment = Signal(object)  # Appointment
    remove_appointment = Signal(object)  # Appointment
    confirm_stopped = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Recovery timeline")
        # Not a Tab stop that says only its name (break test 15 of session 7, 14h):
        # each text in it is one, read in its own words; focusing it scrolls it in view.
        scroll_only(self)
        self._suggested: date | None = None
        self.summary = readable(label(""), "Your recovery")
        self.bleeding = readable(label(""), "Bleeding so far")
        self.suggestion = readable(label("", "notice"), "From your log")
        self.confirm_button = QPushButton("Yes, &note that day")  # Y: "Summar&y for the doctor…"
        self.details_button = QPushButton("Recovery &details…")
        self.appointment_button = QPushButton("Add an a&ppointment…")
        self.appointments = readable(label("", "subtle"), "Appointments and questions")
        self._appointments: list[Appointment] = []
        self.appointment_choice = QComboBox()
        self.appointment_choice.setAccessibleName("Appointment to change or remove")
        # Long places must not widen the page: the box shrinks and elides instead.
        self.appointment_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.appointment_choice.setMinimumContentsLength(16)
        # Its label, shown and set as its buddy: the label relation is what a screen
        # reader hears the box by on Linux, where Qt gives a combo box's current text
        # as its name ("Wed 30 Dec 2026, 01:40, combo box": break test 15 of session
        # 15, finding 4); every other combo box has one through its form or caption.
        self.appointment_label = label("Appointment to change or remove:")
        self.appointment_label.setBuddy(self.appointment_choice)
        self.appointment_choice.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        self.change_button = QPushButton("Change the appoin&tment…")
        self.remove_button = QPushButton("Re&move the appointment…")
        self.history = readable(label("", "subtle"), "Warning signs so far")

        page = QWidget()
        self._layout = QVBoxLayout(page)
        self._layout.addWidget(label("Your recovery", "heading"))
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.bleeding)
        self._layout.addWidget(self.suggestion)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addStretch(1)
        self._layout.addLayout(confirm_row)
        # Rows of buttons wrap (`flow_row`): side by side at 200 % text they made the
        # whole Body log page scroll sideways (break test 10 of session 17, finding 12).
        self._layout.addWidget(flow_row(self.details_button, self.appointment_button))
        self._layout.addWidget(label("What often happens", "heading"))
        self._layout.addWidget(
            label(
                "General information from the library. Every body has its own pace, and "
                "your own doctor's advice comes first.",
                "subtle",
            )
        )
        self._milestones = QVBoxLayout()
        self._layout.addLayout(self._milestones)
        self._layout.addWidget(label("Appointments", "heading"))
        self._layout.addWidget(self.appointments)
        self._layout.addWidget(self.appointment_label)
        self.appointment_row = flow_row(
            self.appointment_choice, self.change_button, self.remove_button
        )
        self._layout.addWidget(self.appointment_row)
        self._layout.addWidget(label("Warning signs so far", "heading"))
        self._layout.addWidget(self.history)
        self._layout.addStretch(1)
        self.setWidget(page)

        self.confirm_button.clicked.connect(self._confirm)
        self.details_button.clicked.connect(self.edit_details)
        self.appointment_button.clicked.connect(self.add_appointment)
        self.change_button.clicked.connect(lambda: self._chosen(self.change_appointment))
        self.remove_button.clicked.connect(lambda: self._chosen(self.remove_appointment))
        self.clear()

    def _confirm(self) -> None:
        if self._suggested is not None:
            self.confirm_stopped.emit(self._suggested)

    def _chosen(self, signal: SignalInstance) -> None:
        row = self.appointment_choice.currentIndex()
        if 0 <= row < len(self._appointments):
            signal.emit(self._appointments[row])

    def _show_appointments(self, appointments: Sequence[Appointment]) -> None:
        chosen = self.appointment_choice.currentData()
        self._appointments = list(appointments)
        self.appointment_choice.clear()
        for appointment in appointments:
            place = f", {appointment.place}" if appointment.place else ""
            self.appointment_choice.addItem(
                f"{short_moment(appointment.when, appointment.zone)}{place}", appointment.id
            )
        found = self.appointment_choice.findData(chosen)
        self.appointment_choice.setCurrentIndex(max(found, 0))
        self.appointment_row.setVisible(bool(appointments))
        self.appointment_choice.setVisible(len(appointments) > 1)
        self.appointment_label.setVisible(len(appointments) > 1)

    def show_saved(self, appointment: Appointment) -> None:
        """After "Add an appointment…" or "Change the appointment…" was saved: focus on
        the appointment saved (its entry in the choice, or "Change the appointment…"
        when it is the only one) and say so politely (break test 14 of issue 15,
        finding 11: it was saved without a word, focus back where the key was pressed)."""
        found = self.appointment_choice.findData(appointment.id)
        if found >= 0:
            self.appointment_choice.setCurrentIndex(found)
        target = (
            self.appointment_choice
            if self.appointment_choice.isVisibleTo(self)
            else self.change_button
        )
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        place = f", {appointment.place}" if appointment.place else ""
        said = f"Appointment saved: {say_moment(appointment.when, zone=appointment.zone)}{place}."
        announce(target, said, after_focus=True)

    def show_timeline(self, line: RecoveryTimeline, appointments: Sequence[Appointment]) -> None:
        recovery = line.recovery
        if line.days_since_loss is None or recovery.loss_date is None:
            self.summary.setText(
                "When you are ready, you can add the day of the loss in your recovery "
                "details, and the timeline will show where you are."
            )
        else:
            self.summary.setText(
                f"It has been {_days(line.days_since_loss)} since the loss, on "
                f"{say_day(recovery.loss_date)}."
            )
        text = f"Days with bleeding noted so far: {line.bleeding_days}."
        if recovery.bleeding_stopped_on is not None:
            text += (
                f" You noted that the bleeding stopped on {say_day(recovery.bleeding_stopped_on)}."
            )
        self.bleeding.setText(text)
        self._suggested = line.suggested_bleeding_stopped_on
        if self._suggested is not None:
            self.suggestion.setText(
                f"Your log shows no bleeding from {say_day(self._suggested)} on. If the "
                "bleeding stopped then, you can note that day."
            )
        self.suggestion.setVisible(self._suggested is not None)
        self.confirm_button.setVisible(self._suggested is not None)

        self._drop_milestones()
        stops: list[QWidget] = []
        for milestone in line.milestones:
            recorded = {
                "bleeding-settles": recovery.bleeding_stopped_on,
                "bleeding-after-procedure": recovery.bleeding_stopped_on,
                "first-period": recovery.first_period_on,
            }.get(milestone.id)
            card, card_stops = _milestone_card(milestone, recorded, self.link)
            self._milestones.addWidget(card)
            stops += card_stops
        # Built after the appointments and signs below them: Tab reaches them first.
        chain_after(self.appointment_button, stops)

        self.appointments.setText(
            "\n\n".join(
                f"{say_moment(a.when, zone=a.zone)}{', ' + a.place if a.place else ''}"
                + (f"\nQuestions: {a.questions}" if a.questions else "")
                for a in appointments
            )
            or "No appointments noted. You can add one, with the questions you want to ask."
        )
        self._show_appointments(appointments)

    def show_history(
        self, history: Sequence[SignRecord], current: Mapping[str, str | None]
    ) -> None:
        """Every sign raised so far; ``current`` holds the keys of the signs the log shows
        now, so the history says which ones the log no longer shows, after a change,
        each with the IANA zone of its log (None: the person's), in which its time is
        shown (a sign the log no longer shows, in the zone it was remembered with)."""
        rules = rules_by_id()
        self.history.setText(
            "\n".join(
                f"{rules[r.sign].title}: from your log of "
                f"{say_moment(r.evidence_at, zone=current.get(r.key, r.zone))}"
                + ("; seen" if r.seen_at is not None else "; not yet marked as seen")
                + ("" if r.key in current else "; your log no longer shows it")
                for r in history
            )
            or "None so far."
        )

    def clear(self) -> None:
        self._suggested = None
        for widget in (
            self.summary,
            self.bleeding,
            self.suggestion,
            self.appointments,
            self.history,
        ):
            widget.setText("")
        self.suggestion.hide()
        self.confirm_button.hide()
        self._appointments = []
        self.appointment_choice.clear()
        self.appointment_row.hide()
        self.appointment_label.hide()
        self._drop_milestones()

    def _drop_milestones(self) -> None:
        while self._milestones.count():
            item = self._milestones.takeAt(0)
            card = item.widget() if item is not None else None
            if card is not None:
                card.hide()  # not drawn, out of the layout, until it is deleted
                card.deleteLater()

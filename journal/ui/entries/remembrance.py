"""Remembrance dates, only if the person chooses: the loss, the due date, a name.

Around those days the app can say one gentle line, or stay quiet. "On this day"
looking back is off by default and, when on, can skip chosen dates.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from journal.domain.entries.remembrance import RemembranceDate, RemembranceKind, RemembrancePrefs
from journal.storage.entries.remembrance import RemembranceStore
from journal.ui.common.accessibility import Message, describes, say_instead
from journal.ui.common.dates import date_edit
from journal.ui.common.edit_dialog import Discard, EditDialog
from journal.ui.common.field_notes import refused_on_save
from journal.ui.common.fit import dialog_layout
from journal.ui.common.flow import flow_row
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import from_qdate, to_qdate, today_local
from journal.ui.common.widgets import label, wrapping_form

LOSS_DAY_FROM = "The day noted in your recovery details (Body log). Change it here if you like."
NO_DAY_YET = "No day chosen yet: type the day of the loss, or pick it from the calendar."
NO_DAY = "No day chosen yet"
CHOOSE_THE_DAY = "Please type or pick the day of the loss first; no day is chosen yet."

KIND_WORDS = {
    RemembranceKind.LOSS_DATE: "The day of the loss",
    RemembranceKind.DUE_DATE: "The due date",
    RemembranceKind.NAME_DAY: "A name, or a day for it",
    RemembranceKind.OTHER: "Another date",
}


def describe(remembered: RemembranceDate) -> str:
    """A remembrance date in words: its kind, the day ("01 December 2026"), its label, and
    "(kept quietly)" when Solace should not mention it on the day."""
    words = f"{KIND_WORDS[remembered.kind]}: {remembered.day:%d %B %Y}"
    if remembered.label:
        words += f", {remembered.label}"
    return words + ("" if remembered.acknowledge else " (kept quietly)")


NOT_KEPT = Discard(
    "Close without keeping this date?",
    "The date you were adding has not been kept. To keep it, choose Keep this date first.",
    "&Close without keeping",
    "&Go back",
)


class RemembranceDialog(EditDialog):
    """Keep, change and remove remembrance dates (the day of the loss, the due date,
    others), stored in the journal."""

    discard_words = NOT_KEPT

    def __init__(self, store: RemembranceStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Remembrance dates")
        self.store = store
        self.list = QListWidget()
        self.list.setAccessibleName("Dates you keep")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of date")
        for kind, words in KIND_WORDS.items():
            self.kind.addItem(words, kind)
        self.day = date_edit("Date")
        # "The day of the loss" opens at the day the recovery details hold, saying so;
        # with none, at no day, asking for one: it opened at today, which "Keep this
        # date" pressed unread recorded as her loss (break test 10 of session 17,
        # finding 14). Another kind opens at today.
        self._loss_day = store.loss_day_noted()
        self._day_chosen = False  # the person typed, stepped to or picked a day
        # Heard with the field as its description (not its label: the field is "Date").
        self.day_source = label("", "subtle")
        self.name = QLineEdit()
        self.name.setAccessibleName("A name or a few words (optional)")
        limit_length(self.name, 120)
        self.acknowledge = QCheckBox("Acknowledge this day gently when it comes round")
        self.add = QPushButton("&Keep this date")
        self.remove = QPushButton("&Remove the chosen date")
        self.acknowledge_days = QCheckBox("Say a gentle word on the days I keep")
        self.on_this_day = QCheckBox('Show "on this day" entries from earlier years')
        self.skip_today = QCheckBox("…but never on the dates I keep")
        self.status = Message("What just changed")  # "Kept: …", "Removed: …", said

        form = wrapping_form()
        form.addRow("K&ind", self.kind)
        form.addRow("&Date", self.day)
        form.addRow("", self.day_source)  # where the day shown came from, or none yet
        form.addRow("", self.day.note)  # a day refused is said right under it
        form.addRow("&Name or words", self.name)
        form.addRow("", self.acknowledge)
        buttons = flow_row(self.add, self.remove)  # wraps at large text
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        column, footer = dialog_layout(self, width_chars=60)
        kept = label(
            "Only if you want to. These dates stay in your encrypted journal, and "
            "Solace never counts down to them.",
            "subtle",
        )
        column.addWidget(describes(kept, self.list, self.add))
        column.addWidget(self.list)
        column.addLayout(form)
        column.addWidget(buttons)
        column.addWidget(self.status)
        column.addWidget(self.acknowledge_days)
        column.addWidget(self.on_this_day)
        column.addWidget(self.skip_today)
        footer.addWidget(close)

        self._open_day()
        self.kind.currentIndexChanged.connect(lambda _index: self._open_day())
        self.day.dateChanged.connect(lambda _day: self._chosen())
        self.day.taken.connect(self._chosen)  # typed whole, even the day it showed
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        # "Remove the chosen date" only once a date is chosen (it did nothing, silently).
        self.list.currentItemChanged.connect(lambda *_: self._follow_choice())
        # Close is Escape: a date typed and not kept is asked about (`unsaved`); the
        # choices below the list are kept as the dialog closes, either way.
        close.rejected.connect(self.reject)
        self.finished.connect(self._save_prefs)
        self.dates: list[RemembranceDate] = []
        self._load_dates()
        prefs = self.store.prefs()  # saved when the dialog closes
        self.acknowledge_days.setChecked(prefs.acknowledge_days)
        self.on_this_day.setChecked(prefs.on_this_day)
        self.skip_today.setChecked(bool(prefs.skip_on_this_day))

    def unsaved(self) -> bool:
        """Whether words are typed in "Name or words" for a date not kept yet: closing
        asks before they go (`EditDialog`); a date kept empties the field."""
        return bool(self.name.text().strip())

    def _load_dates(self) -> None:
        self.list.clear()
        self.dates = self.store.dates()
        for remembered in self.dates:
            item = QListWidgetItem(describe(remembered))
            item.setData(Qt.ItemDataRole.UserRole, remembered.id)
            self.list.addItem(item)
        # Empty, the list is no Tab stop: it was met as "Dates you keep, list" and then
        # silence (break test 15 of session 29, N15), as the library's empty results.
        policy = Qt.FocusPolicy.StrongFocus if self.dates else Qt.FocusPolicy.NoFocus
        self.list.setFocusPolicy(policy)
        self._follow_choice()

    def _follow_choice(self) -> None:
        self.remove.setEnabled(self.list.currentItem() is not None)

    def _open_day(self) -> None:
        """Show the day a kind opens at, unless the person has chosen one: the day of
        the loss noted in the recovery details (and where it came from), none yet for
        the day of the loss otherwise, today for the other kinds."""
        loss = self.kind.currentData() is RemembranceKind.LOSS_DATE
        if not self._day_chosen:
            with QSignalBlocker(self.day):  # the program's day is no choice
                self.day.setDate(to_qdate(self._loss_day or today_local()))
        if loss and self._loss_day is not None and not self._day_chosen:
            self.day_source.setText(LOSS_DAY_FROM)
        elif loss and not self._day_chosen:
            self.day_source.setText(NO_DAY_YET)
        else:
            self.day_source.setText("")
        self.day_source.setVisible(bool(self.day_source.text()))
        if not self.day.note.text():  # a refusal shown is the description meanwhile
            self.day.setAccessibleDescription(self.day_source.text())
        waiting = loss and self._loss_day is None and not self._day_chosen
        self.day.setStyleSheet("QDateEdit { color: palette(placeholder-text); }" if waiting else "")
        say_instead(self.day, NO_DAY if waiting else None)

    def _chosen(self) -> None:
        if not self._day_chosen:
            self._day_chosen = True
            self._open_day()

    def _needs_a_day(self) -> bool:
        """True, and the field asks for a day beside it, when "The day of the loss" is
        kept with no day chosen nor noted."""
        waiting = (
            self.kind.currentData() is RemembranceKind.LOSS_DATE
            and self._loss_day is None
            and not self._day_chosen
        )
        if waiting:
            self.day.setFocus()
            self.day.note.say(CHOOSE_THE_DAY)
        return waiting

    def _add(self) -> None:
        if refused_on_save(self.day) or self._needs_a_day():
            return
        remembered = RemembranceDate(
            id=str(uuid.uuid4()),
            kind=self.kind.currentData(),
            label=self.name.text(),
            day=from_qdate(self.day.date()),
            acknowledge=self.acknowledge.isChecked(),
        )
        self.store.save(remembered)
        self.name.setText("")
        self._load_dates()
        self.status.show_message(f"Kept: {describe(remembered)}.", repeat=True)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            words = item.text()
            # The focus leaves the button before it is turned off with nothing chosen:
            # to the dates left, or to the form to keep one.
            (self.list if self.list.count() > 1 else self.kind).setFocus()
            self.store.delete(str(item.data(Qt.ItemDataRole.UserRole)))
            self._load_dates()
            self.status.show_message(f"Removed: {words}.", repeat=True)

    def _save_prefs(self) -> None:
        skip = (
            frozenset((d.day.month, d.day.day) for d in self.dates)
            if self.skip_today.isChecked()
            else frozenset()
        )
        self.store.set_prefs(
            RemembrancePrefs(
                acknowledge_days=self.acknowledge_days.isChecked(),
                on_this_day=self.on_this_day.isChecked(),
                skip_on_this_day=skip,
            )
        )

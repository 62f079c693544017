"""Recovery details: the day of the loss, what kind it was, treatment, and the days
the bleeding stopped and the first period came. Any of them can stay "Not noted"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment, validate_recovery
from journal.ui.body.fields import combo, date_edit
from journal.ui.common.local_time import from_qdate, to_qdate, today_local
from journal.ui.common.widgets import label

NOT_NOTED = QDate(1900, 1, 1)


def _date_edit(name: str, value: date | None) -> QDateEdit:
    edit = date_edit(name)
    edit.setMinimumDate(NOT_NOTED)
    edit.setSpecialValueText("Not noted")
    edit.setDate(NOT_NOTED if value is None else to_qdate(value))
    return edit


def _value(edit: QDateEdit) -> date | None:
    return None if edit.date() == NOT_NOTED else from_qdate(edit.date())


class RecoveryDialog(QDialog):
    def __init__(self, details: RecoveryDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery details")
        self.loss_date = _date_edit("Day of the loss", details.loss_date)
        self.kind = combo("What kind of loss", [(kind.label, kind) for kind in LossKind])
        self.kind.setCurrentIndex(self.kind.findData(details.loss_kind))
        self.treatment = combo("Treatment", [(t.label, t) for t in Treatment])
        self.treatment.setCurrentIndex(self.treatment.findData(details.treatment))
        self.treatment_note = QLineEdit(details.treatment_note)
        self.treatment_note.setAccessibleName("About the treatment")
        self.treatment_note.setMaxLength(300)
        self.stopped = _date_edit("Day the bleeding stopped", details.bleeding_stopped_on)
        self.first_period = _date_edit("Day of the first period after", details.first_period_on)
        self.problem = label("", "error")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("Day of the &loss", self.loss_date)
        form.addRow("&Kind", self.kind)
        form.addRow("&Treatment", self.treatment)
        form.addRow("&About the treatment", self.treatment_note)
        form.addRow("Bleeding &stopped on", self.stopped)
        form.addRow("&First period after", self.first_period)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                "Note only what you want to. Any day can stay “Not noted”.",
                "subtle",
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def details(self) -> RecoveryDetails:
        return RecoveryDetails(
            loss_date=_value(self.loss_date),
            loss_kind=self.kind.currentData(),
            treatment=self.treatment.currentData(),
            treatment_note=self.treatment_note.text().strip(),
            bleeding_stopped_on=_value(self.stopped),
            first_period_on=_value(self.first_period),
        )

    def accept(self) -> None:
        problems = validate_recovery(self.details(), today_local())
        if problems:
            self.problem.setText(problems[0].message)
            self.problem.show()
            {"loss_date": self.loss_date, "bleeding_stopped_on": self.stopped}.get(
                problems[0].field, self.first_period
            ).setFocus()
            return
        super().accept()

"""One closeness idea: its description, yes / not yet / maybe, a note, and the days done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.library.closeness import IdeaMark, IdeaResponse
from journal.storage.library.repository import MAX_NOTE
from journal.ui.common.accessibility import announce, set_role
from journal.ui.common.dates import date_edit
from journal.ui.common.flow import FlowLayout, flow_row
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import to_qdate, today_local
from journal.ui.common.tab_chain import chain_after
from journal.ui.common.widgets import label
from journal.ui.library.document import day_text

__all__ = ["CHOSEN_STYLE", "IdeaCard"]

_RESPONSES = (IdeaResponse.YES, IdeaResponse.NOT_YET, IdeaResponse.MAYBE)
# The chosen answer reads clearly in both themes, and not by colour alone (radio buttons).
# Set once on whatever holds the cards (a style sheet per card costs about half a
# millisecond each time the cards are built, on every unlock).
CHOSEN_STYLE = "QRadioButton:checked { font-weight: 600; }"


class IdeaCard(QFrame):
    """Emits each change at once; the page stores it."""

    response_changed = Signal(str, object)  # idea id, IdeaResponse
    note_changed = Signal(str, str)
    note_shared_changed = Signal(str, bool)
    done_added = Signal(str, object)  # idea id, date
    done_removed = Signal(str, object)
    remove_requested = Signal(str)
    offered_changed = Signal(str, bool)

    def __init__(
        self,
        idea_id: str,
        title: str,
        description: str,
        mark: IdeaMark,
        *,
        own: bool = False,
        offered: bool = False,
        suggested_by: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.idea_id = idea_id
        self.title = title
        self._saved_note = mark.note
        heading = label(title, "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        if own:
            remove = QPushButton("Remove this idea")
            remove.setProperty("flat", True)
            # Its shown words first (said by voice control), then the idea's name.
            remove.setAccessibleName(f"Remove this idea: {title}")
            remove.clicked.connect(lambda: self.remove_requested.emit(self.idea_id))
            top.addWidget(remove)
        layout.addLayout(top)
        if suggested_by:
            layout.addWidget(label(f"Suggested by {suggested_by}", "subtle"))
        if description:
            layout.addWidget(label(description))
        self.offer: QCheckBox | None = None
        if own and not suggested_by:
            self.offer = QCheckBox("Suggest this idea to my partner")
            self.offer.setChecked(offered)
            self.offer.setAccessibleName(f"Suggest {title} to my partner")
            self.offer.setToolTip(
                "The next time you open Together, the idea (its name and description, "
                "never your answer or note) is added to your partner's ideas for them "
                "to answer privately."
            )
            self.offer.toggled.connect(lambda on: self.offered_changed.emit(self.idea_id, bool(on)))
            layout.addWidget(self.offer)

        # One exclusive choice: radio buttons in a named group, moved through with the
        # four arrow keys, the answer moved to chosen (`button_arrows`).
        self.answers = QButtonGroup(self)
        self.buttons: dict[IdeaResponse, QRadioButton] = {}
        for response in _RESPONSES:
            button = QRadioButton(response.label)
            button.setAccessibleName(f"{title}: {response.label}")
            self.answers.addButton(button)
            self.buttons[response] = button
            if mark.response is response:
                button.setChecked(True)
            button.toggled.connect(lambda on, r=response: self._answered(on, r))
        # In a row that wraps (`flow_row`), as every row of buttons (the census of
        # test_button_rows, once it saw the Library's ideas).
        self.answer_group = flow_row(label("Your answer:", wrap=False), *self.buttons.values())
        self.answer_group.setAccessibleName(f"Your answer about {title}")
        set_role(self.answer_group, QAccessible.Role.Grouping)
        layout.addWidget(self.answer_group)

        self.note = QLineEdit(mark.note)
        self.note.setPlaceholderText("A note, just for you unless you choose to show it (optional)")
        self.note.setAccessibleName(f"Note about {title}")
        limit_length(self.note, MAX_NOTE)
        self.note.editingFinished.connect(self.save_note)
        self.note.returnPressed.connect(self._note_entered)
        layout.addWidget(self.note)
        self.share_note = QCheckBox("Show this note in Together if we both say yes")
        self.share_note.setChecked(mark.note_shared)
        # Named by its words, then the idea (WCAG 2.5.3, label in name).
        self.share_note.setAccessibleName(f"{self.share_note.text()}: {title}")
        self.share_note.toggled.connect(
            lambda on: self.note_shared_changed.emit(self.idea_id, bool(on))
        )
        layout.addWidget(self.share_note)

        done = QHBoxLayout()
        self.day = date_edit(f"Day you did {title}")
        # Today by the app's one clock (`today_local`), as every other day field.
        today = to_qdate(today_local())
        self.day.setDate(today)
        self.day.setMaximumDate(today)
        self.done_button = QPushButton("We did this")
        self._chips: list[QPushButton] = []  # a button per day done (`set_days`)
        self.done_button.setAccessibleName(f"We did this: {title}")
        self.done_button.setAccessibleDescription("On the day chosen beside it")
        self.done_button.clicked.connect(self._add_day)
        done.addWidget(self.day)
        done.addWidget(self.done_button)
        done.addStretch(1)
        layout.addLayout(done)
        layout.addWidget(self.day.note)  # a day refused is said right under it
        # The days done, a chip each, in a row that wraps (`flow_row`): side by side,
        # a few days made the card wider than the Library's page at 200 % text (issue
        # 10, break test of session 18, finding 4: the census had no card with days).
        days = flow_row()
        row = days.layout()
        assert isinstance(row, FlowLayout)
        self.days_row = row
        layout.addWidget(days)
        self._days: tuple[dt.date, ...] = ()
        self.set_days(mark.done_on, said=False)

    def response(self) -> IdeaResponse | None:
        return next((r for r, b in self.buttons.items() if b.isChecked()), None)

    def save_note(self) -> None:
        text = self.note.text().strip()
        if text != self._saved_note:
            self._saved_note = text
            self.note_changed.emit(self.idea_id, text)

    def _note_entered(self) -> None:
        """Enter in the note keeps it (as leaving it does) and says so: the card has no
        button for the note, and Enter was silent."""
        self.save_note()
        if self._saved_note:
            said = f"Your note about {self.title} is kept."
        else:
            said = f"There is no note about {self.title}."
        announce(self.note, said)

    def set_days(self, days: tuple[dt.date, ...], *, said: bool = True) -> None:
        """Show ``days`` as chips, each a button that removes its day, right after "We
        did this" in the Tab order (they were reached after the last idea of the page),
        each named with its idea. With ``said``, the day added or removed is told
        politely, and a chip that had the focus gives it to "We did this" (issue 15,
        break test 15 of session 12, finding 6: the day recorded was not heard, and a
        chip said "Done on 1 December 2026" of no idea)."""
        before, self._days = self._days, tuple(days)
        focus_lost = False
        while self.days_row.count():
            item = self.days_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                focus_lost = focus_lost or widget.hasFocus()
                widget.hide()
                widget.deleteLater()
        self._chips = []
        for day in days:
            chip = QPushButton(f"{day_text(day)}  ×")
            chip.setProperty("flat", True)
            chip.setToolTip("Remove this day")
            chip.setAccessibleName(f"{self.title}, done on {day_text(day)}: remove this day")
            chip.clicked.connect(lambda _=False, d=day: self.done_removed.emit(self.idea_id, d))
            self.days_row.addWidget(chip)
            chip.show()  # at once (the layout shows it an event later): Tab reaches it
            self._chips.append(chip)
        chain_after(self.done_button, self._chips)
        if focus_lost:
            self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if not said:
            return
        for day in days:
            if day not in before:
                announce(self.done_button, f"Recorded: {self.title}, done on {day_text(day)}.")
        for day in before:
            if day not in days:
                announce(self.done_button, f"Removed: {self.title} on {day_text(day)}.")

    def last_stop(self) -> QWidget:
        """The card's last Tab stop: its last day's chip, else "We did this"."""
        return self._chips[-1] if self._chips else self.done_button

    def done_days(self) -> list[str]:
        return [
            w.text().removesuffix("  ×")
            for i in range(self.days_row.count())
            if (item := self.days_row.itemAt(i)) is not None
            and isinstance(w := item.widget(), QPushButton)
        ]

    def _answered(self, on: bool, response: IdeaResponse) -> None:
        if on:
            self.response_changed.emit(self.idea_id, response)

    def _add_day(self) -> None:
        refusal = self.day.range_refusal()  # a day typed past today is kept, and refused
        if refusal is not None:
            self.day.setFocus(Qt.FocusReason.OtherFocusReason)
            self.day.note.say(refusal)
            return
        day = self.day.date().toPython()
        assert isinstance(day, dt.date)
        if day in self._days:  # pressed again: nothing changes, and that is said
            announce(self.done_button, f"{self.title} is already recorded on {day_text(day)}.")
            return
        self.day.note.hide_note()  # the day is used: a refusal before it is done
        self.done_added.emit(self.idea_id, day)

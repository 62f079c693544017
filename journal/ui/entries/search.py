"""The search box and its filters: date range, mood, feeling, tag, shared or private.

Searching runs as the person types, after a very short pause (so a fast typist
does not queue a query per key); the query itself is LIMITed and cheap.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.entries.feelings import FEELINGS, Mood, normalise_feeling
from journal.domain.entries.tags import normalise_tag
from journal.storage.entries.search import SearchFilters
from journal.ui.common.accessibility import Message, named_clear_button
from journal.ui.common.dates import date_edit
from journal.ui.common.flow import flow_row
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import from_qdate, say_day, to_qdate, today_local
from journal.ui.entries.filters_button import FiltersButton

DEBOUNCE_MS = 40
ANY = "Any feeling"  # the words say which filter: a combo box is read by its choice
ANY_MOOD = "Any mood"
# Said under To when it is before From: "No entry matches the filters (from 20 Dec, to
# 1 Dec)" left the reversed days to be found (break test 40, finding 8).
REVERSED_DAYS = "The To day is before the From day, so no day is between them."


class SearchField(QLineEdit):
    """The search field, never narrower than its placeholder's words whole ("Search your
    …" was all that showed beside the list at 1024x600 and 150 % text: break test 10 of
    session 12, finding 7)."""

    QT_HINT_LETTERS = 17
    """Qt's size hint of a line edit is 17 letters "x" wide, with its frame, margins and
    side buttons (the clear button) around them (QLineEdit::sizeHint)."""

    def whole_width(self) -> int:
        """The width (pixels) at which the placeholder shows whole: Qt's size hint with
        the placeholder's words in place of its 17 letters."""
        metrics = self.fontMetrics()
        letters = metrics.horizontalAdvance("x") * self.QT_HINT_LETTERS
        words = metrics.horizontalAdvance(self.placeholderText())
        return super().sizeHint().width() - letters + words

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.whole_width()), hint.height())

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self.minimumSizeHint())


class SearchBar(QWidget):
    """The journal's search field and its filters (dates, mood, feeling, tag, shared or
    private); `changed` is emitted when any of them changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField()
        self.field.setPlaceholderText("Search your entries")
        self.field.setAccessibleName("Search entries")
        named_clear_button(self.field)
        limit_length(self.field, 10_000)
        self.toggle = FiltersButton()
        self.toggle.setAccessibleDescription("Show or hide the search filters")
        self.panel = QWidget()
        # The filters' words have no letters (Alt+letter) of their own: each letter of
        # them is the entry's ("&Mood", "Ta&gs", "Feeling&s") or another control's in the
        # Journal's window, and two controls on one letter made Alt+letter go to each in
        # turn (break test 15 of session 18, re-test R5). Tab reaches them after Filters.
        self.from_on = QCheckBox("From")
        self.date_from = date_edit("From date")
        self.to_on = QCheckBox("To")
        self.date_to = date_edit("To date")
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        self.mood = QComboBox()
        self.mood.setAccessibleName("Mood filter")
        self.mood.addItem(ANY_MOOD, 0)  # never None: see MoodPicker
        for mood in Mood:
            self.mood.addItem(mood.label, int(mood))
        self.feeling = QComboBox()
        self.feeling.setEditable(True)
        self.feeling.setAccessibleName("Feeling filter")
        self.feeling.addItems([ANY, *FEELINGS])
        self.tag = QLineEdit()
        self.tag.setAccessibleName("Tag filter")
        self.tag.setPlaceholderText("a tag")
        self.shared = QComboBox()
        self.shared.setAccessibleName("Sharing filter")
        self.shared.addItem("Shared and private", "any")
        self.shared.addItem("Only shared", "shared")
        self.shared.addItem("Only private", "private")
        self.reset = QPushButton("&Clear filters")
        # A list kept to one day (a day chosen in the calendar) says so next to the list,
        # with the way back, and not only inside the collapsed Filters: a person who
        # did not see her new entry there feared it lost (break test 10 of session
        # 15, finding 12).
        self.day_note = Message("What the list shows")
        self.show_all = QPushButton("Show all entries")
        self.show_all.setAccessibleDescription("Shows the entries of every day again")
        self.day_row = flow_row(self.day_note, trailing=(self.show_all,))
        self.day_row.hide()

        grid = QGridLayout(self.panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.from_on, 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(self.to_on, 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        # A day refused in From or To is said right under them, across the panel.
        grid.addWidget(self.date_from.note, 1, 0, 1, 4)
        grid.addWidget(self.date_to.note, 2, 0, 1, 4)
        for row, (text, widget) in enumerate(
            (("Mood", self.mood), ("Feeling", self.feeling), ("Tag", self.tag)), start=3
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1, 1, 3)
        sharing = QLabel("Sharing")
        sharing.setBuddy(self.shared)
        grid.addWidget(sharing, 6, 0)
        # Across the panel, as Mood, Feeling and Tag: beside Clear filters it read
        # "Shared and" at 1024x600 (break test 10 of session 15, finding 12).
        grid.addWidget(self.shared, 6, 1, 1, 3)
        grid.addWidget(self.reset, 7, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        self.panel.hide()

        # Filters (a funnel, `FiltersButton`) beside the field on one row at any text
        # size; the field keeps its words whole (break test 10 of session 12, finding 7),
        # so the row is as wide as both and a narrow list gives way (issue 10: at 200 %
        # the word "Filters" took a row of its own under the field).
        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.field, 1)
        search_row.addWidget(self.toggle)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(search_row)
        column.addWidget(self.day_row)
        column.addWidget(self.panel)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.say_day_shown)
        self.timer.timeout.connect(self.changed)
        self.toggle.toggled.connect(self.panel.setVisible)
        self.field.textChanged.connect(self.timer.start)
        self.from_on.toggled.connect(self.date_from.setEnabled)
        self.to_on.toggled.connect(self.date_to.setEnabled)
        for signal in (
            self.from_on.toggled,
            self.to_on.toggled,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.mood.currentIndexChanged,
            self.feeling.currentTextChanged,
            self.tag.textChanged,
            self.shared.currentIndexChanged,
        ):
            signal.connect(self.timer.start)
        # Off the typing path: only the days and their tick boxes can reverse them. Also
        # after the pause: a day typed over a field is taken as the typing ends, and the
        # field then put its own line away, the words with it (break test 43, F8).
        for signal in (
            self.from_on.toggled,
            self.to_on.toggled,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.timer.timeout,
        ):
            signal.connect(self._say_reversed_days)
        self.reset.clicked.connect(self.clear_filters)
        self.show_all.clicked.connect(self.show_every_day)
        self.clear_filters()

    def words(self) -> str:
        return self.field.text()

    def filters(self) -> SearchFilters:
        feeling_text = self.feeling.currentText()
        mood = int(self.mood.currentData())
        sharing = self.shared.currentData()
        return SearchFilters(
            date_from=from_qdate(self.date_from.date()) if self.from_on.isChecked() else None,
            date_to=from_qdate(self.date_to.date()) if self.to_on.isChecked() else None,
            mood=Mood(mood) if mood else None,
            feeling=normalise_feeling(feeling_text) if feeling_text != ANY else None,
            # Text that cannot be a tag is looked for as typed, so that it finds nothing
            # and is named in "No entry matches the filters", never dropped with every
            # entry shown (of the kind of break test 38, finding 3).
            tag=normalise_tag(self.tag.text()) or self.tag.text().strip().lower() or None,
            shared=None if sharing == "any" else sharing == "shared",
        )

    def filters_said(self) -> list[str]:
        """The filters that are on, each as the person chose it, in the panel's order
        ("mood “Very heavy”", "from 1 Dec 2026", "only shared"); [] when none is."""
        filters = self.filters()
        said = []
        if filters.date_from is not None:
            said.append(f"from {self.date_from.text()}")
        if filters.date_to is not None:
            said.append(f"to {self.date_to.text()}")
        if filters.mood is not None:
            said.append(f"mood \u201c{self.mood.currentText()}\u201d")
        if filters.feeling is not None:
            said.append(f"feeling {quoted(self.feeling.currentText().strip())}")
        if filters.tag:
            said.append(f"tag {quoted(self.tag.text().strip())}")
        if filters.shared is not None:
            said.append(self.shared.currentText().lower())
        return said

    def show_day(self, day: date) -> None:
        """Filter to one day (chosen in the calendar)."""
        qdate = to_qdate(day)
        self.date_from.setDate(qdate)
        self.date_to.setDate(qdate)
        self.from_on.setChecked(True)
        self.to_on.setChecked(True)

    def day_shown(self) -> date | None:
        """The one day the date filters keep the list to (From and To both on, on the
        same day, as a day chosen in the calendar sets them), or None."""
        filters = self.filters()
        if filters.date_from is not None and filters.date_from == filters.date_to:
            return filters.date_from
        return None

    def leaves_out(self, day: date) -> bool:
        """Whether the date filters (From, To) leave out the entries of ``day``."""
        filters = self.filters()
        return (filters.date_from is not None and day < filters.date_from) or (
            filters.date_to is not None and day > filters.date_to
        )

    def show_every_day(self) -> None:
        """Turn the date filters (From, To) off, keeping the other filters and the
        words; `changed` follows, after the usual short pause."""
        self.from_on.setChecked(False)
        self.to_on.setChecked(False)

    def _say_reversed_days(self) -> None:
        """Say `REVERSED_DAYS` under To while both days are on and To is before From;
        take it back once they are not."""
        note = self.date_to.note
        both = self.from_on.isChecked() and self.to_on.isChecked()
        if both and self.date_to.date() < self.date_from.date():
            if note.text() != REVERSED_DAYS:
                note.say(REVERSED_DAYS)
        elif note.text() == REVERSED_DAYS:
            note.hide_note()

    def say_day_shown(self) -> None:
        """Show, and say once, "Showing … only" with Show all entries beside the list
        while the list is kept to one day; hide them otherwise. Called after the short
        pause that follows any change of the filters, so a day chosen in the calendar
        is said once, never its half-set steps."""
        day = self.day_shown()
        words = f"Showing {say_day(day)} only." if day is not None else ""
        self.day_row.setVisible(day is not None)  # shown first: a hidden line is not said
        if words != self.day_note.text():
            self.day_note.setText(words)

    def clear_filters(self) -> None:
        today = to_qdate(today_local())
        self.from_on.setChecked(False)
        self.to_on.setChecked(False)
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        self.mood.setCurrentIndex(0)
        self.feeling.setCurrentIndex(0)
        self.feeling.setEditText(ANY)
        self.tag.setText("")
        self.shared.setCurrentIndex(0)

    def clear(self) -> None:
        """Forget the search text (and its undo history) and every filter."""
        self.field.setText("")
        self.clear_filters()
        self.timer.stop()  # `changed` only comes from this timer
        self.say_day_shown()
        self.toggle.setChecked(False)

"""A chart's text alternative: a summary that is read (and announced when it changes
because of what the person chose), and the values behind the chart as a table that
the keyboard reaches ("Show the values as a table", then the arrow keys).

Each chart says in its own words what its summary holds (range, highest, lowest,
latest, signs raised); this widget only shows and exposes it, the same way for
every chart in Solace.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from journal.ui.common.accessibility import Message
from journal.ui.common.in_view import show_with_companion, shown_with
from journal.ui.common.values_table import ValuesTable

__all__ = ["SHOW_TABLE", "ChartText"]

#: The toggle's words (Alt+B): a check box, ticked while the table shows.
SHOW_TABLE = "Show the values as a ta&ble"


def _cell(value: str) -> str:
    """A table cell's words: "Not noted" for nothing, else ``value`` with a capital
    first letter, as a cell stands alone (the words of a sentence, "not noted", read
    "Not noted" beside an empty cell's: issue 15, break test of session 24)."""
    return value[:1].upper() + value[1:] if value else "Not noted"


class ChartText(QWidget):
    """Summary and table for one chart; ``what`` names the table ("Body log by day").
    The ``chart`` (its view, a Tab stop) is described by the summary, so focusing it
    says what it shows, not only its name (break test 15 of session 7, 14h)."""

    def __init__(self, what: str, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart = chart
        self.summary = Message(f"Summary of the chart: {what}", hide_empty=False)
        # A check box, ticked while the table shows: a button "Show the values as a
        # table" stayed so while the table was open (issue 10, F2), and one whose words
        # turned into "Hide the values table" was heard "Hide the values table, check
        # box, checked", its name and its state at odds (break test 15 of session 29, F6).
        self.toggle = QCheckBox(SHOW_TABLE)
        self.toggle.setAccessibleDescription(f"The values behind the chart, {what.lower()}")
        self.table = ValuesTable()
        self.table.setAccessibleName(what)
        self.table.hide()
        shown_with(self.toggle, self.table)
        # The summary runs the whole width, the toggle under it: beside it, the summary
        # was a narrow column of a dozen lines at 200 %.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.table)
        self.toggle.toggled.connect(self._show_table)

    def _show_table(self, shown: bool) -> None:
        """Show or hide the table; the focus stays on the toggle, and Tab goes from it
        to the table. Moving the focus into the table when shown was not heard as such
        on the accessibility bus: a screen-reader user, still "on" the toggle, pressed
        Tab and left the table behind for the sidebar (break test 15 of session 11,
        finding 4). A table hidden (Alt+B) while focused gives the focus to the toggle
        first, never to the next control on its own.

        The table shown is scrolled into view with the toggle above it (`shown_with`):
        under the chart it opened below the page's fold, only its top edge in sight
        (issue 10, F2)."""
        if not shown and self.table.hasFocus():
            self.toggle.setFocus()
        self.table.setVisible(shown)
        if shown and self.table.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentCell(0, 0)  # the arrows start at the newest row
        if shown:  # and again as the page grows around it, while the toggle has the focus
            QTimer.singleShot(0, self, lambda: show_with_companion(self.toggle))

    def show_values(
        self,
        summary: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        repeat: bool = False,
        quietly: bool = False,
    ) -> None:
        """Show ``summary`` (announced when new, or always with ``repeat``; never with
        ``quietly``: values that changed elsewhere, read when the chart is reached) and
        a table with ``columns`` as headers and one row of texts per entry of ``rows``."""
        self.summary.show_message(summary, repeat=repeat, quietly=quietly)
        self._chart.setAccessibleDescription(summary)
        self.table.show_rows(columns, [[_cell(value) for value in row] for row in rows])

    def clear(self) -> None:
        self.summary.clear()
        self._chart.setAccessibleDescription("")
        self.table.clear()
        self.table.setRowCount(0)
        self.toggle.setChecked(False)

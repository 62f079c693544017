"""Choosing a mood (described in words, never a score) and naming feelings."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries.feelings import FEELINGS, Mood, normalise_feeling
from journal.ui.common.accessibility import announce
from journal.ui.common.fit import set_height_in_lines
from journal.ui.common.length_limit import limit_length

NO_MOOD = "Not chosen"


class MoodPicker(QComboBox):
    """ "How does today feel?": five descriptions, or none at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mood")
        # Never None as item data: with PySide6 6.12 on Python 3.11 reading an
        # invalid QVariant back (currentData) drops a reference to None each time.
        self.addItem(NO_MOOD, 0)
        for mood in Mood:
            self.addItem(mood.label, int(mood))
            self.setItemData(self.count() - 1, mood.description, Qt.ItemDataRole.ToolTipRole)

    def mood(self) -> Mood | None:
        value = int(self.currentData())
        return Mood(value) if value else None

    def set_mood(self, mood: Mood | None) -> None:
        self.setCurrentIndex(0 if mood is None else int(mood))


class FeelingsPicker(QWidget):
    """The words that fit loss, as checkable chips, plus the person's own words."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Feelings")
        self.list.installEventFilter(self)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(False)
        set_height_in_lines(self.list, 3, "minimum")
        set_height_in_lines(self.list, 5, "maximum")
        self.own = QLineEdit()
        self.own.setAccessibleName("A feeling in your own words")
        self.own.setPlaceholderText("Your own words, then Enter")
        limit_length(self.own, 40)
        # Enter, or leaving the field, chooses what was typed: left there unchosen, the
        # words were lost at a lock said to have saved everything (break test 40, 2).
        self.own.editingFinished.connect(self.choose_own)
        # Only a feeling chosen or let go is a change: a chip measured again for a new
        # text size is not (it saved the whole entry at every size change, break test 9
        # of session 7, F3/F4: "Saved at 16:08" for an entry untouched since 16:07).
        self._said: tuple[str, ...] = ()
        self.list.itemChanged.connect(self._item_changed)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.own)
        column.addLayout(row)
        self.set_feelings(())

    def _item(self, feeling: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(feeling)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._fit(item)
        return item

    def _fit(self, item: QListWidgetItem) -> None:
        """A chip as wide as its word in the list's font now, with room for the box."""
        metrics = self.list.fontMetrics()
        item.setSizeHint(QSize(metrics.horizontalAdvance(item.text()) + 44, metrics.height() + 10))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The text size changed: every chip is measured again in the new font (they
        kept the width of the size they were made at, 200 % after going back to 100 %)."""
        if watched is self.list and event.type() == QEvent.Type.FontChange:
            for row in range(self.list.count()):
                self._fit(self.list.item(row))
            self.list.doItemsLayout()
        return super().eventFilter(watched, event)

    def set_feelings(self, chosen: Iterable[str]) -> None:
        chosen = tuple(chosen)
        self.list.blockSignals(True)
        self.list.clear()
        for feeling in dict.fromkeys((*FEELINGS, *chosen)):
            self.list.addItem(self._item(feeling, feeling in chosen))
        self.list.blockSignals(False)
        self._said = self.feelings()
        self.own.clear()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        chosen = self.feelings()
        if chosen != self._said:
            self._said = chosen
            self.changed.emit()

    def feelings(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def choose_own(self, say: bool = True) -> None:
        """What is typed in "A feeling in your own words" is chosen (added to the list
        when it is not there) and the field emptied: on Enter, as the field is left,
        and (with ``say`` False) before the entry is saved now (`EntryEditor.save_now`:
        a lock, another entry opened). Said politely, as "Added the feeling hollow",
        the chip scrolled into view: the field emptied and nothing was heard, the new
        chip out of sight below the others (break test 15 of session 18, finding 1)."""
        feeling = normalise_feeling(self.own.text())
        self.own.clear()
        if feeling is None:
            return
        found = self.list.findItems(feeling, Qt.MatchFlag.MatchExactly)
        if found and found[0].checkState() == Qt.CheckState.Checked:
            self._show_and_say(found[0], f"The feeling {feeling} is chosen already.", say)
            return
        if found:
            item = found[0]
            item.setCheckState(Qt.CheckState.Checked)  # a change, saved (`_item_changed`)
        else:
            item = self._item(feeling, True)
            self.list.addItem(item)
            self._item_changed(item)
        self._show_and_say(item, f"Added the feeling {feeling}.", say)

    def _show_and_say(self, item: QListWidgetItem, words: str, say: bool) -> None:
        self.list.scrollToItem(item)
        if say:
            announce(self.own, words)

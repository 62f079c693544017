"""What a list of the person's things does with its chosen item, the same everywhere.

The Journal's entries, the body log's past logs and its pad changes are lists of the
person's own records. In each, Enter opens (or changes) the chosen item, Delete asks to
delete it (the question is the list owner's: see `confirm.confirm`), and a right click
chooses the item under the pointer and offers the same commands in a context menu. The
item the keys act on (the view's current one) is always shown chosen: Tab into a list
makes its first item current without selecting it (Qt's focus-in), so Past logs acted on
a log neither highlighted nor heard as chosen (break test 15 of session 25, F11). One
helper wires all of it, so the places cannot drift apart (issue 10: "Deleting an entry
asks first, as deleting a body log already does; the two places behave the same way").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu

__all__ = ["ItemCommand", "ItemKeys", "chosen_item_commands"]


@dataclass(frozen=True)
class ItemCommand:
    """One thing to do with the chosen item: its menu text (with a mnemonic, "&Delete
    this log…") and what it calls. ``key`` is the key that runs it on the list
    ("enter" for Return/Enter, "delete" for Delete), or "" for the menu alone."""

    text: str
    run: Callable[[], object]
    key: str = ""


def _key_name(event: QKeyEvent) -> str:
    """ "enter" or "delete" for an unmodified key press that acts on the chosen item."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return ""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "enter"
    if event.key() == Qt.Key.Key_Delete:
        return "delete"
    return ""


class ItemKeys(QObject):
    """The event filter and context menu of one list (made by `chosen_item_commands`;
    a child of the view, so it lives and dies with it)."""

    def __init__(self, view: QAbstractItemView, commands: Sequence[ItemCommand]) -> None:
        super().__init__(view)
        self.setObjectName("chosenItemKeys")
        self.view = view
        self.commands = tuple(commands)
        self.menu: QMenu | None = None
        view.installEventFilter(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        view.selectionModel().currentChanged.connect(self._show_chosen)  # model set first

    def _show_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Select ``current`` (its row, in a table of rows) when it is not selected."""
        selection = self.view.selectionModel()
        if not current.isValid() or selection.isSelected(current):
            return
        how = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if self.view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            how |= QItemSelectionModel.SelectionFlag.Rows
        selection.select(current, how)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            name = _key_name(event)
            for command in self.commands:
                if name and command.key == name and self.view.currentIndex().isValid():
                    command.run()
                    return True
        return False

    def show_menu(self, position: QPoint) -> QMenu | None:
        """Choose the item at ``position`` (viewport coordinates) and offer the commands
        for it; nothing where there is no item. Returns the menu shown."""
        index = self.view.indexAt(position)
        if not index.isValid():
            return None
        self.view.setCurrentIndex(index)
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = QMenu(self.view)
        self.menu.setObjectName("chosenItemMenu")
        for command in self.commands:
            action = self.menu.addAction(command.text)
            action.triggered.connect(lambda _checked=False, run=command.run: run())
        self.menu.popup(self.view.viewport().mapToGlobal(position))
        return self.menu


def chosen_item_commands(view: QAbstractItemView, commands: Sequence[ItemCommand]) -> ItemKeys:
    """Give ``view`` (its model set) its keys and context menu: each command with a
    ``key`` runs when that key is pressed on the list while an item is chosen; a right
    click chooses the item under the pointer and shows every command; the current item
    is kept selected. Returns the filter (owned by ``view``)."""
    return ItemKeys(view, commands)

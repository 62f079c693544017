"""Driving the Together area of a real window with two real journals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QWidget

from journal.storage.lock.store import JournalStore
from journal.ui.common.accessibility import after_announcements
from journal.ui.together.area import TogetherArea
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.couples import PARTNER_PASSPHRASE, make_partner, seed


def together(window: Any) -> TogetherArea:
    return next(a for a in window.areas if isinstance(a, TogetherArea))


def seeded(window: Any, store: JournalStore) -> Path:
    """Seed the window's open journal (Sam's) and a new partner journal (Alex's, left
    locked); returns the partner's folder."""
    folder = make_partner(store)
    partner = store.unlock(folder, PARTNER_PASSPHRASE)
    seed(window.journal, partner)
    partner.lock()
    return folder


def open_together(
    qtbot: Any, window: Any, folder: Path, passphrase: str = PARTNER_PASSPHRASE
) -> TogetherArea:
    """Ctrl+4, pick the partner's journal, type their passphrase, Open Together."""
    area = type_partner_passphrase(qtbot, window, folder, passphrase)
    with qtbot.waitSignal(area.exclusive, timeout=10_000):
        qtbot.keyClick(area.start.passphrase, Qt.Key.Key_Return)
    # "Together is open, with N shared entries." waits for the focus to land; a test
    # goes on once it has been said, so it is never heard among what the test does.
    said: list[bool] = []
    after_announcements(area, lambda: said.append(True))
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)
    return area


def type_partner_passphrase(
    qtbot: Any, window: Any, folder: Path, passphrase: str = PARTNER_PASSPHRASE
) -> TogetherArea:
    """Ctrl+4, pick the partner's journal and type their passphrase (Enter not yet)."""
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is area
    start = area.start
    row = start.partner.findData(str(folder))
    if row < 0:
        start.set_other_folder(folder)
    else:
        start.partner.setCurrentIndex(row)
    start.passphrase.setFocus()
    qtbot.keyClicks(start.passphrase, passphrase)
    return area


def unlock_owner(qtbot: Any, window: Any) -> None:
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every value of every role of every cell of a model, as text."""
    parent = parent or QModelIndex()
    found: list[str] = []
    flat = isinstance(model, QAbstractListModel)
    columns = 1 if flat else max(1, model.columnCount(parent))
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in range(0, int(Qt.ItemDataRole.UserRole) + 16):
                value = model.data(index, role)
                if value is not None:
                    found.append(repr(value))
            if not flat and model.hasChildren(index):
                found.extend(model_texts(model, index))
    return found


def every_text(root: QWidget) -> str:
    """Every text, tooltip, accessible name and description, placeholder and model value
    under ``root``, shown or hidden."""
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.whatsThis(),
            widget.statusTip(),
            widget.windowTitle(),
        ]
        for attribute in ("text", "toPlainText", "placeholderText", "title"):
            getter = getattr(widget, attribute, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str):
                    parts.append(value)
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
            parts += [repr(widget.itemData(i)) for i in range(widget.count())]
            parts += model_texts(widget.model())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts += model_texts(widget.model())
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
    return "\n".join(parts)

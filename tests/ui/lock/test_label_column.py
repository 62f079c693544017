"""Within one page or dialog, the labels of its fields share one column (issue 10):
Create's "Name" stood in a form of its own, so its field started left of the
passphrase pair's ("Passphrase", "Again"), and the labels did not line up. Every
lock-screen page (create, unlock, unlock with the recovery key, choose a new
passphrase) and every dialog with a form, at 1366x768 and 100 % text where no row
wraps: the fields of all its rows start at one x."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from tests.ui.lock.test_enter import _dialogs


def field_columns(root: QWidget) -> dict[int, list[str]]:
    """The x (pixels, in ``root``) where the field of each labelled row of every form
    shown under ``root`` starts, with the labels of the rows that start there. A row
    wrapped under its label (a narrow window) is left out: it has no column."""
    columns: dict[int, list[str]] = {}
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if caption is None or field is None:
                continue
            label, box = caption.widget(), field.geometry()
            if label is None or not label.isVisible() or not getattr(label, "text", str)():
                continue
            if box.top() > caption.geometry().bottom():
                continue  # wrapped: the field sits under its label
            parent = form.parentWidget()
            assert parent is not None
            x = parent.mapTo(root, QPoint(box.left(), 0)).x()
            columns.setdefault(x, []).append(label.text())  # type: ignore[attr-defined]
    return columns


def _lock_pages(window):  # type: ignore[no-untyped-def]
    screen = window.lock_screen
    return {
        "create": screen.create_page,
        "unlock": screen.unlock_page,
        "recovery key": screen.recovery_page,
        "new passphrase": screen.new_passphrase_page,
    }


@pytest.mark.parametrize("page", ["create", "unlock", "recovery key", "new passphrase"])
def test_a_lock_screen_pages_labels_share_one_column(qtbot, window, page) -> None:  # type: ignore[no-untyped-def]
    window.resize(QSize(1366, 768))
    shown = _lock_pages(window)[page]
    window.lock_screen.setCurrentWidget(shown)
    QApplication.processEvents()
    columns = field_columns(shown)
    assert len(columns) <= 1, f"{page}: fields start at {columns}"


def _rescue(window, store):  # type: ignore[no-untyped-def]
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    return RescueDialog(store, Path(window.journal.folder), "Test journal", window)


@pytest.mark.parametrize(
    "name",
    [
        "settings",
        "change passphrase",
        "remove journal",
        "recovery details",
        "appointment",
        "export",
        "rescue",
    ],
)
def test_a_dialogs_labels_share_one_column(qtbot, unlocked_window, store, name) -> None:  # type: ignore[no-untyped-def]
    dialogs = _dialogs(unlocked_window, store)
    dialogs["rescue"] = _rescue(unlocked_window, store)
    dialog = dialogs[name]
    for other in dialogs.values():
        qtbot.addWidget(other)
    dialog.show()
    QApplication.processEvents()
    columns = field_columns(dialog)
    assert len(columns) <= 1, f"{name}: fields start at {columns}"

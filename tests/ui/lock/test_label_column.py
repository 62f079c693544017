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


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1024, 600)])
def test_the_recovery_key_pages_tick_box_and_continue_line_up_with_the_card(  # type: ignore[no-untyped-def]
    qtbot, window, size
) -> None:
    """Break test 10 of session 12, finding 11: "I have written it down or printed it"
    started left of the card (x≈316) and Continue ended right of it (x≈1050): pinned
    below the scrolling part, they line up with the card's contents (its heading and
    Print…), and the tick box has a mnemonic (Alt+W) instead of Tab-hunting."""
    from datetime import date

    from PySide6.QtCore import Qt

    window.resize(size)
    screen = window.lock_screen
    page = screen.key_page
    page.show_key("A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK", "Our journal", date(2026, 11, 30))
    screen._go(page)
    for _ in range(5):
        QApplication.processEvents()
    card = page.card
    inner = card.layout().contentsMargins()
    left = card.mapTo(window, QPoint(inner.left(), 0)).x()
    right = card.mapTo(window, QPoint(card.width() - inner.right(), 0)).x()
    assert page.heading.mapTo(window, QPoint(0, 0)).x() == left
    assert page.confirm.mapTo(window, QPoint(0, 0)).x() == left
    button = page.continue_button
    assert button.mapTo(window, QPoint(button.width(), 0)).x() == right
    assert page.print_button.mapTo(window, QPoint(page.print_button.width(), 0)).x() == right
    assert "&w" in page.confirm.text().lower()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)
    page.key.setFocus()
    qtbot.keyClick(window, "w", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.confirm.isChecked, timeout=3_000)  # Qt's animated click
    assert button.isEnabled()
    page.forget()

"""At 200 % text on a 1366x768 screen, Restore a backup… opens with its focused
passphrase field and the field's label in view (break test 15 of session 24, F9): the
backups list asked for Qt's 192 px whatever it held, and the six-line note on which
passphrase to type stood above the field, so the dialog, which opens at its top, showed
only the field's top edge. Real window, lock screen and encrypted backups; the dialog
opened by its button."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from journal.domain.safekeeping.rotation import Reason
from journal.settings import FONT_SCALE
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE

LAPTOP = QRect(0, 0, 1366, 768)


def _fully_shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize("earlier_days", [0, 7])
def test_the_passphrase_field_opens_in_view_at_200_percent(
    qtbot, monkeypatch, settings, store, data_dir, earlier_days
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(LAPTOP))
    settings.set(FONT_SCALE, 200)
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.ui.shell.main_window import MainWindow

    journal, _key = store.create("Ours", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    newest = journal.backup(Reason.DAILY)
    for days in range(1, earlier_days + 1):
        stamp = (newest.taken_at - timedelta(days=days)).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copytree(newest.folder, newest.folder.parent / f"{stamp}-daily")
    journal.lock()
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.lock_screen.fontMetrics().height() > 25  # 200 % text

    qtbot.mouseClick(window.lock_screen.unlock_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    for _ in range(5):
        QApplication.processEvents()
    assert dialog.focusWidget() is dialog.passphrase
    assert _fully_shown(dialog.passphrase)
    assert _fully_shown(dialog.form.labelForField(dialog.passphrase))
    assert dialog.choices.count() == earlier_days + 1
    first = dialog.choices.visualItemRect(dialog.choices.item(0))
    assert dialog.choices.viewport().rect().contains(first)  # the newest backup, whole
    dialog.reject()

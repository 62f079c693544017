"""Restore's "Choose a backup file…" stays under the pointer as files are chosen (issue
16, F8): each file chosen changed the list's rows above the button and the refusal
by the dialog's buttons below it, and the button moved 11 to 15 px at 200 % text, so
a second click landed in the passphrase field. Real dialog, real clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen

from journal.settings import FONT_SCALE
from journal.ui.safekeeping import restore_dialog
from journal.ui.safekeeping.restore_dialog import RestoreDialog

LAPTOP = QRect(0, 0, 1366, 768)


def test_the_file_button_stays_where_it_was_clicked(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(LAPTOP))
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    other = tmp_path / "a backup from someone's long-named folder of old things.solace"
    other.write_text("not a backup either")  # chosen in the file dialog, so it is there
    chosen = iter([notes, other, notes])
    monkeypatch.setattr(restore_dialog, "open_file_name", lambda *_args: next(chosen))
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    dialog = RestoreDialog(window.lock_screen.store, window.journal.folder, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.resize(910, 600)  # as Qt opens it on 1366x768 (this screen is smaller)
    dialog.move(dialog.x(), 100)  # room above and below it
    qtbot.wait(200)
    button = dialog.file_button
    where = button.mapToGlobal(QPoint(0, 0))
    for _choice in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.error.text()))
        qtbot.wait(300)  # the dialog settled around the refusal and the file's row
        assert button.mapToGlobal(QPoint(0, 0)) == where
    dialog.reject()

"""The status line of the doctor-summary dialog moves no button: "Saved
health-summary.pdf…" under the passphrase grows the dialog at its top (break test 10
of session 17, finding 1a: the buttons moved 18 px as the saved line took a second
line). It keeps no room while it says nothing (issue 10: a blank band under the
passphrase): `test_summary_notes_room`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from journal.domain.body.temperature import TemperatureUnit
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import ExportDialog
from tests.conftest import PASSPHRASE

LAPTOP = QRect(0, 0, 1366, 768)


def _where(widget: QWidget) -> tuple[int, int, int, int]:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()).getRect()


@pytest.mark.parametrize("scale", [100, 200])
def test_the_saved_line_moves_nothing(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, tmp_path: Path, scale
) -> None:
    from tests.ui.accessibility.screens import settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(LAPTOP))
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    journal = window.journal
    dialog = ExportDialog(
        BodyRepository(journal.db),
        journal.check_passphrase,
        TemperatureUnit.CELSIUS,
        date.today(),
        window,
    )
    dialog.choose_path = lambda _name, _filter: tmp_path / "health-summary.pdf"
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    settle()
    watched = (dialog.pdf_button, dialog.csv_button, dialog.close_button)
    before = [_where(widget) for widget in watched]

    # The passphrase, Save PDF…: "Saved health-summary.pdf…", two lines at 100 %.
    qtbot.mouseMove(dialog.passphrase)  # the pointer on it, as a click has it
    qtbot.mouseClick(dialog.passphrase, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseMove(dialog.pdf_button)  # the pointer on it, as a click has it
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved health-summary.pdf" in dialog.status.text(), timeout=20_000)
    settle()
    assert [_where(widget) for widget in watched] == before, "a button moved"
    status = dialog.status
    assert status.height() >= status.heightForWidth(status.width())  # whole
    assert not status.visibleRegion().isEmpty()
    dialog.close()


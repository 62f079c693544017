"""What the doctor-summary dialog says of its files is what they hold: the CSV's times
have the shape the dialog shows (break test 10 of session 17, finding 2: it promised
"like 2024-03-01T09:00:00Z" for files that say "2026-11-03T08:00:00.000Z")."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.domain.body.temperature import TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import ExportDialog
from tests.conftest import PASSPHRASE
from tests.ui.body.test_export import _fill

STAMP = re.compile(r"\d{4}-\d\d-\d\dT[0-9:.+Z-]+")


def _shape(stamp: str) -> str:
    return re.sub(r"\d", "9", stamp)


def test_the_csv_times_have_the_shape_the_dialog_shows(qtbot, journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start, _end = _fill(journal)
    dialog = ExportDialog(
        BodyRepository(journal.db), journal.check_passphrase, TemperatureUnit.CELSIUS, start
    )
    qtbot.addWidget(dialog)
    dialog.show()
    said = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    promised = STAMP.findall(said)
    assert len(promised) == 1, said
    dialog.choose_path = lambda _name, _filter: tmp_path / "health-log.csv"
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved health-log.csv" in dialog.status.text(), timeout=10_000)
    written = STAMP.findall((tmp_path / "health-log.csv").read_text(encoding="utf-8"))
    assert written, "the CSV holds no times"
    assert {_shape(stamp) for stamp in written} == {_shape(promised[0])}

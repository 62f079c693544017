""""Print…" on the recovery key never writes the key into a file (break test 14 of
session 6, finding 1): on a computer with no printer, Qt's print dialog offered
"Print to File (PDF)" by default and Enter silently wrote $HOME/print.pdf holding a
working recovery key in plain text. Now no dialog opens without a printer (a line
says so), and a printer that writes a file is refused, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from journal.ui.common.local_time import today_local
from journal.ui.lock.pages import NO_PRINTER, NOT_TO_FILE, RecoveryKeyPage, printer_names

KEY = "A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK"


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def key_page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RecoveryKeyPage:  # type: ignore[no-untyped-def]
    """The key page, shown, with the home and working folders an empty tmp folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    page = RecoveryKeyPage()
    qtbot.addWidget(page)
    page.show_key(KEY, "Our journal", today_local())
    page.show()
    return page


def test_print_with_no_printer_writes_no_file_and_says_so(qtbot, key_page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if printer_names():
        pytest.skip("this computer has a printer set up")
    pressed: list[str] = []

    def press_enter_in_a_print_dialog() -> None:
        """What the tester did: Enter on the dialog's default button, Print."""
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            pressed.append("print dialog")
            dialog.accept()

    QTimer.singleShot(0, press_enter_in_a_print_dialog)  # runs inside a dialog's exec()
    qtbot.mouseClick(key_page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(key_page.print_note.isVisible)

    assert files_under(tmp_path) == []  # no print.pdf, nothing anywhere
    assert pressed == []  # no dialog offering a file
    assert key_page.print_note.text() == NO_PRINTER
    assert "write the key down" in key_page.print_note.text()
    key_page.forget()
    assert not key_page.print_note.isVisible()


@pytest.mark.parametrize(
    "output", [QPrinter.OutputFormat.PdfFormat, QPrinter.OutputFormat.NativeFormat]
)
def test_a_printer_that_writes_a_file_is_refused(qtbot, key_page, tmp_path, output) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()
    printer.setOutputFormat(output)
    printer.setOutputFileName(str(tmp_path / "home" / "print.pdf"))

    assert not key_page.print_on(printer)
    assert files_under(tmp_path) == []
    assert key_page.print_note.isVisible() and key_page.print_note.text() == NOT_TO_FILE

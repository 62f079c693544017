"""The recovery key page and its printout name the journal and the day the key was made."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from journal.settings import Settings
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.local_time import say_day, today_local
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


def test_the_key_page_and_its_printout_name_the_journal_and_the_day(
    qtbot, data_dir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(JournalStore(data_dir), Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(win)
    win.show()
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.keyClicks(create.name, "Sam and Alex")
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    qtbot.waitUntil(create.create_button.isEnabled)  # rated when typing pauses
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    page = screen.key_page
    qtbot.waitUntil(lambda: screen.currentWidget() is page, timeout=10_000)
    today = say_day(today_local())
    assert page.whose.isVisible()
    assert "“Sam and Alex”" in page.whose.text() and today in page.whose.text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    out = tmp_path / "key.pdf"
    printer.setOutputFileName(str(out))
    page.print_to(printer)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Sam and Alex" in text and today in text and page.key.text() in text

    page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened):
        page.continue_button.click()
    assert page.whose.text() == ""  # forgotten with the key
    win.lock()

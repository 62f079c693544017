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


def test_the_key_s_printout_does_not_grow_with_the_text_size_on_screen(
    qtbot, qapp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Same kind as break test 10, finding 7: the printout took the app's font, so it
    grew with the on-screen text size. Its font sizes are the same at 100 % and 200 %."""
    import re

    from PySide6.QtGui import QFont

    from journal.ui.lock.pages import RecoveryKeyPage

    def font_sizes(name: str) -> list[str]:
        page = RecoveryKeyPage()
        qtbot.addWidget(page)
        page.show_key("ABCD-EFGH-IJKL-MNOP", "Sam", today_local())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(tmp_path / name))
        page.print_to(printer)
        data = PdfReader(tmp_path / name).pages[0].get_contents().get_data().decode("latin-1")
        return re.findall(r"/\w+ ([\d.]+) Tf", data)

    font = QFont(qapp.font())
    normal = font_sizes("100.pdf")
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(bigger)
    try:
        assert normal and font_sizes("200.pdf") == normal
    finally:
        qapp.setFont(font)

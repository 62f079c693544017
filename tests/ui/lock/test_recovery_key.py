"""The recovery key page and its printout name the journal and the day the key was made."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPageSize
from PySide6.QtPrintSupport import QPrinter

from journal.settings import Settings
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.local_time import say_day, today_local
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def created(qtbot, data_dir: Path, name: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A first start, a journal called ``name`` created with real keys: its new
    recovery key on screen."""
    win = MainWindow(JournalStore(data_dir), Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(win)
    win.show()
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.keyClicks(create.name, name)
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    qtbot.waitUntil(create.ready)  # rated when typing pauses
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    return win


def test_the_key_page_and_its_printout_name_the_journal_and_the_day(
    qtbot, data_dir, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = created(qtbot, data_dir, "Sam and Alex")
    screen = win.lock_screen
    page = screen.key_page
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
    assert "Sam and Alex" in text and today in text and page.recovery_key in text

    # Copied as a person copies it (the page puts word joiners between the groups),
    # the key leaves the clipboard with the page (break test 14 of session 10, finding 5).
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(page.key.text().splitlines()[0])
    page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened):
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert page.whose.text() == ""  # forgotten with the key
    assert clipboard.text() == ""
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


def test_escape_or_close_on_a_new_recovery_key_asks_before_leaving_it(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """The old key is dead once the new one shows: Escape and the window's close button
    ask as the disabled Continue does, "Go back to the key" being the default answer
    (session 6, finding 5); only "Close anyway" leaves it."""
    from PySide6.QtCore import Qt

    from journal.ui.common.confirm import Question
    from journal.ui.lock.recovery_key_dialog import (
        GO_BACK,
        LEAVE_QUESTION,
        LEAVE_TITLE,
        RecoveryKeyDialog,
    )

    shown = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "Test journal", unlocked_window)
    qtbot.addWidget(shown)
    shown.open()
    qtbot.keyClick(shown.page.key, Qt.Key.Key_Escape)
    question = shown.question
    assert isinstance(question, Question) and question.text() == LEAVE_QUESTION
    # A short title: the whole question was cut mid-word in the title bar (break test
    # 14 of session 7, finding 8).
    assert question.windowTitle() == LEAVE_TITLE == "Close without confirming?"
    assert question.defaultButton() is question.keep_button
    assert question.keep_button.text() == GO_BACK
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Escape there: back to the key
    qtbot.waitUntil(lambda: shown.question is None)
    assert shown.isVisible() and shown.page.recovery_key == "ABCD-EFGH-IJKL-MNOP"

    window = shown.windowHandle()
    assert window is not None
    window.close()  # the window manager's close button
    assert shown.isVisible() and isinstance(shown.question, Question)
    with qtbot.waitSignal(shown.rejected, timeout=5_000):
        shown.question.yes_button.click()  # "Close anyway"
    assert not shown.isVisible() and shown.page.key.text() == ""


def test_escape_after_ticking_written_down_closes_without_asking(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    shown = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "Test journal", unlocked_window)
    qtbot.addWidget(shown)
    shown.open()
    shown.page.confirm.setChecked(True)
    with qtbot.waitSignal(shown.rejected, timeout=5_000):
        qtbot.keyClick(shown.page.key, Qt.Key.Key_Escape)
    assert shown.question is None


def test_quitting_over_an_unconfirmed_key_on_the_lock_screen_asks_first(qtbot, data_dir):  # type: ignore[no-untyped-def]
    """Ctrl+Q while the lock screen shows a recovery key not yet confirmed asks, with
    going back to the key as the default; only "Quit anyway" quits."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from journal.settings import Settings
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore
    from journal.ui.common.confirm import Question
    from journal.ui.lock.recovery_key_dialog import QUIT_QUESTION
    from journal.ui.shell.actions import ActionId
    from journal.ui.shell.main_window import MainWindow

    store = JournalStore(data_dir)
    created, _ = store.create("Ours", PASSPHRASE, LIGHT_KDF)  # its key never confirmed
    created.lock()
    window = MainWindow(store, Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    screen = window.lock_screen
    qtbot.keyClicks(screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    key = screen.key_page.key.text()

    asked: list[str] = []

    def answer(quit_anyway: bool) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, Question):
            QTimer.singleShot(10, lambda: answer(quit_anyway))
            return
        asked.append(box.text())
        assert box.windowTitle() == "Quit without confirming?"  # short, never cut
        (box.yes_button if quit_anyway else box.keep_button).click()

    QTimer.singleShot(0, lambda: answer(False))
    window.action_by_id[ActionId.QUIT].trigger()  # Ctrl+Q (its shortcut: test_menus)
    assert asked == [QUIT_QUESTION]
    assert window.isVisible() and screen.key_page.key.text() == key  # still there to write

    QTimer.singleShot(0, lambda: answer(True))
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.action_by_id[ActionId.QUIT].trigger()  # Ctrl+Q again
    assert asked == [QUIT_QUESTION, QUIT_QUESTION] and not window.isVisible()


@pytest.mark.parametrize("percent", [100, 200])
def test_the_key_is_shown_as_two_whole_lines_of_groups(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, percent
) -> None:
    """Break test 10 (session 7), finding 9: the key wrapped after a dash,
    "T227-R2T3-2RK2-SAFO-3KBQ-DCMB-QQUP-" over "MHL4", and the dash at the line's end
    could be copied as part of the key. It is two lines of four groups, each line too
    wide to be broken where it stands, and what the page shows still opens the journal."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from journal.settings import Theme
    from journal.storage.lock.keys import normalise_recovery_key
    from journal.ui.common.theme import apply_theme
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.LIGHT, percent)
    key = "T227-R2T3-2RK2-SAFO-3KBQ-DCMB-QQUP-MHL4"
    shown = RecoveryKeyDialog(key, "Test journal", unlocked_window)
    qtbot.addWidget(shown)
    shown.open()
    qtbot.waitExposed(shown)
    label = shown.page.key
    lines = label.text().splitlines()  # (one block: the lines end in U+2028)
    assert [line.replace("\u2060", "") for line in lines] == [
        "T227-R2T3-2RK2-SAFO",
        "3KBQ-DCMB-QQUP-MHL4",
    ]
    metrics = QFontMetrics(label.font())
    for line in lines:  # each line fits the label as it is laid out: none wraps
        assert metrics.horizontalAdvance(line) <= label.contentsRect().width()
    assert normalise_recovery_key(label.text()) == normalise_recovery_key(key)
    shown.page.confirm.setChecked(True)
    shown.accept()
    apply_theme(app, Theme.LIGHT, 100)


def test_an_idle_lock_over_a_new_key_says_why(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    """A journal just created, its key on screen, locks when idle and the lock screen
    says why, as after an open journal's idle lock (break test 14 of session 10,
    finding 6: it said nothing)."""
    from journal.settings import IDLE_LOCK_MINUTES
    from journal.ui.shell.idle import idle_notice

    win = created(qtbot, data_dir, "Quiet")
    screen = win.lock_screen
    win.idle.set_interval_ms(50)
    page = screen.unlock_page
    words = idle_notice(win.settings.get(IDLE_LOCK_MINUTES))
    qtbot.waitUntil(lambda: page.error.isVisible() and page.error.text() == words, timeout=5_000)
    assert screen.currentWidget() is not screen.key_page and not screen.holds_journal

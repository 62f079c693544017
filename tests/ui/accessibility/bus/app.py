"""The real app, driven screen by screen for the AT-SPI walk (``make a11y-bus``).

Run by ``walk.py`` (under ``dbus-run-session`` and Xvfb), never by pytest: it
shows each screen and dialog in turn, prints ``SCREEN <title>`` and waits for a
line on stdin before going on, so the walker can read the accessibility bus
while the screen is up. Actions whose announcements are checked (a wrong
passphrase, a bad temperature, a saved log, a fever) are done between screens.

The lock at the end is the app's real hard lock (`journal.app` wires it): the
process is replaced by a fresh start of this script (same process ID, same pipes),
which finds the journal's folder in ``BUS_DATA_ENV``, shows the lock screen and
the restore dialog over it as the fresh app does, unlocks once more and says
``DONE``. The walker reads those screens from the new process on the bus.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")

from PySide6.QtCore import QEvent, QEventLoop, QSocketNotifier, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from journal.app import _hard_lock, _replaces  # noqa: E402
from journal.domain.body.log import Appointment  # noqa: E402
from journal.settings import Settings  # noqa: E402
from journal.storage.lock.keys import LIGHT_KDF  # noqa: E402
from journal.storage.lock.store import JournalStore  # noqa: E402
from journal.ui.common.dates import day_picker  # noqa: E402
from journal.ui.shell.main_window import MainWindow  # noqa: E402
from tests.ui.accessibility import screens  # noqa: E402

PASSPHRASE = "quiet river stone lantern"
#: Typed into every kind of secret field; the walker checks that no character of them
#: leaves in an event and no two of them in a row appear anywhere on the bus.
SECRET = "Zq7#Xj9@Wv4%kY"
RECOVERY_KEY = "QZXJ-WVKQ-YXBH-JQZV"
BUS_DATA_ENV = "SOLACE_BUS_DATA"  # the journal's data folder, kept across the hard lock
CALENDAR_STEP = "Event: a date field's calendar:"  # read by walk.py
ARTICLE_STEP = "Article open:"  # then its title; read by walk.py
ARTICLE_CARET_STEP = "Event: the arrow keys read down the article:"  # then its title


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def activate(window: QWidget) -> None:
    """Make ``window`` the active window, as a window manager does when a dialog over it
    closes (the walk runs under a bare Xvfb: nothing gives the focus back, and Qt sends
    no focus event to the bus while no window of the app is active)."""
    window.activateWindow()
    for _ in range(50):
        if QApplication.activeWindow() is window:
            return
        wait(50)
    raise SystemExit(f"{window!r} did not become active")


def wait_for_walker(title: str) -> None:
    """Say which screen is up, then keep Qt running until the walker says "next"."""
    wait(400)  # let the bridge send what the screen raised
    print(f"SCREEN {title}", flush=True)
    loop = QEventLoop()
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda: (sys.stdin.readline(), loop.quit()))
    loop.exec()
    notifier.setEnabled(False)


class _Bot:
    """What screens.each_screen needs of pytest-qt's qtbot."""

    class _Waiter:
        def __init__(self, signal) -> None:  # type: ignore[no-untyped-def]
            self.loop = QEventLoop()
            signal.connect(self.loop.quit)

        def __enter__(self) -> _Bot._Waiter:
            return self

        def __exit__(self, *_exc: object) -> None:
            QTimer.singleShot(15_000, self.loop.quit)
            self.loop.exec()

    def waitSignal(self, signal, timeout: int = 0) -> _Waiter:  # type: ignore[no-untyped-def]
        return self._Waiter(signal)


def type_into(field: QLineEdit, text: str) -> None:
    """Real key presses, one per character, into ``field`` (focused first)."""
    field.window().activateWindow()
    field.setFocus()
    QTest.keyClicks(field, text)


def erase(field: QLineEdit) -> None:
    """Ctrl+A, then Backspace: the way a person empties a field."""
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Backspace)


def lock_screen_secrets(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Each kind of secret field of the lock screen, typed into (and shown with its
    text while the walker reads the tree), then emptied."""
    screen = window.lock_screen
    unlock = screen.unlock_page.passphrase
    type_into(unlock, SECRET)
    yield "Secret typed: unlock passphrase", window
    erase(unlock)
    screen.setCurrentWidget(screen.recovery_page)
    type_into(screen.recovery_page.key, RECOVERY_KEY)
    yield "Secret typed: recovery key", window
    erase(screen.recovery_page.key)
    screen.setCurrentWidget(screen.create_page)
    fields = screen.create_page.passphrase
    type_into(fields.first, SECRET)
    type_into(fields.second, SECRET)
    yield "Secret typed: new passphrase, twice", window
    erase(fields.first)
    erase(fields.second)
    screen.show_start()
    yield "Secret erased: lock screen", window


def dialog_secrets(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The Change passphrase dialog, its three fields typed into, then emptied."""
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    assert window.journal is not None
    dialog = ChangePassphraseDialog(window.journal, window)
    dialog.show()
    wait(300)
    for field in (dialog.current, dialog.new.first, dialog.new.second):
        type_into(field, SECRET)
    yield "Dialog with a secret typed: Change passphrase", dialog
    for field in (dialog.current, dialog.new.first, dialog.new.second):
        erase(field)
    dialog.reject()
    dialog.deleteLater()
    yield "Secret erased: Change passphrase", window


def actions(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The moments whose announcements the walker checks."""
    page = window.lock_screen.unlock_page
    page.passphrase.setText("not the passphrase")
    page.unlock_button.click()
    for _ in range(100):
        if page.error.isVisible():
            break
        wait(100)
    yield "Event: wrong passphrase", window


def body_actions(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    body = screens.area(window, "body")
    window.show_area(body)
    form = body.form  # type: ignore[attr-defined]
    form.temperature.setText("warm")
    form.save_button.click()
    yield "Event: a temperature that needs another look", window
    form.temperature.setText("36.8")
    form.save_button.click()
    yield "Event: a log saved", window
    form.temperature.setText("38.9")
    form.save_button.click()
    yield "Event: a fever logged", window
    form.temperature.setText("39.1")  # the fever card is up already: said again, once
    form.save_button.click()
    yield "Event: a fever logged again", window
    (card,) = body.banner.cards  # type: ignore[attr-defined]
    card.seen_button.setFocus()
    yield "Event: the sign's 'I have seen this' focused", window
    press(card.seen_button, Qt.Key.Key_Space)
    yield "Event: a sign marked seen", window
    # The appointment chooser, shown from two appointments on: heard by its label, not
    # by its choice alone (break test 15 of session 15, finding 4).
    for n, place in enumerate(("Dr Patel, clinic", "Early pregnancy unit")):
        when = datetime(2026, 12, 15 + n, 10, 30, tzinfo=UTC)
        body.repository.save_appointment(Appointment(f"bus-{n}", when, place))  # type: ignore[attr-defined]
    body.refresh()  # type: ignore[attr-defined]
    body.tabs.setCurrentWidget(body.timeline)  # type: ignore[attr-defined]
    yield "Timeline with two appointments", window
    body.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]  # back on the Log, as before


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key pressed and released on ``widget``, through its event filters."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def keyboard_actions(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Moments only the bus shows: what a caching screen reader is told as keys move."""
    body = screens.area(window, "body")
    window.show_area(body)
    tabs = body.tabs  # type: ignore[attr-defined]
    tabs.tabBar().setFocus()
    wait(200)
    for _tab in range(2):  # Right, Right: Past logs, then Charts (break test 15, F8)
        press(tabs.tabBar(), Qt.Key.Key_Right)
        wait(100)
    assert tabs.currentIndex() == 2, "Right, Right on the tab bar did not reach Charts"
    yield "Event: the body log's tab changed", window
    tabs.setCurrentIndex(0)
    field = body.form.time  # type: ignore[attr-defined]
    field.setFocus()
    wait(200)
    press(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens its calendar
    wait(200)
    grid = day_picker(field).grid
    yield f"{CALENDAR_STEP} opened", window
    # One key a step: the walker reads each focused day's name while it is focused.
    for key, words in (
        (Qt.Key.Key_Left, "a day back"),
        (Qt.Key.Key_Up, "a week back"),
        (Qt.Key.Key_PageUp, "a month back"),
        (Qt.Key.Key_Home, "the first day of the month"),
    ):
        press(grid, key)
        yield f"{CALENDAR_STEP} {words}", window
    press(grid, Qt.Key.Key_Escape)
    journal = screens.area(window, "journal")
    window.show_area(journal)
    journal.browse_tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    grid = journal.calendar.grid  # type: ignore[attr-defined]
    grid.setFocus()
    wait(200)
    press(grid, Qt.Key.Key_PageDown)
    press(grid, Qt.Key.Key_PageUp)
    yield "Event: the calendar's month changed and back", window
    journal.browse_tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    library = screens.area(window, "library")
    window.show_area(library)
    search = library.browser.search  # type: ignore[attr-defined]
    search.setFocus()
    wait(200)
    search.setText("fever")
    wait(800)  # the count is said once the typing pauses
    yield "Event: the library searched", window
    search.clear()
    window.show_area_id("body")  # what Ctrl+2 runs
    wait(200)
    yield "Event: Ctrl+2 from the library", window
    window.show_area_id("together")  # what Ctrl+4 runs
    wait(200)
    yield "Event: Ctrl+4 from the body log", window
    window.show_area(library)
    library.show_article("using-solace")  # type: ignore[attr-defined]
    browser = library.reader.browser  # type: ignore[attr-defined]
    browser.setFocus()
    wait(200)
    # The article as a screen-reader user meets it: named by its title, its words read
    # through the Text interface, its caret walked by the arrow keys (issue 15).
    yield f"{ARTICLE_STEP} {browser.accessibleName()}", window
    for _ in range(3):
        press(browser, Qt.Key.Key_Down)
    yield f"{ARTICLE_CARET_STEP} {browser.accessibleName()}", window
    browser.moveCursor(QTextCursor.MoveOperation.Start)
    press(browser, Qt.Key.Key_Tab)
    yield "Event: a link in an article tabbed to", window


def first_process(window: MainWindow, store: JournalStore) -> None:
    """Every screen and dialog with the journal open, then the hard lock (which does
    not return: the process is replaced)."""
    for title, _root in lock_screen_secrets(window):
        wait_for_walker(title)
    for title, _root in actions(window):
        wait_for_walker(title)
    bot = _Bot()
    for title, _root in screens.lock_pages(window):
        wait_for_walker(title)
    screens.unlock(bot, window)
    for title, _root in dialog_secrets(window):
        wait_for_walker(title)
    activate(window)  # the Change passphrase dialog was the active window
    for title, _root in body_actions(window):
        wait_for_walker(title)
    for title, _root in keyboard_actions(window):
        wait_for_walker(title)
    for title, _root in screens.area_screens(bot, window):
        wait_for_walker(title)
    for title, _root in screens.dialogs(window, store):
        wait_for_walker(title)
    activate(window)  # the last dialog was the active window
    for title, _root in screens.together_session(window):
        wait_for_walker(title)
    screens.area(window, "together").session_page.leave_button.click()  # type: ignore[attr-defined]
    raise SystemExit("leaving Together did not lock and replace the process")


def after_hard_lock(window: MainWindow) -> None:
    """The fresh process: the lock screen, the restore dialog over it, an unlock."""
    wait_for_walker("After the hard lock: unlock")
    for title, _root in screens.locked_dialogs(window):
        wait_for_walker(title)
    screens.unlock(_Bot(), window)
    wait_for_walker("After the hard lock: unlocked again")


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Solace")
    fresh = BUS_DATA_ENV in os.environ
    data = Path(os.environ.get(BUS_DATA_ENV) or tempfile.mkdtemp(prefix="solace-bus-"))
    os.environ[BUS_DATA_ENV] = str(data)
    store = JournalStore(data)
    try:  # not left behind (the hard lock's execv never returns here)
        if not fresh:
            journal, _ = store.create("Bus journal", PASSPHRASE, LIGHT_KDF)
            journal.confirm_recovery_key()
            journal.lock()
        window = MainWindow(store, Settings(data), LIGHT_KDF)
        window.locked.connect(lambda: _hard_lock(window))  # as journal.app does
        window.replaces_process = lambda: _replaces(window)
        window.resize(1100, 740)
        window.show()
        wait(500)
        if fresh:
            after_hard_lock(window)
        else:
            first_process(window, store)
        window.closing = True  # the last lock quits instead of restarting
        window.lock()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

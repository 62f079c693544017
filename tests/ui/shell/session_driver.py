"""Drives a real Solace process, for the tests that must watch a whole process:
memory after a hard lock, D-Bus triggers, sockets, file modes.

usage: session_driver.py DATA_DIR SCENARIO   (SCENARIO: lock, wait, full, pages)

The first incarnation reads one JSON line on stdin, {"passphrase": ..., "words": ...},
so that no secret or canary is written in this file or its arguments (the process
that replaces itself after a lock loads this file again; what it holds must come
from nowhere but the lock screen). It then:

* lock: unlocks, writes ``words`` into a new entry, prints "locking <t>" and locks
  with the Lock action (Ctrl+L);
* wait: unlocks, prints "unlocked <t>" and waits for a lock trigger from outside;
* full: creates a journal through the welcome and create pages (confirming its
  recovery key without printing it), writes an entry, a body log and a library
  search, opens and saves Settings, then locks as "lock" does;
* held: unlocks, writes ``words`` into a new entry, then puts a folder where the
  sealed draft file is written first (``.drafts.sealed.tmp``: it cannot be written),
  limits the size any file may grow to (RLIMIT_FSIZE, ``limit`` bytes: the database
  cannot take the words, as on a full disk) and locks as "lock" does;
* close-unlocking: presses Unlock and, while the key is still being derived, closes
  the window (printing "closing-busy <t>", or "closing-idle <t>" if the unlock had
  already ended);
* typed: unlocks, writes ``words`` into a new entry (no pause for the autosave),
  prints "typed <t>" and waits, as "wait" does (for a stop signal from outside);
* replaced: unlocks a journal whose recovery key was never confirmed, prints
  "value key <recovery key>" once the new key is on screen and locks there with
  Ctrl+L.

The process that follows a hard lock prints "painted <t>" once its lock screen has
painted, then obeys stdin lines: "unlock <passphrase>" (prints "unlocked <t>"),
"recover <recovery key> <new passphrase>" (unlocks with the recovery key, types the
new passphrase on "Choose a new passphrase" and locks there with Ctrl+L),
"write <words> <passphrase>" (unlocks, writes the words in a new entry, Ctrl+L),
"room" (lifts the file-size limit), "read" (prints "value editor <the journal
editor's text>") and "quit" (closes the window; a question it asks on the way is
printed as "value question <its text>" and answered "Keep Solace open", after which
the process replaces itself again, or prints "kept-open <t>" if it did not).
"painted" is preceded by "value notice <the lock screen's message>". If the app
locked without replacing itself, "painted-in-place <t>" is printed instead, and the
same commands work. Times are time.time() seconds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

HANDOVER_ENV = "SOLACE_LOCK_HANDOVER"


def say(line: str) -> None:
    sys.stdout.write(f"{line} {time.time():.6f}\n")
    sys.stdout.flush()


def window():  # type: ignore[no-untyped-def]
    from journal.ui.shell.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def painted(win, what: str) -> None:  # type: ignore[no-untyped-def]
    win.repaint()
    notice = win.lock_screen.unlock_page.error.text().replace("\n", " ")
    sys.stdout.write(f"value notice {notice}\n")
    say(what)


def answer_question() -> None:
    """Print a question asked on quitting and answer "Keep Solace open"."""
    from PySide6.QtWidgets import QMessageBox

    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, answer_question)
        return
    sys.stdout.write(f"value question {box.text()}\n")
    keep = next(b for b in box.buttons() if b.text() == "Keep Solace open")
    keep.click()


def quit_app() -> None:
    win = window()
    QTimer.singleShot(0, answer_question)
    if win.close():
        QApplication.quit()
    else:
        say("kept-open")


def unlock(passphrase: str, then) -> None:  # type: ignore[no-untyped-def]
    win = window()
    page = win.lock_screen.unlock_page

    def opened() -> None:
        win.opened.disconnect(opened)
        win.repaint()
        then()

    win.opened.connect(opened)
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    confirm_any_new_recovery_key()


def close_while_unlocking(passphrase: str) -> None:
    win = window()
    page = win.lock_screen.unlock_page
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    say("closing-busy" if win.lock_screen.busy else "closing-idle")
    win.close()


def confirm_any_new_recovery_key() -> None:
    """A journal whose recovery key was never confirmed shows a new one first: "written
    down", Continue (not printed)."""
    win = window()
    screen = win.lock_screen
    if not win.is_locked:
        return
    if screen.currentWidget() is screen.key_page and screen.key_page.recovery_key:
        screen.key_page.confirm.setChecked(True)
        screen.key_page.continue_button.click()
        return
    QTimer.singleShot(20, confirm_any_new_recovery_key)


def obey_commands() -> None:
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read() -> None:
        line = sys.stdin.readline().strip()
        if not line:
            notifier.setEnabled(False)
            window().close()
            QApplication.quit()
        elif line == "quit":
            quit_app()
        elif line == "room":
            import resource

            _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
            say("room")
        elif line == "read":
            entries = next(a for a in window().areas if a.area_id == "journal")
            text = entries.editor.body.toPlainText().replace("\n", " ")
            sys.stdout.write(f"value editor {text}\n")
            say("read")
        elif line.startswith("unlock "):
            unlock(line.split(" ", 1)[1], lambda: say("unlocked"))
        elif line.startswith("recover "):
            _, key, passphrase = line.split(" ", 2)
            recover(key, passphrase)
        elif line.startswith("write "):
            _, words, passphrase = line.split(" ", 2)
            unlock(passphrase, lambda: (write_entry(words), lock_with_keys()))

    notifier.activated.connect(read)
    obey_commands.notifier = notifier  # type: ignore[attr-defined]


def when_shown(page, then) -> None:  # type: ignore[no-untyped-def]
    """Call ``then`` once the lock screen shows ``page`` (polled: it follows key work)."""
    screen = window().lock_screen
    if screen.currentWidget() is page:
        then()
    else:
        QTimer.singleShot(20, lambda: when_shown(page, then))


def recover(key: str, passphrase: str) -> None:
    screen = window().lock_screen
    QTest.mouseClick(screen.unlock_page.recovery_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(screen.recovery_page.key, key)
    QTest.mouseClick(screen.recovery_page.unlock_button, Qt.MouseButton.LeftButton)
    page = screen.new_passphrase_page

    def choose() -> None:
        QTest.keyClicks(page.passphrase.first, passphrase)
        QTest.keyClicks(page.passphrase.second, passphrase)
        lock_with_keys()

    when_shown(page, choose)


def lock_with_keys() -> None:
    """Ctrl+L typed on the window (on the lock screen's pages as in a journal)."""
    win = window()
    win.activateWindow()
    say("locking")
    QTest.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    QTimer.singleShot(0, lambda: (painted(win, "painted-in-place"), obey_commands()))


def show_new_recovery_key_then_lock(config: dict[str, str]) -> None:
    screen = window().lock_screen
    QTest.keyClicks(screen.unlock_page.passphrase, config["passphrase"])
    QTest.mouseClick(screen.unlock_page.unlock_button, Qt.MouseButton.LeftButton)

    def shown() -> None:
        sys.stdout.write(f"value key {screen.key_page.recovery_key}\n")
        lock_with_keys()

    when_shown(screen.key_page, shown)


def lock_now() -> None:
    win = window()
    say("locking")
    win.lock_action.trigger()  # the action Ctrl+L triggers
    # Only reached in this process if it did not replace itself straight away.
    QTimer.singleShot(0, lambda: (painted(win, "painted-in-place"), obey_commands()))


def write_entry(words: str) -> None:
    win = window()
    entries = next(a for a in win.areas if a.area_id == "journal")
    QTest.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(entries.editor.body, words)


def full_session(config: dict[str, str]) -> None:
    win = window()
    screen = win.lock_screen
    screen.show_create()
    QTest.keyClicks(screen.create_page.name, "Driven journal")
    screen.create_page.passphrase.first.setText(config["passphrase"])
    screen.create_page.passphrase.second.setText(config["passphrase"])

    def created() -> None:
        if screen.currentWidget() is not screen.key_page:
            QTimer.singleShot(20, created)
            return
        win.opened.connect(opened)
        screen.key_page.confirm.setChecked(True)
        screen.key_page.continue_button.click()

    def opened() -> None:
        write_entry(config["words"])
        body = next(a for a in win.areas if a.area_id == "body")
        win.show_area(body)
        QTest.keyClicks(body.form.note, "a note about today")
        library = next(a for a in win.areas if a.area_id == "library")
        win.show_area(library)
        QTest.keyClicks(library.browser.search, "bleeding")
        win.show_settings()
        QTimer.singleShot(50, save_settings)

    def save_settings() -> None:
        dialog = win.settings_dialog
        if dialog is not None:
            dialog.accept()
        QTimer.singleShot(50, lock_now)

    screen.create_page.create_button.click()
    QTimer.singleShot(20, created)


def first_incarnation() -> None:
    config = json.loads(sys.stdin.readline())
    scenario = sys.argv[2]
    if scenario == "full":
        full_session(config)
    elif scenario == "replaced":
        show_new_recovery_key_then_lock(config)
    elif scenario == "held":

        def write_then_lock() -> None:
            import resource

            write_entry(config["words"])
            blocker = window().journal.folder / ".drafts.sealed.tmp"
            blocker.mkdir()  # where the sealed file is written first: it cannot be
            (blocker / "in the way").write_text("")
            _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (int(config["limit"]), hard))
            lock_now()

        unlock(config["passphrase"], write_then_lock)
    elif scenario == "close-unlocking":
        close_while_unlocking(config["passphrase"])
    elif scenario == "wait":
        unlock(config["passphrase"], lambda: (say("unlocked"), obey_commands()))
    elif scenario == "typed":
        unlock(
            config["passphrase"],
            lambda: (write_entry(config["words"]), say("typed"), obey_commands()),
        )
    else:
        unlock(config["passphrase"], lambda: (write_entry(config["words"]), lock_now()))


def main() -> int:
    relocked = HANDOVER_ENV in os.environ
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if relocked:
        QTimer.singleShot(0, lambda: (painted(window(), "painted"), obey_commands()))
    else:
        QTimer.singleShot(0, first_incarnation)
    from journal.app import main as solace_main

    code = solace_main(["solace", "--data-dir", sys.argv[1]])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())

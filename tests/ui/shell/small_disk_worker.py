"""Locks with unsaved words on a really full, small file system (a tmpfs), for
test_small_disk.py. Run inside ``unshare --user --map-root-user --mount`` so that the
tmpfs can be mounted without privileges and vanishes with the process.

usage: small_disk_worker.py MOUNT_POINT

Prints one JSON object: the lock screen's notice after the lock, whether the words
are held in memory only, whether the sealed file was beside the journal, and the
journal editor's text after the disk had room again and the journal was unlocked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

PASSPHRASE = "quiet river stone lantern"
SAVED, UNSAVED = "First saved line. ", "Words typed as the disk filled"


def wait_until(check, timeout_ms: int = 60_000) -> None:  # type: ignore[no-untyped-def]
    loop_timer = QTimer()
    loop_timer.setSingleShot(True)
    loop_timer.start(timeout_ms)
    while not check():
        if not loop_timer.isActive():
            raise TimeoutError("the app did not get there")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main() -> None:
    mount = Path(sys.argv[1])
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    app = QApplication([])
    from journal.settings import Settings
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore
    from journal.ui.shell.main_window import MainWindow

    data = mount / "data"
    data.mkdir(mode=0o700)
    store = JournalStore(data)
    created, _ = store.create("Full", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    window = MainWindow(store, Settings(data), LIGHT_KDF)
    window.show()

    def unlock() -> None:
        window.lock_screen.unlock_page.passphrase.setText(PASSPHRASE)
        window.lock_screen.unlock_page.unlock_button.click()
        wait_until(lambda: not window.is_locked)

    unlock()
    entries = next(a for a in window.areas if a.area_id == "journal")
    QTest.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(entries.editor.body, SAVED)
    entries.save_pending()
    QTest.keyClicks(entries.editor.body, UNSAVED)  # no pause: not saved yet
    filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(filler, b"\0" * 4096)
    except OSError:
        pass  # the disk is full
    folder = window.held_drafts  # None: nothing held yet
    journal_folder = store.journals()[0].folder
    window.lock()  # Ctrl+L (not replaced: the test reads this process)
    result = {
        "notice": window.lock_notice,
        "held": window.holds_sealed_drafts,
        "sealed_file": (journal_folder / "drafts.sealed").exists(),
        "held_before": folder is not None,
    }
    os.close(filler)
    os.unlink(mount / "filler")  # room again
    window.held_words.try_writing()
    unlock()
    entries = next(a for a in window.areas if a.area_id == "journal")
    result["editor"] = entries.editor.body.toPlainText()
    window.lock()
    print(json.dumps(result), flush=True)
    app.quit()


if __name__ == "__main__":
    main()

"""A canary: words written through the app appear nowhere outside the encrypted
database: not in any file of the data folder, the temp folder, the settings file,
or the log."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

CANARY = "Quillfeather"
CANARY_TAG = "marrowlight"


def area(window, area_id: str):
    return next(a for a in window.areas if a.area_id == area_id)


def files_under(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path.is_symlink():
                continue
            stat = path.stat()
        except OSError:
            continue
        if stat.st_size <= 50_000_000:
            found.append(path)
    return found


def holds_canary(path: Path) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    needles = [w.encode(enc) for w in (CANARY, CANARY_TAG) for enc in ("utf-8", "utf-16-le")]
    return any(n in raw or n.lower() in raw.lower() for n in needles)


def test_words_written_through_the_app_leave_no_plaintext_trace(
    qtbot, unlocked_window, data_dir, caplog, tmp_path, monkeypatch
):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    caplog.set_level(logging.DEBUG)
    window = unlocked_window
    journal = area(window, "journal")
    qtbot.mouseClick(journal.new_button, Qt.MouseButton.LeftButton)
    editor = journal.editor
    qtbot.keyClicks(editor.title, f"{CANARY} at dusk")
    qtbot.keyClicks(editor.body, f"I wrote {CANARY} here, and #{CANARY_TAG} too.")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass
    qtbot.keyClicks(journal.search.field, CANARY[:5])
    body = area(window, "body")
    qtbot.keyClicks(body.form.note, f"{CANARY} in a body note")
    window.lock()

    database = next(data_dir.rglob("journal.db"))
    assert not database.read_bytes().startswith(b"SQLite format 3")
    leaks = [p for p in files_under(data_dir) if holds_canary(p)]
    assert Path(tempfile.gettempdir()) == temp
    leaks += [p for p in files_under(temp) if holds_canary(p)]
    assert leaks == []
    assert (data_dir / "settings.ini").exists()
    assert CANARY.lower() not in caplog.text.lower()
    assert CANARY not in window.windowTitle()

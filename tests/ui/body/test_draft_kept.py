"""A body log filled in and not yet saved is kept in the journal as it is typed, as the
Journal's words are: a crash or a power cut lost all of it, since the form's draft was
written only at a lock or a quit (break test 46, F1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journal.settings import Settings
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.body import area as area_module
from journal.ui.body.area import DRAFT_KEPT_AFTER_MS, BodyArea
from journal.ui.common.area import AppContext
from tests.conftest import PASSPHRASE
from tests.killed import killed_after
from tests.ui.body.support import body_area  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[3]
NOTE = "Cramps came back after lunch"

WORKER = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from journal.settings import Settings
from journal.storage.lock.store import JournalStore
from journal.ui.body.area import BodyArea
from journal.ui.common.area import AppContext

data, folder, passphrase, note = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], sys.argv[5]
app = QApplication([])
journal = JournalStore(data).unlock(folder, passphrase)
area = BodyArea()
area.show()
area.open_journal(AppContext(journal, Settings(data), lambda url: None))
form = area.form
QTest.keyClicks(form.temperature, "38.2")
QTest.keyClicks(form.note, note)
print("typed", flush=True)
area._draft_timer.timeout.connect(lambda: print("kept", flush=True))  # after the write
app.exec()
"""


@pytest.mark.slow
def test_a_log_filled_in_and_not_saved_survives_a_kill(qtbot, tmp_path, data_dir):  # type: ignore[no-untyped-def]
    store = JournalStore(data_dir)
    journal, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    folder = journal.folder
    journal.lock()
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    waited = killed_after(
        script, [str(ROOT), str(data_dir), str(folder), PASSPHRASE, NOTE], "typed", "kept"
    )
    assert waited < 3.0  # kept about a second after the last key

    reopened = store.unlock(folder, PASSPHRASE)
    area = BodyArea()
    qtbot.addWidget(area)
    try:
        area.open_journal(AppContext(reopened, Settings(data_dir), lambda _url: None))
        assert area.form.temperature.text() == "38.2"
        assert area.form.note.toPlainText() == NOTE
    finally:
        area.clear()
        reopened.lock()


def test_the_draft_follows_the_form_and_goes_with_its_save(
    qtbot,  # type: ignore[no-untyped-def]
    body_area: BodyArea,  # noqa: F811
    journal: OpenJournal,
) -> None:
    repository = BodyRepository(journal.db)
    form = body_area.form
    qtbot.keyClicks(form.note, NOTE)

    def kept_note() -> str:
        draft = repository.draft()
        return "" if draft is None else str(json.loads(draft)["note"])

    qtbot.waitUntil(lambda: kept_note() == NOTE, timeout=DRAFT_KEPT_AFTER_MS * 3)
    qtbot.keyClicks(form.note, " again")
    qtbot.waitUntil(lambda: kept_note() == f"{NOTE} again", timeout=DRAFT_KEPT_AFTER_MS * 3)
    form.note.setFocus()
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save
    (saved,) = repository.logs()
    assert saved.note == f"{NOTE} again"
    assert repository.draft() is None  # forgotten with the save, in its transaction
    qtbot.wait(DRAFT_KEPT_AFTER_MS * 2)
    assert repository.draft() is None and len(repository.logs()) == 1


def test_a_draft_put_back_at_the_unlock_stays_kept(
    qtbot,  # type: ignore[no-untyped-def]
    journal: OpenJournal,
    settings: Settings,
) -> None:
    """Taken out of the journal as the form showed it, a draft was lost to a crash
    before any change was made to it."""
    first = BodyArea()
    qtbot.addWidget(first)
    first.open_journal(AppContext(journal, settings, lambda _url: None))
    qtbot.keyClicks(first.form.temperature, "38.4")
    first.save_pending()  # as a lock keeps it
    first.clear()
    again = BodyArea()
    qtbot.addWidget(again)
    again.open_journal(AppContext(journal, settings, lambda _url: None))
    assert again.form.temperature.text() == "38.4"
    draft = BodyRepository(journal.db).draft()
    assert draft is not None and json.loads(draft)["temperature"] == "38.4"
    again.clear()


def test_changes_that_never_pause_are_kept_all_the_same(
    qtbot,  # type: ignore[no-untyped-def]
    body_area: BodyArea,  # noqa: F811
    journal: OpenJournal,
    monkeypatch,
) -> None:
    """Kept at a pause, not at each key (a write waits for the disk on the window's
    thread), and within a few seconds however the typing goes on; here the same rule
    with shorter times (a pause of 0.2 s, at the latest 1 s)."""
    monkeypatch.setattr(area_module, "DRAFT_KEPT_AFTER_MS", 200)
    monkeypatch.setattr(area_module, "DRAFT_KEPT_WITHIN_MS", 1000)
    body_area._draft_timer.stop()  # the form's opening changed it too
    body_area._draft_timer.setInterval(200)
    writes: list[bool] = []
    body_area._draft_timer.timeout.connect(lambda: writes.append(True))
    repository = BodyRepository(journal.db)
    form = body_area.form
    kept_while_typing = False
    for _key in range(20):  # a key every 0.1 s for 2 s, never a pause of 0.2 s
        qtbot.keyClicks(form.note, "a")
        qtbot.wait(100)
        kept_while_typing = kept_while_typing or repository.draft() is not None
    assert kept_while_typing
    assert len(writes) <= 2  # once a second at most, not at each key

"""The import's preview (what would come in) is heard before anything is written, and
is the description of "Import", where the focus goes (break test 15 of session 12,
finding 2: it was a silent label change; "Import, button" was all that was heard).
Qt's file chooser is answered here (see `test_file_places.Choosers`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage import migrate
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.safekeeping.export import export_journal
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.accessibility.conftest import Recorder
from tests.ui.safekeeping.test_export_import_dialogs import panel_of
from tests.ui.safekeeping.test_file_places import Choosers


def test_the_import_preview_is_said_and_describes_import(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, tmp_path, monkeypatch, a11y_events: Recorder
):
    other, _ = store.create("Another", PASSPHRASE, LIGHT_KDF)
    write_entries(other, 4, word="from elsewhere")
    result = export_journal(other.db, tmp_path, sorted(migrate.current_revisions(other.db.engine)))
    other.lock()
    choosers = Choosers(monkeypatch)
    choosers.answer = str(result.folder / "journal.json")
    dialog = panel_of(unlocked_window).show_import()
    dialog.file_button.setFocus()
    a11y_events.clear()
    qtbot.keyClick(dialog.file_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    summary = dialog.summary.text()
    assert "4 new entries would be added." in summary
    assert summary in a11y_events.announcements(assertive=False)
    assert QApplication.focusWidget() is dialog.import_button
    assert dialog.import_button.accessibleDescription() == summary
    dialog.reject()

"""An empty file chosen in Import or in Restore is said to be empty, in plain words,
with what was (not) done (issue 16 break test of session 24, F5): Import said
"The file is not valid JSON; it may be cut short.", Restore "…it is not an archive
Solace wrote." Real encrypted journals; the dialogs as a person uses them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from journal.ui.safekeeping.import_dialog import ImportDialog
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import digest
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog


def test_import_says_a_chosen_empty_file_is_empty(qtbot, journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    for name in ("journal.json", "export.zip", "note.md", "my.journal"):
        chosen = tmp_path / name
        chosen.write_bytes(b"")

        dialog.choose(chosen)
        qtbot.waitUntil(
            lambda: dialog.error.isVisible() and not dialog.working, timeout=UNLOCK_WAIT_MS
        )

        assert dialog.error.text() == (
            f"Solace could not import \u201c{name}\u201d. This file is empty: it holds "
            "nothing to import. Nothing was imported."
        )
    dialog.reject()


def test_restore_says_a_chosen_empty_file_is_empty_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, store, journal, tmp_path: Path
) -> None:
    dialog = shown_restore_dialog(qtbot, store, journal)
    before = digest(store.data_dir)
    empty = tmp_path / "Solace backup.solacebackup"
    empty.write_bytes(b"")

    dialog.choose_file(empty)
    said = "This file is empty, so it holds no backup. Nothing has been changed."
    assert dialog.error.isVisible() and dialog.error.text() == said
    # Restore pressed anyway: the same words, and nothing changed.
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.restoring, timeout=UNLOCK_WAIT_MS)
    assert dialog.error.text() == said
    assert digest(store.data_dir) == before

"""Export's buttons stay where they are when its Folder refusal appears and goes, in a
process where a main window has run first (issue 10): there, the empty Folder note was
laid out 144 px tall against the 54 px of the refusal, and the dialog shrank from 510 to
420 px under the pointer when the refusal showed. A wrapped label kept the size hint it
measured while first fitted at a few pixels wide (its minimum then), and a note's hint
was its height at a width of QLabel's guess, not at the width it has."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.common.test_message_room import _settle, _where


def test_export_folder_refusal_moves_no_button_after_a_main_window_ran(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, request
) -> None:
    from journal.ui.safekeeping.export_dialog import NO_FOLDER, ExportDialog

    window = unlocked_window  # a main window has run: its style and app-wide filters
    _settle(qtbot)
    dialog = ExportDialog(window.journal, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    note = dialog.folder_note
    buttons = (dialog.export_button, dialog.footer.buttons)
    before = [_where(button) for button in buttons]
    # The pointer on Export, which Enter presses: a pointer left over the fields by an
    # earlier test would keep them still instead (`fit.grow_at_top`).
    qtbot.mouseMove(dialog.export_button)
    qtbot.keyClicks(dialog.passphrase, "anything")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # no folder chosen yet
    qtbot.waitUntil(lambda: note.text() == NO_FOLDER)
    _settle(qtbot)
    assert [_where(button) for button in buttons] == before  # the refusal appeared
    assert note.height() >= note.heightForWidth(note.width())  # said whole

    # A short path, shown on one line as "No folder chosen yet" was: only the note goes.
    folder = Path(tempfile.mkdtemp(prefix="x"))
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    dialog.choose_folder(folder)
    assert not note.text()
    _settle(qtbot)
    assert [_where(button) for button in buttons] == before  # the refusal went
    dialog.reject()

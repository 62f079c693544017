"""An import keeps what the areas hold back for the person (re-test 53, R1): after it,
every area is shown afresh, and that let go of Together's responses kept from the last
lock (those whose entries are no longer shared too) and of an idea typed and not added
in the Library, without a word."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.safekeeping.import_dialog import ImportDialog
from journal.ui.together.area import RESPONSE_KEPT
from tests.ui.library.test_ideas import _open_ideas, library
from tests.ui.together.support import open_together, seeded, together, unlock_owner


def import_one_entry(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """File > Import… a jrnl file of one entry, through the dialog, to its end."""
    small = tmp_path / "small.json"
    entries = [{"date": "2020-01-02", "time": "09:00", "title": "Day", "body": "b"}]
    small.write_text(json.dumps({"tags": {}, "entries": entries}))
    window.show_import()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)]
    qtbot.waitExposed(dialog)
    dialog.choose(small)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_an_import_keeps_a_response_and_an_idea_held_for_the_person(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, tmp_path: Path
) -> None:
    window = unlocked_window
    folder = seeded(window, store)
    page = open_together(qtbot, window, folder).session_page.reader.page
    entry = page.item.entry_id
    qtbot.keyClicks(page.respond_box, "Not kept yet")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock_owner(qtbot, window)
    ideas = _open_ideas(qtbot, window).ideas
    ideas.new_title.setFocus()
    qtbot.keyClicks(ideas.new_title, "Reading aloud")

    import_one_entry(qtbot, window, tmp_path)

    assert library(window).ideas.new_title.text() == "Reading aloud"
    assert together(window).start.kept_note.text() == RESPONSE_KEPT
    window.activateWindow()  # the dialog closed: the window is the person's again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    page = open_together(qtbot, window, folder).session_page.reader.page
    assert page.item.entry_id == entry
    assert page.respond_box.toPlainText() == "Not kept yet"

"""An import that went through while no backup holding it could be made for lack of
room says so in one sentence (break test 16 of session 19, finding 3's second place):
"6 entries were imported. … could be made just now: There is not enough free space …
Nothing has been changed. Please free some space and try again. Solace tries again
when you lock or close it." The real dialog, over a real journal."""

from __future__ import annotations

from journal.errors import DiskFull
from journal.storage.safekeeping.importer import ImportResult
from journal.ui.safekeeping.import_dialog import ImportDialog


def test_an_import_whose_backup_found_no_room_says_so_in_one_sentence(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    dialog = ImportDialog(unlocked_window.journal, unlocked_window)
    qtbot.addWidget(dialog)
    no_room = DiskFull("make a backup of your journal", 254_000)
    result = ImportResult(6, 0, no_room.message, backup_room_needed=no_room.needed)
    with qtbot.waitSignal(dialog.imported) as said:
        dialog._done(result)
    (text,) = said.args
    assert text.startswith("6 entries were imported.")
    assert "Nothing has been changed" not in text
    assert "try again" not in text
    assert "could not be made yet, for lack of free space (it needs about 254" in text
    assert text.endswith("Solace makes it when you lock or close the journal, once there is room.")

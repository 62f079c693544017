"""A data folder picked for the partner's journal stands for the one journal in it
(break test 53, T7): the folder ``--data-dir`` names, as the README's "Where your data
lives" describes it, was refused as holding no journal, and the partner had to find
``journals/<id>`` by its id."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.couples import PARTNER_PASSPHRASE
from tests.ui.together.support import seeded, together


def test_the_partners_data_folder_opens_their_journal(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, tmp_path: Path
) -> None:
    window = unlocked_window
    folder = seeded(window, store)
    theirs = tmp_path / "partner-data"
    shutil.copytree(folder, theirs / "journals" / folder.name)  # their own computer's
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    for picked in (theirs, theirs / "journals"):
        area.start.set_other_folder(picked)  # what "Choose a folder…" does with it
        assert area.start.chosen_folder() == theirs / "journals" / folder.name
        assert area.start.partner_problem == ""
    area.start.passphrase.setFocus()
    qtbot.keyClicks(area.start.passphrase, PARTNER_PASSPHRASE)
    with qtbot.waitSignal(area.exclusive, timeout=10_000):
        qtbot.keyClick(area.start.passphrase, Qt.Key.Key_Return)


def test_a_data_folder_of_several_journals_says_where_to_choose(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path: Path
) -> None:
    other = JournalStore(tmp_path / "family")
    for name in ("Alex", "Robin"):
        other.create(name, PARTNER_PASSPHRASE, LIGHT_KDF)[0].lock()
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    area.start.set_other_folder(tmp_path / "family")
    assert area.start.chosen_folder() is None
    assert "That folder holds 2 Solace journals, in its “journals” folder" in (
        area.start.partner_problem
    )

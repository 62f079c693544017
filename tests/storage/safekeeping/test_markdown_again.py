"""A folder of Markdown notes imported a second time adds nothing, though their files'
times changed (issue 16, break test of session 25, F1): notes with no date of their
own were dated by the file's modification time, which was part of what identified
them, so a copied or touched folder came in twice. A note whose words changed since is
new. Real files, the real import into a real SQLCipher journal."""

from __future__ import annotations

import os
from pathlib import Path

from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from journal.storage.safekeeping.importer import apply, existing_ids


def _notes(folder: Path) -> None:
    folder.mkdir()
    (folder / "walk.md").write_text("# By the river\n\nWe walked slowly.\n", encoding="utf-8")
    (folder / "letter.md").write_text("A letter I will not send.\n", encoding="utf-8")
    (folder / "dated.md").write_text("---\ndate: 2026-03-01\n---\nA quiet morning.\n")


def test_touched_notes_are_already_in_the_journal_and_changed_words_are_new(
    journal, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "notes"
    _notes(folder)
    assert apply(journal, plan_for(folder)).entries == 3

    for note in folder.iterdir():  # copied again, or opened and saved unchanged
        os.utime(note, (1_700_000_000, 1_700_000_000))
    again = preview(plan_for(folder), existing_ids(journal.db))
    assert (again.new, again.duplicates) == (0, 3)

    (folder / "letter.md").write_text("A letter I will not send. Not yet.\n", encoding="utf-8")
    changed = preview(plan_for(folder), existing_ids(journal.db))
    assert (changed.new, changed.duplicates) == (1, 2)

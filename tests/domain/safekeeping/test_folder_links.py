"""A Markdown folder with links to its own notes imports each note once, and says so
(break test 16 of session 12, finding 10: a note and two links to it became three
entries with three ids, nothing said)."""

from __future__ import annotations

import os

from journal.domain.safekeeping.sources import plan_for


def test_links_to_a_note_of_the_folder_are_read_once_and_named(tmp_path):
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.md").write_text("---\ntitle: Only once\ndate: 2021-05-05 10:00\n---\nWords.\n")
    os.symlink("b.md", folder / "a.md")  # the link found before the note it leads to
    os.symlink("../b.md", folder / "sub" / "c.md")
    os.link(folder / "b.md", folder / "d.md")  # a second name of the same file
    plan = plan_for(folder)
    (entry,) = plan.entries
    assert entry.title == "Only once"
    (note,) = plan.notes
    assert note.startswith("3 files were skipped: ")
    for name in ("a.md", "sub/c.md", "d.md"):
        assert f"“{name}” (the same file as “b.md”, read once)" in note

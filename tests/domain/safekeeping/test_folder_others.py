"""A folder chosen for Import says what it leaves out and where an export it cannot
read as a folder lies (break test 16 of session 23): a folder of exports (Day One
JSON, jrnl, RedNotebook) beside Markdown notes was offered as its Markdown files
alone, the rest left out without a word; RedNotebook's folder above "data" was
refused with no hint that its month files were one level down."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for

NOTE = "---\ndate: 2026-03-01\n---\nA quiet morning.\n"
MONTH = "1: {text: 'A walk by the river.'}\n"


def test_the_files_a_markdown_folder_leaves_out_are_named(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "morning.md").write_text(NOTE)
    (tmp_path / "dayone.json").write_text("{}")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / ".obsidian").mkdir()  # an app's own settings: not the person's
    (tmp_path / ".obsidian" / "app.json").write_text("{}")
    (tmp_path / ".DS_Store").write_bytes(b"\0")

    plan = plan_for(tmp_path)

    assert [e.body.strip() for e in plan.entries] == ["A quiet morning."]
    said = plan.notes[0]  # first: what is not imported at all
    assert said.startswith("2 other files in this folder are not imported")
    assert "\u201cdayone.json\u201d, \u201cpicture.png\u201d" in said  # the export first
    assert "1 of them looks like an export of another app" in said
    assert "app.json" not in said and "DS_Store" not in said


def test_a_markdown_folder_with_nothing_else_says_nothing_more(tmp_path: Path) -> None:
    (tmp_path / "morning.md").write_text(NOTE)
    assert not any("not imported" in note for note in plan_for(tmp_path).notes)


def test_the_folder_above_rednotebooks_month_files_says_where_they_are(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "2026-03.txt").write_text(MONTH)
    (tmp_path / "rednotebook.cfg").write_text("x")

    with pytest.raises(ImportRefused) as refused:
        plan_for(tmp_path)

    assert "RedNotebook month files are in \u201cdata\u201d inside it: choose that folder" in str(
        refused.value
    )
    assert plan_for(tmp_path / "data").entries  # and that folder imports

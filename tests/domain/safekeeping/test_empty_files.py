"""An empty file chosen for Import is said to be empty, whatever its kind (issue 16
break test of session 24, F5): a 0-byte JSON file was refused as "not valid
JSON; it may be cut short", a jrnl or text file as one with no dated line, and an
empty Markdown file was offered as an entry with no text. A text file of nothing but
spaces and line ends holds nothing either. Real files in tmp_path."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for

EMPTY = "This file is empty: it holds nothing to import."

# Every kind a file chosen on its own is read as (`sources._plan_for`).
NAMES = (
    "journal.json",  # Solace, Day One or jrnl JSON
    "Day One export.zip",  # Day One or RedNotebook backup zip
    "note.md",
    "note.markdown",
    "2024-06.txt",  # a RedNotebook month file
    "my.journal",  # jrnl's plain text
    "export.txt",
)

CONTENTS = {
    "0 bytes": b"",
    "spaces and line ends": b"  \n\t\r\n\n",
    "a UTF-8 byte-order mark alone": codecs.BOM_UTF8,
    "a UTF-16 byte-order mark and a line end": codecs.BOM_UTF16_LE + "\n".encode("utf-16-le"),
}


@pytest.mark.parametrize("name", NAMES)
def test_an_empty_file_of_any_kind_is_said_to_be_empty(tmp_path: Path, name: str) -> None:
    chosen = tmp_path / name
    chosen.write_bytes(b"")

    with pytest.raises(ImportRefused) as refused:
        plan_for(chosen)

    assert str(refused.value) == EMPTY


@pytest.mark.parametrize("name", [n for n in NAMES if not n.endswith(".zip")])
@pytest.mark.parametrize("content", list(CONTENTS), ids=list(CONTENTS))
def test_a_text_file_of_only_spaces_is_said_to_be_empty(
    tmp_path: Path, name: str, content: str
) -> None:
    chosen = tmp_path / name
    chosen.write_bytes(CONTENTS[content])

    with pytest.raises(ImportRefused) as refused:
        plan_for(chosen)

    assert str(refused.value) == EMPTY


@pytest.mark.parametrize("content", list(CONTENTS), ids=list(CONTENTS))
def test_an_empty_note_in_a_folder_is_left_out_and_named(tmp_path: Path, content: str) -> None:
    """Break test 38, finding 2: a folder's empty note came in as an entry with no text
    ("1 new entry would be added"), where the same file chosen alone is refused."""
    (tmp_path / "kept.md").write_text("A walk by the river.\n", encoding="utf-8")
    (tmp_path / "note.md").write_bytes(CONTENTS[content])

    plan = plan_for(tmp_path)

    assert [entry.body for entry in plan.entries] == ["A walk by the river."]
    assert "1 file holds nothing and is left out: \u201cnote.md\u201d." in plan.notes


def test_a_folder_of_empty_notes_is_said_to_hold_nothing(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_bytes(b"")
    (tmp_path / "other.md").write_bytes(b"\n\n")

    with pytest.raises(ImportRefused) as refused:
        plan_for(tmp_path)

    assert str(refused.value) == (
        "Every file Solace would import from this folder is empty, so nothing would be "
        "imported: \u201cnote.md\u201d, \u201cother.md\u201d."
    )


def test_an_empty_month_file_of_rednotebook_is_left_out_and_named(tmp_path: Path) -> None:
    (tmp_path / "2024-05.txt").write_text("6: {text: A quiet day.}\n", encoding="utf-8")
    (tmp_path / "2024-06.txt").write_bytes(b"")

    plan = plan_for(tmp_path)

    assert [entry.body for entry in plan.entries] == ["A quiet day."]
    assert "1 file holds nothing and is left out: \u201c2024-06.txt\u201d." in plan.notes

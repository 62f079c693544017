"""Plain-text sources cut short (a copy interrupted, a disk that filled): where the
format can tell, the preview says the end of the file may be missing, next to the
entry it concerns, and imports what is there (break test 16 of session 15, finding 4:
they came in silently, the last entry cut mid-word). Small files made here."""

from __future__ import annotations

from pathlib import Path

from journal.domain.safekeeping.sources import plan_for

JRNL = (
    "[2020-08-29 11:11] Entry the first.\n\nSome words of the first.\n\n"
    "[2020-08-31 14:32] A second entry.\n\nSome words of the second.\n"
)
MONTH = "8:\n  text: Some note long ago\n12:\n  text: A later note, written out whole\n"
NOTE = "---\ntitle: A note\ncreated: 2024-03-01 10:00\n---\n\nThe whole of the note.\n"
MISSING = "The end of this file"


def written(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_jrnl_journal_that_stops_mid_line_is_said_with_its_last_entry(tmp_path):
    plan = plan_for(written(tmp_path, "cut.journal", JRNL[:-12]))
    assert len(plan.entries) == 2
    (note,) = [n for n in plan.notes if MISSING in n]
    assert note.startswith("The end of this file may be missing")
    assert "[2020-08-31 14:32] A second entry." in note


def test_a_whole_jrnl_journal_says_nothing_of_a_missing_end(tmp_path):
    plan = plan_for(written(tmp_path, "whole.journal", JRNL))
    assert not [n for n in plan.notes if MISSING in n]


def test_a_whole_jrnl_journal_with_old_mac_line_ends_says_nothing_of_a_missing_end(tmp_path):
    """Break test 46, F5: lone carriage returns, every line read, and the end said to
    be missing."""
    path = tmp_path / "mac.journal"
    path.write_bytes(JRNL.replace("\n", "\r").encode("utf-8"))
    plan = plan_for(path)
    assert [e.title for e in plan.entries] == ["Entry the first.", "A second entry."]
    assert not [n for n in plan.notes if MISSING in n]
    cut = tmp_path / "mac-cut.journal"
    cut.write_bytes(JRNL.replace("\n", "\r")[:-12].encode("utf-8"))
    assert [n for n in plan_for(cut).notes if MISSING in n]


def test_a_rednotebook_month_that_stops_mid_line_is_said_with_its_day(tmp_path):
    plan = plan_for(written(tmp_path, "2023-06.txt", MONTH[:-8]))
    assert len(plan.entries) == 2
    (note,) = [n for n in plan.notes if MISSING in n]
    assert note.startswith("The end of this file, 2023-06.txt, may be missing")
    assert "day 12" in note
    assert not [n for n in plan_for(written(tmp_path, "2023-07.txt", MONTH)).notes if MISSING in n]


def test_a_markdown_note_cut_inside_its_front_matter_is_said_and_kept_whole(tmp_path):
    plan = plan_for(written(tmp_path, "cut.md", NOTE[:30]))
    (entry,) = plan.entries
    assert "title: A note" in entry.body  # nothing it held is lost
    (note,) = [n for n in plan.notes if MISSING in n]
    assert note.startswith("The end of this file, cut.md, may be missing")
    assert not [n for n in plan_for(written(tmp_path, "whole.md", NOTE)).notes if MISSING in n]

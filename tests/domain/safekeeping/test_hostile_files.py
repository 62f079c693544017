"""Files to import built to hurt (break test 16, N1 and N3): each is read at once,
whole, or refused with a reason; never a hang, never gigabytes, never one file
sinking the rest, never a word left out."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.safekeeping import rednotebook
from journal.domain.safekeeping.fitting import split_text
from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for


def local(wall: datetime) -> datetime:
    return wall.replace(tzinfo=UTC)


def billion_laughs(key: str) -> list[str]:
    """Nine levels of nine aliases: 9**9 "lol"s once expanded (about 3 GB as text)."""
    lines = [f'{key}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for before, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{key}{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    return lines


def test_front_matter_with_aliases_or_deep_nesting_is_kept_as_text_at_once(tmp_path: Path):
    bomb = ["---", "title: Bomb", *billion_laughs(""), "tags: *i", "date: 2024-05-01", "---"]
    (tmp_path / "bomb.md").write_text("\n".join([*bomb, "bomb body"]) + "\n")
    deep = "---\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\ndeep body\n"
    (tmp_path / "deep.md").write_text(deep)
    (tmp_path / "good.md").write_text("---\ntitle: Good\ndate: 2024-05-02\n---\nkept\n")
    started = time.process_time()
    plan = plan_for(tmp_path, local)
    assert time.process_time() - started < 20  # the old code ran for minutes (a guard)
    bodies = {e.title or e.body.split("\n")[1]: e.body for e in plan.entries}
    assert bodies["Good"] == "kept"
    assert len(plan.entries) == 3  # each file came in; the two bombs as their own text
    whole = [e.body for e in plan.entries if "bomb body" in e.body]
    assert whole == ["\n".join([*bomb, "bomb body"])]
    assert any("bomb.md" in note and "deep.md" in note for note in plan.notes)


def test_a_rednotebook_month_with_aliases_is_refused_not_expanded():
    month = "\n".join(["2:", *billion_laughs("  "), "3: {text: *i}"]) + "\n"
    good = "5: {text: a quiet day}\n"
    plan = rednotebook.parse_months([("2024-06.txt", month), ("2024-07.txt", good)], local)
    assert [e.body for e in plan.entries] == ["a quiet day"]
    assert any("2024-06.txt" in note for note in plan.notes)


def test_a_text_longer_than_an_entry_comes_in_as_parts_in_order_and_the_rest_too(
    tmp_path: Path,
):
    huge = "huge words " * 800_000 + "end"  # 8.8 million characters, as in the finding
    (tmp_path / "g.md").write_text(f"---\ntitle: Long\ndate: 2024-05-01\n---\n{huge}")
    (tmp_path / "h.md").write_text("---\ntitle: Short\ndate: 2024-05-02\n---\nsmall\n")
    plan = plan_for(tmp_path, local)
    parts = [e for e in plan.entries if e.title.startswith("Long")]
    assert [e.title for e in parts] == [f"Long (part {n} of 5)" for n in range(1, 6)]
    assert "".join(e.body for e in parts) == huge  # no word dropped, none doubled
    assert all(len(e.body) <= 2_000_000 for e in parts)
    assert len({e.id for e in plan.entries}) == 6
    assert [e.title for e in plan.entries if e.title == "Short"] == ["Short"]
    assert any("comes in as 5 entries" in note for note in plan.notes)
    assert plan_for(tmp_path, local).entries == plan.entries  # the same ids again


def test_a_solace_export_entry_whose_id_is_not_a_uuid_still_comes_in(tmp_path: Path):
    entry = {"id": "not-a-uuid", "created_at": "2026-10-01T11:00:00+00:00", "body": "mine"}
    document = {"format": "solace-export", "version": 1, "entries": [entry], "tables": {}}
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(document))
    (first,) = plan_for(path, local).entries
    assert first.body == "mine" and first.id != "not-a-uuid"
    assert plan_for(path, local).entries[0].id == first.id  # twice adds nothing


@given(st.text(st.characters(codec="utf-8"), max_size=300), st.integers(1, 40))
def test_split_text_keeps_every_character_within_the_limit(text: str, limit: int):
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(len(part) <= limit for part in parts)
    assert all(parts[:-1])  # no empty part before the last


def test_json_nested_too_deeply_is_refused_in_words_for_every_json_format(tmp_path: Path):
    """Break test 16 of the eighth session, finding 9: a 200 KB Day One-shaped file whose
    entries were 100,000 nested lists raised RecursionError inside the importer, and the
    person read "Something went wrong on Solace's side … restarting usually helps"."""
    deep = "[" * 100_000 + "]" * 100_000
    shapes = {
        "dayone.json": '{"metadata": {}, "entries": ' + deep + "}",
        "jrnl.json": '{"tags": {}, "entries": ' + deep + "}",
        "journal.json": '{"format": "solace-export", "version": 1, "entries": ' + deep + "}",
    }
    for name, text in shapes.items():
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(ImportRefused, match="nested too deeply"):
            plan_for(path, local)


def test_a_note_saved_as_utf16_comes_in_and_an_unreadable_one_is_left_out_by_name(
    tmp_path: Path,
):
    """Break test 16 of the eighth session, finding 18: one UTF-16 note refused a whole
    folder of notes with "The file is not UTF-8 text", naming no file."""
    note = "---\ntitle: {title}\ndate: 2024-03-01\n---\nSome words, \u00e9t\u00e9.\n"
    (tmp_path / "good.md").write_text(note.format(title="Good"), encoding="utf-8")
    (tmp_path / "windows.md").write_bytes(note.format(title="Windows").encode("utf-16"))
    (tmp_path / "latin.md").write_bytes(note.format(title="Latin").encode("latin-1"))
    plan = plan_for(tmp_path, local)
    assert sorted(e.title for e in plan.entries) == ["Good", "Windows"]
    assert any("\u201clatin.md\u201d" in n and "left out" in n for n in plan.notes)


def test_a_zip_is_read_as_a_zip_whatever_its_name(tmp_path: Path) -> None:
    """Break test 44, F3: a Day One export renamed ".json" was refused as "not UTF-8
    text"; a file is judged by what it holds, as a restore judges a backup."""
    import zipfile

    journal = {
        "metadata": {"version": "1.0"},
        "entries": [{"uuid": "A" * 32, "creationDate": "2024-03-01T09:00:00Z", "text": "kept"}],
    }
    renamed = tmp_path / "export.json"
    with zipfile.ZipFile(renamed, "w") as archive:
        archive.writestr("Journal.json", json.dumps(journal))
    (entry,) = plan_for(renamed, local).entries
    assert entry.body == "kept"


def test_a_note_in_another_encoding_is_refused_saying_what_to_do(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_bytes("Caf\u00e9 au lait\n".encode("latin-1"))
    with pytest.raises(ImportRefused) as refused:
        plan_for(note, local)
    said = str(refused.value)
    assert "save it again as UTF-8, and import that copy" in said
    assert "may not be a journal export" not in said


def test_a_folder_s_note_in_another_encoding_is_named_with_what_to_do(tmp_path: Path) -> None:
    """Re-test 44, N5: a Latin-1 note in a folder was left out with no word on what to
    do, while the same file chosen alone was told."""
    (tmp_path / "good.md").write_text("---\ntitle: Good\ndate: 2024-05-02\n---\nkept\n")
    (tmp_path / "old.md").write_bytes("Caf\u00e9\n".encode("latin-1"))
    plan = plan_for(tmp_path, local)
    (note,) = [n for n in plan.notes if "could not be read as text" in n]
    assert "“old.md”" in note and "save it again as UTF-8, and import that copy" in note

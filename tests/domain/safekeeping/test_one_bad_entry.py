"""One entry that cannot be read never refuses a whole file (break test 16 of session
10, finding 6: a jrnl journal with one impossible date was refused whole): it is left
out and named in the preview (where it is and why), and the others come in. Checked
for every importer: jrnl (text and JSON), Solace's own JSON, Day One, RedNotebook."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportRefused, preview
from journal.domain.safekeeping.sources import plan_for


def as_utc(wall: datetime) -> datetime:
    return wall.replace(tzinfo=UTC)


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def only_note(path: Path) -> tuple[int, str]:
    plan = plan_for(path, as_utc)
    (note,) = [n for n in preview(plan, []).notes if "could not be read" in n]
    return len(plan.entries), note


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_jrnl_journal_with_one_impossible_date_imports_the_others(tmp_path, where):
    entries = [
        "[2024-02-28 09:00] Before\nThe day before.\n",
        "[2024-03-01 09:00] After\nThe day after.\n",
    ]
    bad = "[2024-02-30 10:00] Never\nA day that never was.\n"
    at = {"first": 0, "middle": 1, "last": 2}[where]
    text = "\n".join([*entries[:at], bad, *entries[at:]])
    line = text.splitlines().index("[2024-02-30 10:00] Never") + 1

    found, note = only_note(written(tmp_path / "my.journal", text))

    assert found == 2
    assert note == (
        f"1 entry could not be read and is left out (line {line}, “[2024-02-30 10:00] "
        "Never”: there is no 30 February 2024); that holds none of the others back."
    )
    plan = plan_for(tmp_path / "my.journal", as_utc)
    assert {e.title for e in plan.entries} == {"Before", "After"}
    assert all("never was" not in e.body for e in plan.entries)  # not folded into another


def test_a_jrnl_export_with_one_impossible_date_imports_the_others(tmp_path):
    def entry(day: str, clock: str, title: str) -> dict[str, object]:
        return {"date": day, "time": clock, "title": title, "body": "words", "tags": []}

    document = {
        "tags": {},
        "entries": [
            entry("2024-03-01", "09:00", "good"),
            entry("2024-13-01", "09:00", "no such month"),
            entry("2024-03-02", "25:00", "no such hour"),
            entry("2024-03-03", "09:00", "also good"),
        ],
    }
    found, note = only_note(written(tmp_path / "jrnl.json", json.dumps(document)))
    assert found == 2
    assert note.startswith("2 entries could not be read and are left out (entry 2, “no such")
    assert "entry 2, “no such month”: “2024-13-01” is not a date (there is no month 13)" in note
    assert "entry 3, “no such hour”: there is no time 25:00 in a day" in note


def test_a_solace_export_with_one_bad_entry_imports_the_others(tmp_path):
    def entry(n: int, created: str) -> dict[str, object]:
        return {"id": f"00000000-0000-4000-8000-00000000000{n}", "created_at": created}

    document = {
        "format": "solace-export",
        "version": 1,
        "entries": [
            entry(1, "2024-03-01T09:00:00+00:00"),
            entry(2, "2024-02-30T09:00:00+00:00"),
            entry(3, "2024-03-03T09:00:00+00:00"),
        ],
        "tables": {},
    }
    found, note = only_note(written(tmp_path / "journal.json", json.dumps(document)))
    assert found == 2
    assert "(entry 2: there is no 30 February 2024)" in note


def test_a_day_one_export_names_the_entry_it_leaves_out(tmp_path):
    def entry(uid: str, created: str) -> dict[str, object]:
        return {"uuid": uid, "creationDate": created, "text": uid}

    document = {
        "metadata": {"version": "1.0"},
        "entries": [
            entry("A" * 32, "2024-03-01T09:00:00Z"),
            entry("B" * 32, "2023-02-29T09:00:00Z"),
        ],
    }
    found, note = only_note(written(tmp_path / "Journal.json", json.dumps(document)))
    assert found == 1
    assert "(entry 2, uuid BBBBBBBB…: there is no 29 February 2023)" in note


def test_a_rednotebook_month_with_one_impossible_day_keeps_its_other_days(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    written(folder / "2023-02.txt", "1: {text: The first}\n29: {text: Never}\n3: {text: Third}\n")
    found, note = only_note(folder)
    assert found == 2
    assert "(2023-02.txt, day 29: there is no 29 February 2023)" in note


def test_a_file_whose_every_entry_is_unreadable_is_refused_with_the_reasons(tmp_path):
    text = "[2024-02-30 10:00] Never\nwords\n\n[2023-02-29 10:00] Nor this\nwords\n"
    with pytest.raises(ImportRefused) as told:
        plan_for(written(tmp_path / "my.journal", text), as_utc)
    assert "None of the entries in this jrnl journal could be read" in str(told.value)
    assert "line 1" in str(told.value) and "there is no 29 February 2023" in str(told.value)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        (
            "jrnl.json",
            '{"tags": {}, "entries": [{"title": "Lone \\ud800 surrogate", "body": "b", '
            '"date": "2020-01-01", "time": "10:00", "starred": false, "tags": []}]}',
        ),
        (
            "dayone.json",
            '{"metadata": {"version": "1.0"}, "entries": [{"uuid": "A1", "text": '
            '"Lone \\udc00 surrogate", "creationDate": "2020-01-01T10:00:00Z", '
            '"timeZone": "UTC"}]}',
        ),
    ],
)
def test_a_broken_character_is_replaced_and_the_entry_comes_in(tmp_path, name, document):  # type: ignore[no-untyped-def]
    """Break test 16 of session 11, finding 8: half of a UTF-16 pair alone ("\\ud800",
    as a broken tool may write it) left the entry out "because its date cannot be
    read". It is shown as the replacement character and the entry comes in, dated."""
    plan = plan_for(written(tmp_path / name, document), as_utc)
    (entry,) = plan.entries
    assert "Lone \ufffd surrogate" in entry.title + entry.body
    assert entry.created_at == datetime(2020, 1, 1, 10, 0, tzinfo=UTC)
    assert not [n for n in preview(plan, []).notes if "could not be read" in n]


def test_a_tag_no_tag_field_can_make_is_renamed_and_said_in_a_solace_export(tmp_path):  # type: ignore[no-untyped-def]
    """Break test 16 of session 11, finding 9: a hand-edited Solace export brought in
    the tag "a b/c", which the tag field can never make, without a word. It follows
    the rule of every importer: renamed (a-b-c) and named in the preview; a tag Solace
    wrote ("grief") comes back as it was."""
    document = {
        "format": "solace-export",
        "version": 1,
        "entries": [
            {
                "id": "00000000-0000-4000-8000-000000000009",
                "created_at": "2020-01-01T10:00:00+00:00",
                "body": "words",
                "tags": ["grief", "a b/c"],
            }
        ],
    }
    plan = plan_for(written(tmp_path / "journal.json", json.dumps(document)), as_utc)
    (entry,) = plan.entries
    assert entry.tags == ("grief", "a-b-c")
    assert "\u201ca b/c\u201d is a-b-c" in " ".join(preview(plan, []).notes)


def test_each_importer_names_the_field_missing_or_not_written_as_a_date(tmp_path):
    """Break test 16 of session 23: "it has no date or no uuid" did not say which, and
    a date written as the number 1e400 was told as "“inf” is not a date"."""
    good = {"uuid": "A" * 32, "creationDate": "2024-03-01T09:00:00Z", "text": "kept"}
    day_one = {
        "metadata": {"version": "1.0"},
        "entries": [good, {"text": "no uuid", "creationDate": "2024-03-02T09:00:00Z"}],
    }
    _found, note = only_note(written(tmp_path / "Journal.json", json.dumps(day_one)))
    assert "(entry 2: it has no uuid)" in note
    numbered = json.dumps(day_one).replace('"2024-03-02T09:00:00Z"', "1e400")
    numbered = numbered.replace('"text": "no uuid"', '"uuid": "' + "B" * 32 + '", "text": "x"')
    _found, note = only_note(written(tmp_path / "Journal.json", numbered))
    assert "its date is a number, not a date written out" in note and "inf" not in note

    jrnl = {
        "tags": {},
        "entries": [
            {"date": "2024-03-01", "time": "09:00", "title": "kept", "body": ""},
            {"date": "2024-03-02", "title": "no time", "body": ""},
        ],
    }
    _found, note = only_note(written(tmp_path / "jrnl.json", json.dumps(jrnl)))
    assert "it has no time)" in note

"""One entry that cannot be read never refuses a whole file (break test 16 of session
10, finding 6: a jrnl journal with one impossible date was refused whole). One whose
date is no date comes in with its words, dated by its file, the date as written after
its words (break test 44, F1); one that cannot be read at all is left out and named in
the preview (where it is and why), and the others come in. Checked for every
importer: jrnl (text and JSON), Solace's own JSON, Day One, RedNotebook."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportedEntry, preview
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


def file_dated(path: Path) -> datetime:
    """When ``path`` was last changed, to the second, as the entries it cannot place are
    dated."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def by_title(path: Path) -> dict[str, ImportedEntry]:
    return {e.title or e.body.split("\n")[0]: e for e in plan_for(path, as_utc).entries}


def unplaced_note(path: Path, why: str = "that no calendar has") -> str:
    (note,) = [n for n in preview(plan_for(path, as_utc), []).notes if why in n]
    return note


def dated_by_its_file(entry: ImportedEntry, path: Path) -> bool:
    return abs(entry.created_at - file_dated(path)) < timedelta(seconds=2)


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_jrnl_journal_entry_with_an_impossible_date_comes_in_with_its_words(tmp_path, where):
    """Break test 44, F1: the entry was left out, words and all; only editing the file
    kept them. It comes in dated by the file, its date as written after its words."""
    entries = [
        "[2024-02-28 09:00] Before\nThe day before.\n",
        "[2024-03-01 09:00] After\nThe day after.\n",
    ]
    bad = "[2024-02-30 10:00] Never\nA day that never was.\n"
    at = {"first": 0, "middle": 1, "last": 2}[where]
    path = written(tmp_path / "my.journal", "\n".join([*entries[:at], bad, *entries[at:]]))

    found = by_title(path)

    assert set(found) == {"Before", "After", "Never"}
    never = found["Never"]
    assert never.body == "A day that never was.\n\nDate in the imported file: 2024-02-30 10:00"
    assert dated_by_its_file(never, path)
    assert found["Before"].body == "The day before."  # not folded into another
    assert "“Never” (2024-02-30 10:00)" in unplaced_note(path)
    assert "as written there on a line after the words" in unplaced_note(path)


def test_a_jrnl_export_entry_with_an_impossible_date_comes_in_with_its_words(tmp_path):
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
    path = written(tmp_path / "jrnl.json", json.dumps(document))
    found = by_title(path)
    assert len(found) == 4
    month, hour = found["no such month"], found["no such hour"]
    assert month.body == "words\n\nDate in the imported file: 2024-13-01 09:00"
    assert hour.body == "words\n\nDate in the imported file: 2024-03-02 25:00"
    assert dated_by_its_file(month, path) and dated_by_its_file(hour, path)
    assert found["good"].created_at == datetime(2024, 3, 1, 9, tzinfo=UTC)
    assert unplaced_note(path).startswith("2 entries have dates that no calendar has: ")
    assert "keeps dates from" not in unplaced_note(path)  # re-test 44, N4


def test_a_solace_export_entry_with_an_impossible_date_comes_in_with_its_words(tmp_path):
    def entry(n: int, created: str) -> dict[str, object]:
        return {
            "id": f"00000000-0000-4000-8000-00000000000{n}",
            "created_at": created,
            "body": f"entry {n}",
        }

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
    path = written(tmp_path / "journal.json", json.dumps(document))
    found = by_title(path)
    assert len(found) == 3
    assert found["entry 2"].body == (
        "entry 2\n\nDate in the imported file: 2024-02-30T09:00:00+00:00"
    )
    assert dated_by_its_file(found["entry 2"], path)


def test_a_day_one_entry_with_an_impossible_date_comes_in_with_its_words(tmp_path):
    def entry(uid: str, created: str) -> dict[str, object]:
        return {"uuid": uid, "creationDate": created, "text": uid}

    document = {
        "metadata": {"version": "1.0"},
        "entries": [
            entry("A" * 32, "2024-03-01T09:00:00Z"),
            entry("B" * 32, "2023-02-29T09:00:00Z"),
        ],
    }
    path = written(tmp_path / "Journal.json", json.dumps(document))
    found = by_title(path)
    assert len(found) == 2
    kept = found["B" * 32]
    assert kept.body == "B" * 32 + "\n\nDate in the imported file: 2023-02-29T09:00:00Z"
    assert dated_by_its_file(kept, path)


def test_a_rednotebook_day_its_month_has_not_comes_in_with_its_words(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    month = written(
        folder / "2023-02.txt", "1: {text: The first}\n29: {text: Never}\n3: {text: Third}\n"
    )
    found = by_title(folder)
    assert set(found) == {"The first", "Never", "Third"}
    assert found["Never"].body == "Never\n\nDate in the imported file: 2023-02-29"
    assert found["Never"].created_at.year == file_dated(month).year


def test_a_file_whose_every_date_is_impossible_comes_in_whole(tmp_path):
    """It was refused whole ("None of the entries … could be read"): every word is
    kept now, each entry with its date as written."""
    text = "[2024-02-30 10:00] Never\nwords\n\n[2023-02-29 10:00] Nor this\nwords\n"
    path = written(tmp_path / "my.journal", text)
    found = by_title(path)
    assert found["Never"].body == "words\n\nDate in the imported file: 2024-02-30 10:00"
    assert found["Nor this"].body == "words\n\nDate in the imported file: 2023-02-29 10:00"


def test_an_entry_far_in_the_future_keeps_its_date_after_its_words(tmp_path):
    """Break test 44, F2: a 2099 date was said in the preview only; once imported the
    entry held nothing of it."""
    path = written(tmp_path / "my.journal", "[2099-12-31 23:59] Far future\nWords.\n")
    (entry,) = plan_for(path, as_utc).entries
    assert entry.body == "Words.\n\nDate in the imported file: 2099-12-31 23:59"
    assert dated_by_its_file(entry, path)
    assert "“Far future” (2099-12-31 23:59)" in unplaced_note(path, "cannot place")


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


def test_a_day_one_tag_written_otherwise_is_named_with_its_new_name(tmp_path):  # type: ignore[no-untyped-def]
    """Break test 44, F5: "example tag" came in as example-tag and "another-Example_tag"
    in lower case without a word, while jrnl's renames were named."""
    document = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "A" * 32,
                "creationDate": "2024-03-01T09:00:00Z",
                "text": "words",
                "tags": ["example tag", "another-Example_tag", "grief"],
            }
        ],
    }
    path = written(tmp_path / "Journal.json", json.dumps(document))
    plan = plan_for(path, as_utc)
    (entry,) = plan.entries
    assert entry.tags == ("example-tag", "another-example_tag", "grief")
    (note,) = [n for n in preview(plan, []).notes if "new name" in n]
    assert "“example tag” is example-tag; “another-Example_tag” is another-example_tag." in note
    assert "grief" not in note

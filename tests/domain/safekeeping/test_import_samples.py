"""Every real export in ../shared/import-samples/ either gives entries with the right
local dates and text, or is refused with a clear reason. The files are read where
they are (never copied into the project); SOURCES.md there lists each edge case."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from journal.domain.safekeeping.imported import ImportPlan, ImportRefused, preview
from journal.domain.safekeeping.sources import plan_for
from tests.shared_files import SAMPLES

UTC_WALL = ZoneInfo("UTC")
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")


def as_utc_wall(wall: datetime) -> datetime:
    """Read zone-less times as UTC, so the expected instants are fixed in the test."""
    return wall.replace(tzinfo=UTC)


def plan(relative: str) -> ImportPlan:
    return plan_for(SAMPLES / relative, as_utc_wall)


def every_sample() -> list[str]:
    """Each importable thing: files, plus RedNotebook and Markdown folders as wholes."""
    if not SAMPLES.is_dir():
        return []
    found = [
        str(p.relative_to(SAMPLES))
        for p in sorted(SAMPLES.rglob("*"))
        if p.is_file() and p.name not in {"README.md", "SOURCES.md"}
    ]
    found += ["rednotebook/journal-a", "rednotebook/journal-b-synthetic"]
    found += [d.name for d in sorted(SAMPLES.iterdir()) if d.name.startswith("markdown")]
    return found


EMPTY = {"rednotebook/journal-a/2023-08.txt"}  # a month file holding only {}
REFUSED = {
    "jrnl-text/unreadable-dates.journal": "[YYYY-MM-DD HH:MM]",
    # A jrnl journal still, in day.month.year: said as one, with the date found (break
    # test 16 of session 20, L7: "does not look like a jrnl journal").
    "jrnl-text/little-endian-dates.journal": "This jrnl journal writes its dates as "
    "[09.06.2013 15:39]",
    "markdown-obsidian/bear-trashed.md": "in the trash of the app it came from",
}


@pytest.mark.parametrize("relative", every_sample())
def test_every_sample_imports_or_is_refused_with_a_reason(relative: str) -> None:
    if relative in REFUSED:
        with pytest.raises(ImportRefused) as raised:
            plan(relative)
        assert REFUSED[relative] in str(raised.value)
        return
    result = plan(relative)
    assert bool(result.entries) != (relative in EMPTY), relative
    for entry in result.entries:
        assert entry.created_at.utcoffset() == timedelta(0)
        assert "\\." not in entry.body and "\\-" not in entry.body  # escapes undone
        assert "dayone-moment:" not in entry.body
        assert "\ufeff" not in entry.title + entry.body
    ids = [e.id for e in result.entries]
    if relative != "dayone/macos-2024-invalid-text.json":
        assert len(set(ids)) == len(ids), "two entries share an id and one would be lost"


def local_days(result: ImportPlan) -> set[date]:
    return {e.local_day() for e in result.entries}


@pytest.fixture(params=["UTC", "America/Los_Angeles"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test machine's own zone (``TZ``): an entry's day never depends on it."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


# SOURCES.md: all-day entries at 2024-04-16T23:00Z in Europe/Dublin and 2024-04-17T23:00Z in
# Europe/London are local midnight in summer time (UTC+1), so on the next day; the other
# three London entries were written at 22:48, 22:55 and 23:45 local time.
DEV_JOURNAL_DAYS = [
    (date(2024, 4, 17), "Header 1", datetime(2024, 4, 16, 23, 0, tzinfo=UTC)),
    (date(2024, 4, 18), "Pariatur aute", datetime(2024, 4, 17, 23, 0, tzinfo=UTC)),
    (date(2024, 4, 19), "This text is in quotes", datetime(2024, 4, 19, 21, 48, 36, tzinfo=UTC)),
    (date(2024, 4, 19), "Ipsum labore", datetime(2024, 4, 19, 21, 55, 53, tzinfo=UTC)),
    (date(2024, 4, 21), "", datetime(2024, 4, 21, 22, 45, 51, tzinfo=UTC)),
]


@pytest.mark.parametrize(
    "relative", ["dayone/macos-2024-dev.json", "dayone/macos-2024-invalid-text.json"]
)
def test_day_one_entries_keep_the_instant_and_the_local_day_where_they_were_written(
    relative: str, machine_zone: str
) -> None:
    result = plan(relative)
    found = sorted(result.entries, key=lambda e: e.created_at)
    assert [(e.local_day(), e.created_at) for e in found] == [
        (day, moment) for day, _, moment in DEV_JOURNAL_DAYS
    ]
    for entry, (_, start, _) in zip(found, DEV_JOURNAL_DAYS, strict=True):
        assert start in entry.body
    walls = [e.created_at.astimezone(ZoneInfo(e.zone)) for e in found]
    assert [f"{w:%H:%M}" for w in walls] == ["00:00", "00:00", "22:48", "22:55", "23:45"]
    shown = preview(result, [])
    assert (shown.first, shown.last) == (date(2024, 4, 17), date(2024, 4, 21))


def test_day_one_all_day_entries_at_local_midnight_keep_their_day() -> None:
    result = plan("dayone/macos-2024-dev.json")
    moments = {e.created_at for e in result.entries}
    assert datetime(2024, 4, 16, 23, 0, tzinfo=UTC) in moments
    assert {date(2024, 4, 17), date(2024, 4, 18)} <= local_days(result)
    assert any("This-text-is-hyphenated" in e.body for e in result.entries)
    assert any("starred" in e.tags for e in result.entries)


def test_day_one_daylight_saving_and_escapes() -> None:
    result = plan("dayone/ios-2021-trip.json")
    assert len(result.entries) == 30
    assert {e.zone for e in result.entries} >= {"Australia/Sydney", "Australia/Brisbane"}
    assert any("(lunch)" in e.body for e in result.entries)
    assert any("🫐" in e.body for e in result.entries)
    assert "photos, recordings and PDFs in the export are not brought in" in result.notes[0]


def test_day_one_cjk_tags_and_double_escapes() -> None:
    cjk = plan("dayone/ios-2017-cjk.json")
    assert any(any("\u4e00" <= ch <= "\u9fff" for t in e.tags for ch in t) for e in cjk.entries)
    escapes = plan("dayone/macos-2019-escapes.json")
    assert any("a/b dot." in e.body for e in escapes.entries)
    assert any(e.body == "" for e in escapes.entries)  # the entry with no text key


def test_day_one_zip_with_another_json_name_and_a_broken_entry() -> None:
    zipped = plan("dayone/android-2024-de.zip")
    assert len(zipped.entries) == len(plan("dayone/android-2024-de.json").entries)
    broken = plan("dayone/macos-2024-invalid-text.json")
    assert (
        "1 entry could not be read and is left out (entry 6, uuid 1461153D…: its text is "
        "not text); that holds none of the others back."
    ) in (broken.notes)


def test_jrnl_same_moment_entries_stars_tags_and_emoji() -> None:
    mixed = plan("jrnl-json/mixed-tags.json")
    assert len(mixed.entries) == 11
    same = [e for e in mixed.entries if e.created_at == datetime(2013, 6, 10, 15, 40, tzinfo=UTC)]
    assert len(same) == 2
    tags = {t for e in mixed.entries for t in e.tags}
    assert "example.org" not in " ".join(tags)
    emoji = plan("jrnl-json/basic-emoji.json")
    assert any("💯" in e.body or "💯" in e.title for e in emoji.entries)
    assert sum(e.starred for e in emoji.entries) == 1
    text = plan("jrnl-text/basic.journal")
    assert [e.title for e in text.entries] == [e.title for e in emoji.entries]
    assert [e.created_at for e in text.entries] == [e.created_at for e in emoji.entries]


def test_jrnl_text_keeps_bracketed_body_lines_and_reads_the_old_format() -> None:
    (entry,) = plan("jrnl-text/bracket-body.journal").entries
    assert "[1]" in entry.body
    legacy = plan("jrnl-text/legacy-1.9.5.journal")
    assert datetime(2010, 6, 10, 15, 0, tzinfo=UTC) in {e.created_at for e in legacy.entries}
    partial = plan("jrnl-text/partial-dates.journal")
    assert any("[2019-07 14:23]" in e.body for e in partial.entries)


def test_rednotebook_old_python_2_files_categories_and_the_backup_zip() -> None:
    folder = plan("rednotebook/journal-a")
    assert any("Reproducer" in e.body for e in folder.entries)  # !!python/unicode
    assert date(2024, 6, 15) in {e.created_at.date() for e in folder.entries}
    synthetic = plan("rednotebook/journal-b-synthetic")
    assert any("🌸" in e.body for e in synthetic.entries)
    assert any("Ideas: " in e.body for e in synthetic.entries)
    assert plan("rednotebook/backup-2024-09-15.zip").entries


def test_markdown_front_matter_titles_dates_and_tags() -> None:
    joplin = {e.title: e for e in plan("markdown-joplin").entries}
    assert joplin["All Fields"].created_at == datetime(2019, 5, 1, 16, 54, tzinfo=UTC)
    assert joplin["All Fields"].tags == ("joplin", "note", "pencil")
    assert "001" in joplin  # YAML would read it as the number 1
    assert "-Start with dash" in joplin
    assert "normalize" in joplin and "---" in joplin["normalize"].body  # kept, not lost
    obsidian = {e.title: e for e in plan("markdown-obsidian").entries}
    assert any(e.created_at.date() == date(2023, 12, 17) for e in obsidian.values())


def test_tags_with_punctuation_are_kept_renamed_and_the_preview_says_so() -> None:
    """Break test 16 of session 11, finding 1: jrnl's "@os/2", "@c#" and "@c++" were
    dropped in silence (a Solace tag holds letters, digits, - and _). Each is kept
    under a name a tag can hold, and the preview names the old and the new name."""
    result = plan("jrnl-json/mixed-tags.json")
    (entry,) = [e for e in result.entries if "OS/2" in e.title + e.body]
    assert {"os-2", "c-sharp", "c-plus-plus"} <= set(entry.tags)
    notes = " ".join(preview(result, ()).notes)
    for old, new in (("os/2", "os-2"), ("c#", "c-sharp"), ("c++", "c-plus-plus")):
        assert f"\u201c{old}\u201d is {new}" in notes


def test_joplins_epoch_placeholder_is_no_date_and_the_preview_says_how_it_is_dated() -> None:
    """Break test 16 of session 11, findings 5 and 3: Joplin's "created: 1970-01-01
    00:00Z" (its "no date") put a note on 31 December 1969; it is no date, so the
    file's date rule applies, and the preview says that the file's date is when it was
    last changed, which may be when it was copied."""
    result = plan("markdown-joplin/spec-examples")
    (interop,) = [e for e in result.entries if "interop" in e.title.lower()]
    assert interop.created_at.year > 1970
    notes = " ".join(preview(result, ()).notes)
    assert "joplin-interop.md" in notes
    assert "dated by when the file was last changed, which may be when it was copied" in notes


def test_other_front_matter_properties_are_kept_and_a_trashed_note_is_left_out() -> None:
    """Break test 16 of session 11, finding 2: Roam's "Author"/"Status" properties were
    lost (the note came in empty), and a note Bear had in its trash came in as an
    ordinary entry. The properties come in as "Name: value" lines after the text; the
    trashed note is left out and named in the preview."""
    result = plan("markdown-obsidian")
    entries = {e.title: e for e in result.entries}
    roam = entries["roam-wikilink-property"]
    assert "Frank Herbert" in roam.body and "reading" in roam.body
    assert "bear-trashed" not in entries
    notes = " ".join(preview(result, ()).notes)
    assert "in the trash of the app it came from and is left out: bear-trashed.md" in notes


#: Every key a sample's front matter dates a note with (grep of the samples'
#: front matter: created, created_at, date, updated, updated_at, in any letter case).
_DATE_KEY = re.compile(
    r"^(created|created_at|date|updated|updated_at)[ \t]*:[ \t]*\S.*$", re.I | re.M
)


def test_every_markdown_sample_that_dates_itself_is_dated_by_its_front_matter() -> None:
    """Break test 16 of session 18, finding 6: Notesnook's ``created_at: 01-01-2024
    01:23 AM`` was not read, so the note was listed among the files with "no date of
    their own" and put on the day its file was copied. Every sample whose front
    matter gives a date (other than Joplin's 1970 placeholder) is dated by it, and
    Notesnook's day-first dates keep their day: 02-01-2024 is 2 January."""
    undated: list[str] = []
    for folder in ("markdown-joplin", "markdown-obsidian", "markdown-converted"):
        result = plan(folder)
        notes = " ".join(preview(result, ()).notes)
        for path in sorted((SAMPLES / folder).rglob("*.md")):
            head = path.read_text(encoding="utf-8-sig").split("\n---", 1)[0]
            dated = [m for m in _DATE_KEY.finditer(head) if "1970-01-01" not in m.group(0)]
            if head.startswith("---") and dated and path.name in notes:
                undated.append(path.name)
    assert undated == []
    joplin = plan("markdown-joplin").entries
    (note,) = [e for e in joplin if e.body.endswith("A test note with frontmatter.")]
    assert note.created_at == datetime(2024, 1, 1, 1, 23, tzinfo=UTC)
    assert note.updated_at == datetime(2024, 1, 2, 4, 56, tzinfo=UTC)
    assert "created_at" not in note.body  # read as the date, not kept as a property line


def test_day_one_photos_taken_out_leave_the_paragraphs_as_they_were() -> None:
    """A photo is not imported; where it was a paragraph or a line of its own, the text
    around it keeps one blank line, not the two or three its removal left (break test
    43, F5). Blank lines the person typed are kept."""
    cjk = plan("dayone/ios-2017-cjk.json")
    joined = "恢复正常的第一天也不知道能正常几天\n\n今天还是很开心的"
    assert any(joined in e.body for e in cjk.entries)
    for sample in ("dayone/ios-2017-cjk.json", "dayone/ios-2021-trip.json"):
        assert not [e.body for e in plan(sample).entries if "\n\n\n" in e.body], sample
    # The object replacement character where an attachment sat goes with it (re-test
    # 43, N7); the paragraph it began starts with its first word.
    trip = plan("dayone/ios-2021-trip.json").entries
    assert not [e.body for e in trip if "\ufffc" in e.body]
    assert any("your day\n\na cup of " in e.body for e in trip)
    # Two entries of this export hold two blank lines of their own: kept.
    assert sum("\n\n\n" in e.body for e in plan("dayone/android-2024-de.json").entries) == 2


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Before\n\n![](dayone-moment://A)\n\nAfter", "Before\n\nAfter"),
        ("![](dayone-moment://A)\n\nAfter", "After"),
        ("Before\n\n![](dayone-moment://A)", "Before"),
        ("Before\n![](dayone-moment://A)\nAfter", "Before\nAfter"),
        ("A\n\n![](dayone-moment://A)\n\n![](dayone-moment://B)\n\nB", "A\n\nB"),
        ("A\n\n\n![](dayone-moment://A)\n\nB", "A\n\n\nB"),
        ("In ![](dayone-moment://A) a line", "In  a line"),
    ],
)
def test_a_day_one_photo_goes_with_the_break_that_set_it_apart(text: str, body: str) -> None:
    from journal.domain.safekeeping.dayone import parse_document

    entry = {"uuid": "1A2B", "creationDate": "2024-04-19T21:48:36Z", "text": text}
    (imported,) = parse_document({"metadata": {}, "entries": [entry]}).entries
    assert imported.body == body

"""Every property of a Markdown note's front matter comes in (break test 53, F1): what
is not read into the entry is kept as a "name: value" line after the text. Only the
first of the ``aliases`` was read, as the title of a note without one, and the others
were lost without a word (every one of them when the note had a ``title``); so were
a date that could not be read, a second date, and the fields only Solace's own export
is read for (``id``, ``mood``, ``feelings``, ``shared``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.safekeeping.sources import plan_for
from tests.shared_files import SAMPLES


def imported(tmp_path: Path, front_matter: str, text: str = "A hard day.") -> tuple[str, str]:
    """(title, body) of the one note written with ``front_matter``, imported."""
    (tmp_path / "note.md").write_text(f"---\n{front_matter}\ndate: 2026-03-01\n---\n{text}\n")
    (entry,) = plan_for(tmp_path).entries
    return entry.title, entry.body


def test_the_first_alias_is_the_title_and_the_others_are_kept(tmp_path: Path) -> None:
    title, body = imported(tmp_path, "aliases:\n  - The day we lost her\n  - Sunday\n  - Home")
    assert title == "The day we lost her"
    assert body == "A hard day.\n\naliases: Sunday, Home"


def test_with_a_title_every_alias_is_kept(tmp_path: Path) -> None:
    title, body = imported(tmp_path, "title: Hard day\naliases: [The day we lost her, Sunday]")
    assert title == "Hard day"
    assert body == "A hard day.\n\naliases: The day we lost her, Sunday"


def test_one_alias_written_as_text_is_the_title(tmp_path: Path) -> None:
    title, body = imported(tmp_path, "aliases: The day we lost her")
    assert (title, body) == ("The day we lost her", "A hard day.")


def test_an_only_alias_taken_as_the_title_adds_no_line(tmp_path: Path) -> None:
    title, body = imported(tmp_path, "aliases:\n  - Morning")
    assert (title, body) == ("Morning", "A hard day.")


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")
def test_the_obsidian_samples_second_alias_comes_in() -> None:
    entries = {e.title: e for e in plan_for(SAMPLES / "markdown-obsidian").entries}
    note = entries["Multiline title note"]
    ending = "This note has a forced new line in its title.\n\naliases: Second line"
    assert note.body.endswith(ending)


def test_what_only_solaces_own_export_is_read_for_comes_in_from_another_app(
    tmp_path: Path,
) -> None:
    """A journaling template's ``mood`` and ``feelings``, a Zettelkasten ``id`` and a
    ``shared`` flag were taken as Solace's own fields and dropped from any other note."""
    front = "mood: tired\nfeelings: [sad, numb]\nid: 20250821081408\nshared: yes"
    assert imported(tmp_path, front)[1] == (
        "A hard day.\n\nmood: tired\nfeelings: sad, numb\nid: 20250821081408\nshared: yes"
    )


def test_a_date_not_read_comes_in_and_a_date_read_does_not(tmp_path: Path) -> None:
    """The date a note is dated by is its entry's date; one that could not be read,
    and a second one, are the person's words (the first was taken, the rest lost)."""
    front = "created: 2026-02-01 09:00\nupdated: the week after\nlastmod: 2026-02-03"
    body = imported(tmp_path, front)[1]
    # ``lastmod`` dates its last change; the ``date`` `imported` writes is a second date.
    assert body == "A hard day.\n\nupdated: the week after\ndate: 2026-03-01"
    (tmp_path / "note.md").unlink()
    no_date = "created: 1970-01-01 00:00Z"  # Joplin's "no date"
    assert imported(tmp_path, no_date)[1] == "A hard day."


def test_the_file_name_and_dates_read_are_not_repeated(tmp_path: Path) -> None:
    title, body = imported(tmp_path, "title: Morning\ntags: [walk]\nupdated: 2026-03-02")
    assert (title, body) == ("Morning", "A hard day.")


def test_a_note_with_a_uuid_id_keeps_what_solaces_export_never_writes(tmp_path: Path) -> None:
    """Re-test 53, R2: an ``id`` that is a UUID marks a note as Solace's own export,
    read by its own rules, and everything else in its front matter was dropped (a note
    of another app, or an export with lines added by hand)."""
    front = (
        "id: 3f2504e0-4f89-11d3-9a0c-0305e82c3301\naliases: [Grief notes, Second alias]\n"
        "author: Me\ncreated: 2024-03-05 10:00"
    )
    _title, body = imported(tmp_path, front)
    assert body == (
        "A hard day.\n\naliases: Grief notes, Second alias\nauthor: Me\ndate: 2026-03-01"
    )

"""RedNotebook's real month files come in with their txt2tags markup as the journal's
Markdown (issue 16 break test of session 24, F6): the entry of 15 September
2024 was headed "= Test note =" and showed "//Objekt//", "``Objekt``",
"[Sample link ""http://kicker.de""]" and "--strikethrough--" as written. Read from
../shared/import-samples/rednotebook/, where they are."""

from __future__ import annotations

import re
from datetime import date

import pytest

from journal.domain.entries.entry import make_headline
from journal.domain.safekeeping.imported import ImportedEntry
from journal.domain.safekeeping.sources import plan_for
from tests.shared_files import SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")

RAW = re.compile(r'//\w|\w//|``|""|--\w|\w--|^=+ |^\+ ', re.MULTILINE)


def _days(relative: str) -> dict[date, ImportedEntry]:
    plan = plan_for(SAMPLES / "rednotebook" / relative)
    return {entry.created_at.date(): entry for entry in plan.entries}


@pytest.mark.parametrize("relative", ["journal-a", "backup-2024-09-15.zip"])
def test_the_test_note_reads_as_markdown(relative: str) -> None:
    entry = _days(relative)[date(2024, 9, 15)]

    assert make_headline(entry.title, entry.body) == "Test note"  # as the timeline shows it
    assert entry.body.startswith("# Test note\n\n- Erstes **Objekt**\n- Zweites *Objekt*\n")
    assert "  - Eingerücktes `Objekt` (Zwei Leerzeilen beenden eine Liste.)" in entry.body
    for line in (
        "## second level title",
        "### Image",
        "file:///home/user/notes/test.png",  # the picture's path, as text
        "[plaintext.txt](file:///home/user/notes/plaintext.txt)",
        "[Sample link](http://kicker.de)",
        "## another second level title",
        "underline and ~~strikethrough~~",
    ):
        assert line in entry.body.splitlines()
    assert not RAW.search(entry.body.replace("file:///", "").replace("http://", ""))


def test_headings_of_a_day_and_a_synthetic_month_read_as_markdown() -> None:
    tagesziel = _days("journal-a")[date(2025, 1, 16)]
    assert make_headline(tagesziel.title, tagesziel.body) == "Tagesziel"
    assert "### Zufriedenheit" in tagesziel.body.splitlines()

    synthetic = _days("journal-b-synthetic")
    morgen = synthetic[date(2021, 3, 13)]
    assert morgen.body.startswith("### Morgen\n\n- **Kaffee** mit Milch\n- *kurz* lesen")
    karte = synthetic[date(2021, 3, 27)]
    assert "[Karte](https://example.org/map?a=1&b=2)" in karte.body.splitlines()

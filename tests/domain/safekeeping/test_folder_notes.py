"""A folder chosen for Import leaves out the files that are notes about the folder
(README.md, SOURCES.md, LICENSE…) and names them in the preview (issue 16 break test
of session 24, F4): a copy of the import samples previewed README.md and
SOURCES.md as two of its "59 new entries", dated today, with Import the default
button. Each can still be imported by choosing the file itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for
from tests.shared_files import SAMPLES

NOTE = "---\ndate: 2026-03-01\n---\nA quiet morning.\n"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")
def test_the_samples_folder_brings_in_neither_readme_nor_sources() -> None:
    folder = SAMPLES  # read where they are, never copied into the project
    readme = (folder / "README.md").read_text(encoding="utf-8").splitlines()[2]
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8").splitlines()[2]

    plan = plan_for(folder)

    assert not [e for e in plan.entries if readme in e.body or sources in e.body]
    said = [note for note in plan.notes if note.startswith("Left out:")]
    assert said == [
        "Left out: \u201cREADME.md\u201d, \u201cSOURCES.md\u201d, which look like notes "
        "about the folder, not journal entries. To import one of them, choose that file "
        "on its own in Import."
    ]


def test_any_case_and_extension_and_depth_is_left_out_and_ordinary_notes_stay(
    tmp_path: Path,
) -> None:
    (tmp_path / "morning.md").write_text(NOTE)
    (tmp_path / "Readme for later.md").write_text("My own note about reading.\n")
    (tmp_path / "readme.markdown").write_text("How this folder was made.\n")
    (tmp_path / "LICENSE.md").write_text("MIT\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Change-Log.md").write_text("1.0: first\n")
    (tmp_path / "sub" / "Code-of-Conduct.md").write_text("Be kind.\n")

    plan = plan_for(tmp_path)

    bodies = sorted(e.body.strip() for e in plan.entries)
    assert bodies == ["A quiet morning.", "My own note about reading."]
    said = next(note for note in plan.notes if note.startswith("Left out:"))
    for name in ("LICENSE.md", "readme.markdown", "sub/Change-Log.md", "sub/Code-of-Conduct.md"):
        assert f"\u201c{name}\u201d" in said


def test_a_folder_of_only_a_readme_is_refused_naming_it_and_the_file_itself_imports(
    tmp_path: Path,
) -> None:
    (tmp_path / "README.md").write_text("---\ndate: 2026-03-02\n---\nWhat I wrote here.\n")

    with pytest.raises(ImportRefused) as refused:
        plan_for(tmp_path)

    said = str(refused.value)
    assert said.startswith("Solace found no journal entries to import in this folder.")
    assert "\u201cREADME.md\u201d, which looks like notes about the folder" in said
    assert "To import it, choose that file on its own in Import." in said
    # As the refusal says: chosen on its own, the file comes in.
    plan = plan_for(tmp_path / "README.md")
    assert [e.body.strip() for e in plan.entries] == ["What I wrote here."]

"""A Markdown folder to import with a pipe (FIFO), links and a device in it: nothing
is waited on, nothing outside the folder is read, and the preview names each file
skipped and why (break test 16 of session 10, finding 5: a FIFO and a link were
skipped without a word). Real files, pipes and links in tmp_path."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.safekeeping.imported import ImportRefused, preview
from journal.domain.safekeeping.sources import plan_for

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no pipes here")


def as_utc(wall: datetime) -> datetime:
    return wall.replace(tzinfo=UTC)


def note(path: Path) -> str:
    (said,) = [n for n in preview(plan_for(path, as_utc), []).notes if "skipped" in n]
    return said


def test_a_pipe_and_links_are_skipped_and_each_is_named_with_why(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Not mine\n---\nSomeone else's words\n")
    folder = tmp_path / "notes"
    (folder / "days").mkdir(parents=True)
    (folder / "days" / "first.md").write_text("---\ntitle: First\n---\nMy words\n")
    os.mkfifo(folder / "waiting.md")  # opened, it would wait for a writer for ever
    (folder / "elsewhere.md").symlink_to(outside / "secret.md")
    # inside, to a note also read: read once (break test 16 of session 12, finding 10)
    (folder / "again.md").symlink_to(folder / "days" / "first.md")
    (folder / "more").symlink_to(outside, target_is_directory=True)
    (folder / "gone.md").symlink_to(tmp_path / "nothing.md")

    plan = plan_for(folder, as_utc)

    assert [e.title for e in plan.entries] == ["First"]
    assert all("Someone else" not in e.body for e in plan.entries)
    said = note(folder)
    assert said.startswith("5 files were skipped: ")
    assert "“again.md” (the same file as “days/first.md”, read once)" in said
    assert "“waiting.md” (not an ordinary file: it is a pipe)" in said
    assert "“elsewhere.md” (a link to a file outside the folder you chose)" in said
    assert "“more” (a link to a folder, which is not followed)" in said
    assert "“gone.md” (a link that leads nowhere)" in said


def test_a_folder_holding_only_a_pipe_is_refused_naming_it(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    os.mkfifo(folder / "only.md")
    with pytest.raises(ImportRefused) as told:
        plan_for(folder, as_utc)
    assert "“only.md” (not an ordinary file: it is a pipe)" in str(told.value)


def test_a_rednotebook_folder_names_a_month_file_that_is_a_pipe(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "2024-05.txt").write_text("1: {text: A day in May}\n")
    os.mkfifo(folder / "2024-06.txt")
    plan = plan_for(folder, as_utc)
    assert [e.body for e in plan.entries] == ["A day in May"]
    assert "“2024-06.txt” (not an ordinary file: it is a pipe)" in note(folder)

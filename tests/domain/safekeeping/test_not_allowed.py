"""A file or folder Solace may not read is said to be so, with what to do, never told as
text in another encoding or a folder holding no notes (break test 46, F4).

The system's own refusal, not a stand-in: the import is planned in a child process
that runs as an ordinary user (root, whom permissions do not stop, gives up its rights
there first), on files and folders made unreadable with chmod."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX rights")

ROOT = Path(__file__).resolve().parents[3]
NOTE = "---\ncreated: 2024-05-02 10:00\n---\n\nA note anyone may read.\n"
CHILD = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for
plan_for(Path(sys.argv[2]) / "open" / "note.md")  # every module read before rights go
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)  # nobody: permissions stop it
try:
    plan = plan_for(Path(sys.argv[3]))
    print(json.dumps({"entries": len(plan.entries), "notes": list(plan.notes)}))
except ImportRefused as refused:
    print(json.dumps({"refused": str(refused)}))
"""


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder any user may look into (pytest's own temporary folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="solace-rights-"))
    folder.chmod(0o755)
    (folder / "open").mkdir(mode=0o755)
    (folder / "open" / "note.md").write_text(NOTE, encoding="utf-8")
    (folder / "open" / "note.md").chmod(0o644)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            path.chmod(0o700 if path.is_dir() else 0o600)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def _planned(place: Path, chosen: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(place), str(chosen)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def test_a_note_it_may_not_read_is_named_as_such_and_the_others_come_in(place: Path) -> None:
    folder = place / "open"
    locked = folder / "locked.md"
    locked.write_text(NOTE, encoding="utf-8")
    locked.chmod(0)
    planned = _planned(place, folder)
    assert planned["entries"] == 1
    notes = " ".join(str(note) for note in planned["notes"])  # type: ignore[attr-defined]
    assert "1 file Solace is not allowed to read (by its permissions) is left out" in notes
    assert "“locked.md”" in notes and "readable for you" in notes
    assert "UTF-8" not in notes  # not told as another encoding


def test_a_folder_it_may_not_open_is_refused_as_such(place: Path) -> None:
    closed = place / "closed"
    closed.mkdir()
    (closed / "note.md").write_text(NOTE, encoding="utf-8")
    closed.chmod(0)
    refused = str(_planned(place, closed)["refused"])
    assert refused.startswith("Solace is not allowed to read the folder “closed”")
    assert "no Markdown files" not in refused


def test_a_folder_inside_it_may_not_open_is_named(place: Path) -> None:
    inner = place / "open" / "private"
    inner.mkdir()
    (inner / "hidden.md").write_text(NOTE, encoding="utf-8")
    inner.chmod(0)
    planned = _planned(place, place / "open")
    assert planned["entries"] == 1
    notes = " ".join(str(note) for note in planned["notes"])  # type: ignore[attr-defined]
    assert "“private”" in notes and "not allowed to open" in notes


def test_a_file_chosen_alone_that_it_may_not_read_says_what_to_do(place: Path) -> None:
    chosen = place / "export.json"
    chosen.write_text("{}", encoding="utf-8")
    chosen.chmod(0)
    refused = str(_planned(place, chosen)["refused"])
    assert refused.startswith("Solace is not allowed to read the file “export.json”")
    assert refused.endswith("Make it readable for you, then choose it again.")


def test_permissions_do_stop_the_child(place: Path) -> None:
    """The tests above mean something only if the child cannot read what is closed."""
    closed = place / "closed.md"
    closed.write_text(NOTE, encoding="utf-8")
    closed.chmod(0)
    assert "refused" in _planned(place, closed)
    assert os.path.exists(closed)


BACKUP_CHILD = """
import os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from journal.storage.safekeeping.archive import NotABackup, open_archive
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
try:
    open_archive(Path(sys.argv[2]))
except NotABackup as refused:
    print(refused)
"""


def test_a_backup_file_it_may_not_read_is_not_called_a_bad_backup(place: Path) -> None:
    """The same kind in Restore: a sound backup Solace may not read was "not an archive
    Solace wrote"."""
    chosen = place / "journal-2026-12-01.solace-backup"
    chosen.write_bytes(b"PK\x03\x04 a backup's first bytes")
    chosen.chmod(0)
    result = subprocess.run(
        [sys.executable, "-c", BACKUP_CHILD, str(ROOT), str(chosen)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    said = result.stdout.strip()
    assert said.startswith("Solace is not allowed to read this file: its permissions"), said
    assert "not an archive Solace wrote" not in said

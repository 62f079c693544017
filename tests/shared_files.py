"""Where the shared files are: ``../shared/`` beside the project (README, "Read
first"): the guidance facts and sources, and the real export files in
``import-samples/``. They are read where they are, never copied in.

A checkout elsewhere (a fresh clone in /tmp, a git worktree) still finds them
through the repository it came from, so the tests that read them run there too
instead of skipping. ``SOLACE_SHARED`` names the folder outright."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _git(where: Path, *arguments: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(where), *arguments],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _found() -> Path:
    named = os.environ.get("SOLACE_SHARED")
    if named:
        return Path(named)
    homes = [ROOT]
    origin = _git(ROOT, "config", "--get", "remote.origin.url")
    if origin and Path(origin).is_dir():
        homes.append(Path(origin).resolve())  # a local clone: where it was cloned from
    for checkout in list(homes):
        common = _git(checkout, "rev-parse", "--path-format=absolute", "--git-common-dir")
        if common:
            homes.append(Path(common).parent)  # a worktree: its main checkout
    for home in homes:
        candidate = home.parent / "shared"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


#: The shared folder (it may be missing: the tests that need it skip, or fail in CI).
SHARED = _found()
#: The folder of real export files.
SAMPLES = SHARED / "import-samples"

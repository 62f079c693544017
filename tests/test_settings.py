"""The preferences file leaves nothing behind (break test 14 of session 7, finding 6)."""

from __future__ import annotations

import os
from pathlib import Path

from journal.settings import IDLE_LOCK_MINUTES, Settings


def test_temporary_copies_a_kill_left_are_removed_at_the_next_start(data_dir: Path) -> None:
    """A kill -9 while QSettings wrote the file left ``settings.ini.PmSckW`` and the
    like (0600, empty) in the data folder for ever; the next start removes them, and
    only them."""
    Settings(data_dir).set(IDLE_LOCK_MINUTES, 7)
    leftovers = [data_dir / f"settings.ini.{name}" for name in ("PmSckW", "QbjBfv", "S0dRKw")]
    for path in leftovers:
        path.touch(mode=0o600)
    kept = [data_dir / "settings.ini.lock", data_dir / "settings.ini.mine-too-long"]
    for path in kept:
        path.write_text("not Solace's temporary file")
    elsewhere = data_dir.parent / "outside"
    elsewhere.write_text("a file outside the data folder")
    linked = data_dir / "settings.ini.Link01"
    os.symlink(elsewhere, linked)

    settings = Settings(data_dir)

    assert settings.get(IDLE_LOCK_MINUTES) == 7  # the settings themselves are kept
    assert not any(path.exists() for path in leftovers)
    assert all(path.exists() for path in kept)
    assert linked.is_symlink() and elsewhere.read_text() == "a file outside the data folder"

"""Where Solace keeps its files, and the strict permissions it keeps them with.

The data folder comes from, in order: ``--data-dir``, ``SOLACE_DATA_DIR``, then
``platformdirs.user_data_dir("Solace")``. Folders are 0700 and files 0600 at most: access by
others is taken away, and the owner's own is never widened (a read-only folder stays so).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "Solace"
ENV_DATA_DIR = "SOLACE_DATA_DIR"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_UMASK = 0o077  # what the process creates is 0600 / 0700 at most


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder the user asked for, or the platform default."""
    chosen = cli_value or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    return Path(chosen).expanduser().resolve()


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by this user only. OSError when it
    cannot be created. An existing folder loses any access by others, and nothing
    else: one the person made read-only stays read-only (Solace then says it cannot
    write, rather than changing it); one whose mode may not be changed (another user
    owns it) is used as it is, and that is logged."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    try:
        make_private(folder)
    except OSError as error:
        logging.getLogger(__name__).warning(
            "left the permissions of the data folder as they are: %s", type(error).__name__
        )
    return folder


def make_private(path: Path) -> None:
    """Take away group and others' access to ``path``; the owner's is left as it is."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def data_dir_problem(folder: Path, explicit: bool) -> str | None:
    """What keeps Solace from using ``folder`` as its data folder, in plain words, or
    None. Creates a missing folder (a first start) unless it was named ``explicit``ly
    (``--data-dir``, ``SOLACE_DATA_DIR``) and the folder it would be in is missing too:
    a drive that is not connected, never to be mistaken for a first start.
    Changes nothing in a folder that exists."""
    if not folder.exists():
        if explicit and not folder.parent.is_dir():
            return (
                f"Solace's data folder {folder} is not there, and neither is the folder it "
                f"would be in ({folder.parent}). If it is on a drive that is not connected, "
                "connect it and start Solace again. Nothing was created."
            )
        try:
            folder.mkdir(parents=True, mode=FOLDER_MODE)
        except OSError as error:
            return (
                f"Solace could not create its data folder {folder} "
                f"({error.strerror or type(error).__name__}). Choose a folder you can "
                "write to with --data-dir, or make that place writable. Nothing was changed."
            )
        return None
    if not folder.is_dir():
        return (
            f"Solace's data folder {folder} is a file, not a folder. Nothing was changed; "
            "start Solace with --data-dir pointing to a folder."
        )
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return (
            f"Solace's data folder {folder} is read-only, so Solace cannot save anything "
            "in it. Your journals in it have not been changed. Make the folder writable "
            "again (or, if it is on a read-only disk, copy it somewhere writable and start "
            "Solace with --data-dir pointing there)."
        )
    return None


def journals_dir(data_dir: Path) -> Path:
    """The folder under ``data_dir`` that holds one sub-folder per journal."""
    return data_dir / "journals"

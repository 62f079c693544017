"""Where Solace keeps its files, and the strict permissions it keeps them with.

The data folder comes from, in order: ``--data-dir``, ``SOLACE_DATA_DIR``, then
``platformdirs.user_data_dir("Solace")``. Folders are 0700 and files 0600.
"""

from __future__ import annotations

import logging
import os
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
    cannot be created; one that exists but whose mode may not be changed (another user
    owns it) is used as it is, and that is logged."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    try:
        os.chmod(folder, FOLDER_MODE)
    except OSError as error:
        logging.getLogger(__name__).warning(
            "left the permissions of the data folder as they are: %s", type(error).__name__
        )
    return folder


def journals_dir(data_dir: Path) -> Path:
    return data_dir / "journals"

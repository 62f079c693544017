"""The hard lock: after a lock, Solace replaces itself with a fresh process.

Python cannot overwrite its strings, and the allocator and Qt keep freed memory
around, so after an in-process lock the process still held copies of the data key,
the passphrase and entry text. Once `MainWindow.lock` has saved and forgotten
everything, the process is replaced (``os.execv`` of the same interpreter and
arguments), as the strongest desktop password managers recommend for a hard lock.
The new process shows the lock screen; the old memory image is gone with the old
program. The single-instance lock file is handed over: it names this process's ID,
which ``execv`` keeps, and `SingleInstance.acquire` takes it over only when
`HANDOVER_ENV` names that same ID.

Not done while words that could not be written anywhere wait in memory (sealed with
the journal's key, see `MainWindow.holds_sealed_drafts`), nor when the window is
closing (then the app quits).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys

log = logging.getLogger(__name__)

HANDOVER_ENV = "SOLACE_LOCK_HANDOVER"
PAGE_ENV = "SOLACE_LOCK_PAGE"  # the lock-screen page the fresh process shows ("create")


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this process: the same interpreter,
    its options and the same script or module with its arguments."""
    return sys.executable, [sys.executable, *sys.orig_argv[1:]]


def replace_process(page: str = "") -> None:
    """Replace this process with a fresh start of Solace showing the lock screen (its
    ``page``: "" for the start page, "create" for a new journal). Returns only on
    failure, after logging it: the in-process lock has already forgotten the journal."""
    program, arguments = restart_command()
    os.environ[HANDOVER_ENV] = str(os.getpid())
    os.environ[PAGE_ENV] = page
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    try:
        os.execv(program, arguments)  # noqa: S606 (this program, its own arguments)
    except OSError as error:
        os.environ.pop(HANDOVER_ENV, None)
        os.environ.pop(PAGE_ENV, None)
        log.error("could not restart after locking: %s", type(error).__name__)


def page_after_restart() -> str:
    """The lock-screen page asked for by the process this one replaced ("" if none)."""
    return os.environ.pop(PAGE_ENV, "")

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

Words that could not be written anywhere (not even the small sealed draft file: a
full disk, files that refuse writes) are only ever held sealed with the journal's key
(ciphertext, see `MainWindow.holds_sealed_drafts`); they are handed to the fresh
process in an anonymous in-memory file (``memfd_create``, inherited across
``execv``, never on a disk), so the hard lock happens with them too. Where no such
file can be made (not Linux) the process is not replaced while it holds them. The
lock screen's notice (what happened to the words) is handed over too. Not done
when the window is closing (then the app quits).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

HANDOVER_ENV = "SOLACE_LOCK_HANDOVER"
PAGE_ENV = "SOLACE_LOCK_PAGE"  # the lock-screen page the fresh process shows ("create")
NOTICE_ENV = "SOLACE_LOCK_NOTICE"  # the lock screen's notice, for the fresh process
HELD_ENV = "SOLACE_HELD_DRAFTS"  # "<descriptor>:<journal folder>" of held sealed words


def can_hand_over_held() -> bool:
    """Whether sealed words held in memory can pass to a fresh process (Linux)."""
    return hasattr(os, "memfd_create")


def _hand_over(held: tuple[Path, bytes]) -> int:
    """Put ``held`` (journal folder, sealed bytes) in an anonymous in-memory file the
    fresh process inherits; its descriptor. Raises OSError."""
    folder, sealed = held
    descriptor = os.memfd_create("solace-held-words", 0)  # no CLOEXEC: inherited
    try:
        view = memoryview(sealed)
        while view:
            view = view[os.write(descriptor, view) :]
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.set_inheritable(descriptor, True)
    except OSError:
        os.close(descriptor)
        raise
    os.environ[HELD_ENV] = f"{descriptor}:{folder}"
    return descriptor


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this process: the same interpreter,
    its options and the same script or module with its arguments."""
    return sys.executable, [sys.executable, *sys.orig_argv[1:]]


def replace_process(
    page: str = "", notice: str = "", held: tuple[Path, bytes] | None = None
) -> None:
    """Replace this process with a fresh start of Solace showing the lock screen (its
    ``page``: "" for the start page, "create" for a new journal), with ``notice`` on
    it and ``held`` (journal folder, sealed draft bytes) handed over in memory.
    Returns only on failure, after logging it: the in-process lock has already
    forgotten the journal, and ``held`` is still the caller's."""
    program, arguments = restart_command()
    descriptor = None
    if held is not None:
        try:
            descriptor = _hand_over(held)
        except (OSError, AttributeError) as error:
            log.error("could not hand the held words over: %s", type(error).__name__)
            return
    os.environ[HANDOVER_ENV] = str(os.getpid())
    os.environ[PAGE_ENV] = page
    os.environ[NOTICE_ENV] = notice
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    try:
        os.execv(program, arguments)  # noqa: S606 (this program, its own arguments)
    except OSError as error:
        for name in (HANDOVER_ENV, PAGE_ENV, NOTICE_ENV, HELD_ENV):
            os.environ.pop(name, None)
        if descriptor is not None:
            os.close(descriptor)
        log.error("could not restart after locking: %s", type(error).__name__)


def page_after_restart() -> str:
    """The lock-screen page asked for by the process this one replaced ("" if none)."""
    return os.environ.pop(PAGE_ENV, "")


def notice_after_restart() -> str:
    """The lock screen's notice from the process this one replaced ("" if none)."""
    return os.environ.pop(NOTICE_ENV, "")


def held_after_restart() -> tuple[Path, bytes] | None:
    """The sealed words (journal folder, bytes) the process this one replaced held in
    memory, read from the descriptor it handed over and closed; None if none."""
    value = os.environ.pop(HELD_ENV, "")
    number, _, folder = value.partition(":")
    if not number.isdigit() or not folder:
        return None
    try:
        with os.fdopen(int(number), "rb") as handed:
            return Path(folder), handed.read()
    except OSError as error:
        log.error("could not take the held words over: %s", type(error).__name__)
        return None

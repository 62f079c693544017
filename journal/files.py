"""Opening a file Solace reads, only when it is an ordinary file.

A named pipe (FIFO) left where a file should be makes a plain ``open`` wait forever
for a writer, and a device or a folder gives bytes (or errors) no journal has (break
test 16, finding 5: a FIFO named ``journal.db`` made Unlock wait forever, and the
process lived on after quitting). Every file Solace opens from the data folder or
from a path the person chose (an import, a backup file) is opened here: without
blocking (``O_NONBLOCK``, which does nothing to an ordinary file), then checked with
``fstat`` on the open descriptor (so nothing can be swapped in between), and refused
with `NotAFile` unless it is a regular file. A symbolic link is followed, and judged
by what it points to.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotAFile(OSError):
    """``path`` is there but is not an ordinary file; ``kind`` says what it is
    ("a pipe", "a folder", "a device", "a socket"). An `OSError` (``EINVAL``), so
    code that tells an unreadable file already tells this one."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not an ordinary file ({kind})", str(path))
        self.kind = kind


#: What to do about a file or folder she chose that `not_allowed` refused, after its name.
NOT_ALLOWED_ADVICE = (
    "its permissions keep your user account out. Make it readable for you, then choose it again."
)


def not_allowed(error: OSError) -> bool:
    """Whether ``error`` is the system refusing the person's user account (its
    permissions: ``EACCES``, ``EPERM``), not a fault of the file or the disk: said as
    such, with what to do, wherever Solace reads a file she chose (break test 46, F4)."""
    return error.errno in (errno.EACCES, errno.EPERM)


def kind_of(mode: int) -> str:
    """What a file of ``st_mode`` ``mode`` is, in words; "" for an ordinary file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def not_a_file(path: Path) -> str:
    """What ``path`` is when it is there and not an ordinary file ("a pipe", …); ""
    when it is an ordinary file, or missing (for the caller's own message)."""
    try:
        return kind_of(path.stat().st_mode)
    except OSError:
        return ""


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, never blocking on a pipe or a device.
    Raises `NotAFile`, or the `OSError` of ``open`` (`FileNotFoundError`, …)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind:
            raise NotAFile(path, kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` (`open_regular`). Raises as `open_regular` does."""
    with open_regular(path) as handle:
        return handle.read()


def read_regular_text(path: Path, encoding: str = "utf-8") -> str:
    """The text of ``path`` (`read_regular`), decoded strictly with ``encoding``."""
    return read_regular(path).decode(encoding)

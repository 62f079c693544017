"""Reading the files inside a zip archive to import, within bounds.

A zip's own sizes say how large each file is once unpacked, before anything is
unpacked, and `zipfile` never gives more than that size. Break test 16 of session
12, finding 1: a RedNotebook backup zip of 1.2 MB holding one month file of 1.2 GB
(the letter "a", deflated) was unpacked into memory with no bound (2.4 GB and still
running after 5 minutes), and a Day One zip of six 250 MB files was read file after
file (805 MB) although each stayed under the limit for one file. Every zip reader
of the importers goes through `read_members`: each file, and all of them together,
are bounded by their stated sizes before a byte is unpacked.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from journal.domain.safekeeping.imported import ImportRefused

#: The most one file inside a zip may hold unpacked (bytes): far above any real
#: journal file (a Day One journal of ten thousand entries is tens of MB).
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: The most all the files read from one zip may hold together, unpacked (bytes).
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Members:
    """What `read_members` read: ``found``, each wanted file's name and bytes, in the
    archive's order; ``too_large``, the names and unpacked sizes (bytes) of wanted
    files left unread because each alone is larger than the limit for one file;
    ``damaged``, the names of wanted files that could not be unpacked."""

    found: list[tuple[str, bytes]]
    too_large: list[tuple[str, int]]
    damaged: list[str]


def read_members(
    data: bytes,
    wanted: Callable[[str], bool],
    *,
    max_member: int | None = None,
    max_total: int | None = None,
) -> Members:
    """Read the files of the zip archive ``data`` whose names ``wanted`` accepts.

    A file larger than ``max_member`` bytes unpacked is left unread (listed in
    `Members.too_large`, for the caller to say). Raises `ImportRefused` when the
    archive cannot be read as a zip, or when the wanted files it reads would hold
    more than ``max_total`` bytes together (said at once, before any is unpacked).
    A file that cannot be unpacked is listed in `Members.damaged`. Nothing is
    unpacked beyond the sizes the archive states (`zipfile` stops there). The limits
    are `MAX_MEMBER_BYTES` and `MAX_TOTAL_BYTES` unless given."""
    max_member = MAX_MEMBER_BYTES if max_member is None else max_member
    max_total = MAX_TOTAL_BYTES if max_total is None else max_total
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ImportRefused("The file is not a zip archive, or it is damaged.") from error
    with archive:
        chosen = [info for info in archive.infolist() if wanted(info.filename)]
        too_large = [(i.filename, i.file_size) for i in chosen if i.file_size > max_member]
        readable = [info for info in chosen if info.file_size <= max_member]
        total = sum(info.file_size for info in readable)
        if total > max_total:
            raise ImportRefused(
                f"The files inside this zip archive are too large for Solace to read "
                f"({total // _MB:,} MB unpacked, from a file of {max(1, len(data) // _MB):,} "
                f"MB; Solace reads up to {max_total // _MB:,} MB from one archive). "
                "Nothing was imported."
            )
        found: list[tuple[str, bytes]] = []
        damaged: list[str] = []
        for info in readable:
            try:
                found.append((info.filename, archive.read(info)))
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
                damaged.append(info.filename)
    return Members(found, too_large, damaged)


def zip_names(data: bytes) -> list[str]:
    """The names of the files in the zip archive ``data`` (nothing is unpacked); none
    when it is not a zip archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except zipfile.BadZipFile:
        return []


def too_large_words(name: str, size: int, max_member: int | None = None) -> str:
    """The refusal for a wanted file ``name`` of ``size`` bytes unpacked that is larger
    than ``max_member`` (`MAX_MEMBER_BYTES` unless given): its name, its size and the
    limit, in MB."""
    max_member = MAX_MEMBER_BYTES if max_member is None else max_member
    return (
        f"The zip archive's file “{name}” is too large for Solace to read "
        f"({size // _MB:,} MB unpacked; Solace reads a journal file "
        f"of up to {max_member // _MB} MB). Nothing was imported."
    )

"""Reading a journal's write-ahead log (``journal.db-wal``) the way SQLite does, to
find a log that SQLite would read only in part.

SQLite's WAL format (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte
header (magic 0x377f0682 or 0x377f0683, format version 3007000, page size,
checkpoint sequence, two salts, and a checksum of the header's first 24 bytes),
then frames of a 24-byte header (page number; the database's size in pages after a
commit, else 0; the two salts again; a checksum) and one page. Each checksum is
cumulative: it goes on from the one before (the header's for the first frame) over
the frame header's first 8 bytes and the page, as 32-bit words, big-endian when the
magic's lowest bit is 1, else little-endian. SQLCipher encrypts the page before it is
written, so the checksums are over ciphertext and are checked here without a key.

SQLite reads frames up to the first whose salts differ from the header's (a frame of
an earlier log) or whose checksum fails, and keeps the commits before it: everything
after is taken as never written, without a word. After a crash that is right for a
frame torn while it was written (its transaction was never acknowledged), but a byte
damaged later in a frame of an acknowledged commit silently drops that commit and
every one after it, and the checkpoint at the next close writes the shortened
journal into ``journal.db`` and deletes the log (break test 16 of session 12, finding
2: 71 of 300 entries gone). `log_problem` finds that case: a frame that does not
verify followed by a commit frame of the same log that does (each frame after the
break is checked against the checksum the frame before it holds). `rechained` gives
a rescue a copy SQLite reads to its end.
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from journal.files import NotAFile, read_regular
from journal.storage.journal_files import wal_of

HEADER_BYTES, FRAME_HEADER_BYTES = 32, 24
MAGIC_LITTLE, MAGIC_BIG = 0x377F0682, 0x377F0683
FORMAT_VERSION = 3007000
_MASK = 0xFFFFFFFF
DEFAULT_PAGE_SIZE = 4096  # SQLCipher 4's, the journal's (`checks.PAGE_SIZE`)

LOG_DAMAGED = (
    "Part of the journal's log of its latest changes (journal.db-wal, which SQLite keeps "
    "until they are written into journal.db) is damaged, and changes saved after the "
    "damaged part would be left out without a word if the journal were opened as it is. "
    "Rescue what can be read… reads the changes after the damaged part too."
)
LOG_START_DAMAGED = (
    "The beginning of the journal's log of its latest changes (journal.db-wal, which "
    "SQLite keeps until they are written into journal.db) is damaged, so every change "
    "still in it would be left out without a word if the journal were opened as it is."
)


@dataclass(frozen=True, slots=True)
class LogReading:
    """What SQLite reads of a WAL, by SQLite's rules.

    ``page_size`` in bytes (0 when the header does not verify: then no frame is read);
    ``stops_at`` is the index (from 0) of the first whole frame SQLite does not read
    (one of an earlier log, or one that does not verify), -1 when it reads every whole
    frame; ``lost_commits`` counts the commit frames of this log after that one which
    verify against the checksum the frame before each holds: commits SQLite would
    leave out; ``committed_pages`` are the page numbers the commits SQLite does read
    hold.
    """

    page_size: int
    stops_at: int
    lost_commits: int
    committed_pages: frozenset[int]
    commits: int = 0  # the commit frames SQLite reads


def _checksum(data: bytes | memoryview, big: bool, s0: int, s1: int) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes) going on from ``s0``,
    ``s1`` (32-bit each), with words read big-endian when ``big``."""
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    pairs = iter(words)
    for first, second in zip(pairs, pairs, strict=True):
        s0 = (s0 + first + s1) & _MASK
        s1 = (s1 + second + s0) & _MASK
    return s0, s1


def _page_size(field: int) -> int:
    """The page size a WAL header's field gives (1 means 65536), 0 when invalid."""
    size = 65536 if field == 1 else field
    return size if 512 <= size <= 65536 and size & (size - 1) == 0 else 0


def _header(data: bytes) -> tuple[int, bool]:
    """The page size and byte order (big-endian: True) of the WAL ``data`` when its
    header verifies, else (0, False)."""
    if len(data) < HEADER_BYTES:
        return 0, False
    magic, version, size_field = struct.unpack(">III", data[:12])
    page_size = _page_size(size_field)
    big = magic == MAGIC_BIG
    if magic not in (MAGIC_LITTLE, MAGIC_BIG) or version != FORMAT_VERSION or not page_size:
        return 0, False
    if _checksum(data[:24], big, 0, 0) != struct.unpack(">II", data[24:32]):
        return 0, False
    return page_size, big


def read_log(data: bytes) -> LogReading:
    """Read the WAL bytes ``data`` as SQLite does (see the module's notes). Never
    raises: a log too short for its header, or whose header does not verify, reads as
    no frames (``page_size`` 0)."""
    page_size, big = _header(data)
    if not page_size:
        return LogReading(0, -1, 0, frozenset())
    salts, view = data[16:24], memoryview(data)
    step = FRAME_HEADER_BYTES + page_size
    count = (len(data) - HEADER_BYTES) // step
    seed = struct.unpack(">II", data[24:32])
    pending: set[int] = set()
    committed: set[int] = set()
    commits = 0
    for index in range(count):
        at = HEADER_BYTES + index * step
        if not _verifies(view, at, page_size, salts, big, seed):
            lost = _later_commits(view, index, count, page_size, salts, big)
            return LogReading(page_size, index, lost, frozenset(committed), commits)
        seed = struct.unpack(">II", data[at + 16 : at + 24])
        pending.add(int.from_bytes(data[at : at + 4], "big"))
        if int.from_bytes(data[at + 4 : at + 8], "big"):  # a commit frame
            committed |= pending
            pending = set()
            commits += 1
    return LogReading(page_size, -1, 0, frozenset(committed), commits)


def _verifies(
    view: memoryview, at: int, page_size: int, salts: bytes, big: bool, seed: tuple[int, ...]
) -> bool:
    """Whether the frame at byte ``at`` has the log's ``salts``, a page number, and the
    checksum that goes on from ``seed`` over it."""
    if bytes(view[at + 8 : at + 16]) != salts or not int.from_bytes(view[at : at + 4], "big"):
        return False
    s0, s1 = _checksum(view[at : at + 8], big, seed[0], seed[1])
    body = view[at + FRAME_HEADER_BYTES : at + FRAME_HEADER_BYTES + page_size]
    return _checksum(body, big, s0, s1) == struct.unpack(">II", view[at + 16 : at + 24])


def _later_commits(
    view: memoryview, stop: int, count: int, page_size: int, salts: bytes, big: bool
) -> int:
    """The commit frames after frame ``stop`` that have the log's ``salts`` and verify
    against the checksum the frame before each holds (a chain that goes on past the
    damage). Frames of an earlier log (other salts) are not read, and frames of a
    transaction never committed hold no commit, so neither counts."""
    step = FRAME_HEADER_BYTES + page_size
    found = 0
    for index in range(stop + 1, count):
        at = HEADER_BYTES + index * step
        if bytes(view[at + 8 : at + 16]) != salts or not int.from_bytes(
            view[at + 4 : at + 8], "big"
        ):
            continue  # another log's frame, or not a commit: nothing SQLite would keep
        seed = struct.unpack(">II", view[at - step + 16 : at - step + 24])
        if _verifies(view, at, page_size, salts, big, seed):
            found += 1
    return found


def log_problem(data: bytes, page_size: int) -> str | None:
    """A sentence for the person when SQLite would read the WAL bytes ``data`` only in
    part and leave out commits after the part it cannot read (`LogReading.lost_commits`),
    or when its header does not verify while a whole frame of ``page_size`` bytes (the
    database's) follows it (SQLite would then leave out the whole log); None otherwise:
    no log, a log read to its end or to where an earlier log's frames begin, or one whose
    only unread frames were never committed (a frame torn by the crash itself)."""
    reading = read_log(data)
    if not reading.page_size:
        whole = len(data) >= HEADER_BYTES + FRAME_HEADER_BYTES + page_size
        return LOG_START_DAMAGED if whole else None
    return LOG_DAMAGED if reading.lost_commits else None


def rechained(data: bytes, page_size: int = DEFAULT_PAGE_SIZE) -> bytes:
    """The WAL bytes ``data`` read on past a damaged part, for a rescue: when commits
    would be lost after a damaged frame (`LogReading.lost_commits`), every frame up to
    the last one with the log's salts gets those salts and the checksum that goes on
    from the frame before it, so SQLite reads every commit the log holds. When the
    log's header itself does not verify (SQLite would read no frame at all), a header
    is rebuilt from its frames (`_rebuilt_header`: the database's ``page_size`` in
    bytes, the salts of the first frame, the byte order under which the frames' own
    chain holds) and the frames are chained to it the same way. A page whose own bytes
    are damaged then fails SQLCipher's HMAC when it is read, which a rescue steps over.
    Any other log comes back as it is."""
    reading = read_log(data)
    if not reading.page_size:
        header = _rebuilt_header(data, page_size)
        if header is None:  # not one whole frame after it: nothing to read
            return data
        return _chained(header + data[HEADER_BYTES:], page_size)
    if not reading.lost_commits:
        return data
    return _chained(data, reading.page_size)


def _chained(data: bytes, page_size: int) -> bytes:
    """``data`` (a WAL whose header verifies, pages of ``page_size`` bytes) with every
    frame up to the last one bearing the header's salts given those salts and the
    checksum chained from the header through the frame before it."""
    _size, big = _header(data)
    salts = data[16:24]
    out = bytearray(data)
    step = FRAME_HEADER_BYTES + page_size
    count = (len(data) - HEADER_BYTES) // step
    starts = [HEADER_BYTES + i * step for i in range(count)]
    mine = [i for i, at in enumerate(starts) if data[at + 8 : at + 16] == salts]
    if not mine:
        return data
    s0, s1 = struct.unpack(">II", data[24:32])
    for index in range(max(mine) + 1):
        at = HEADER_BYTES + index * step
        out[at + 8 : at + 16] = salts
        s0, s1 = _checksum(memoryview(out)[at : at + 8], big, s0, s1)
        s0, s1 = _checksum(memoryview(out)[at + FRAME_HEADER_BYTES : at + step], big, s0, s1)
        out[at + 16 : at + 24] = struct.pack(">II", s0, s1)
    return bytes(out)


def _rebuilt_header(data: bytes, page_size: int) -> bytes | None:
    """A WAL header for the frames of ``data`` whose own header is damaged: SQLite's
    magic for the byte order under which more of the frames verify against the frame
    before each (the machine's own when that cannot tell), the format version,
    ``page_size``, the checkpoint sequence as it stands, the log's salts (`_live_salts`)
    and the checksum over the first 24 bytes.
    None when not one whole frame follows the header."""
    step = FRAME_HEADER_BYTES + page_size
    count = (len(data) - HEADER_BYTES) // step
    if count < 1 or not _page_size(page_size):
        return None
    view = memoryview(data)
    salts = _live_salts(data, page_size)

    def holding(big: bool) -> int:
        found = 0
        for index in range(1, count):
            at = HEADER_BYTES + index * step
            seed = struct.unpack(">II", view[at - step + 16 : at - step + 24])
            found += _verifies(view, at, page_size, salts, big, seed)
        return found

    big_chain, little_chain = holding(True), holding(False)
    big = big_chain > little_chain if big_chain != little_chain else sys.byteorder == "big"
    size_field = 1 if page_size == 65536 else page_size
    magic = MAGIC_BIG if big else MAGIC_LITTLE
    head = struct.pack(">III", magic, FORMAT_VERSION, size_field) + data[12:16] + salts
    return head + struct.pack(">II", *_checksum(head, big, 0, 0))


def _live_salts(data: bytes, page_size: int) -> bytes:
    """The salts of the log whose frames follow a header that does not verify (``data``,
    pages of ``page_size`` bytes): those most of its first frames bear (the first
    frame's among equals), counted over the frames that go on one from another (each
    checksum verifies from the one the frame before holds, in either byte order; the
    checksums do not cover the salts, so one damaged salt does not break the chain, and
    frames of an earlier log do not go on from the live log's). A log's first frame is
    always of that log, but taken from it alone, one damaged salt there lost every
    commit of the log without a word (issue 16)."""
    step = FRAME_HEADER_BYTES + page_size
    count = (len(data) - HEADER_BYTES) // step
    view = memoryview(data)
    seen = [data[HEADER_BYTES + 8 : HEADER_BYTES + 16]]
    for index in range(1, min(count, _SALT_WITNESSES)):
        at = HEADER_BYTES + index * step
        own = data[at + 8 : at + 16]
        seed = struct.unpack(">II", data[at - step + 16 : at - step + 24])
        if not any(_verifies(view, at, page_size, own, big, seed) for big in (True, False)):
            break
        seen.append(own)
    return max(seen, key=seen.count)  # the first of the most borne


_SALT_WITNESSES = 5  # frames whose salts `_live_salts` compares


def unread_commits(data: bytes, page_size: int = DEFAULT_PAGE_SIZE) -> int:
    """How many commits the WAL bytes ``data`` hold that SQLite would not read even
    from its `rechained` copy (what a rescue reads), so that a rescue says them instead
    of giving a smaller journal without a word: the commit frames of the log (its
    first frame, and each later frame with the log's salts whose checksum goes on from
    the frame before it, in either byte order) less the commits SQLite reads of the
    copy. 0 for no log, or one read whole. ``page_size``: the database's, in bytes."""
    reading = read_log(data)
    size = reading.page_size or page_size
    step = FRAME_HEADER_BYTES + size
    count = (len(data) - HEADER_BYTES) // step
    if count < 1 or not _page_size(size):
        return 0
    salts = data[16:24] if reading.page_size else _live_salts(data, size)
    view = memoryview(data)
    held = 0
    for index in range(count):
        at = HEADER_BYTES + index * step
        if not int.from_bytes(data[at + 4 : at + 8], "big"):
            continue  # not a commit frame
        if index:
            if data[at + 8 : at + 16] != salts:
                continue  # a frame of an earlier log, or one whose salts are damaged
            seed = struct.unpack(">II", data[at - step + 16 : at - step + 24])
            if not any(_verifies(view, at, size, salts, big, seed) for big in (True, False)):
                continue
        held += 1
    return max(0, held - read_log(rechained(data, size)).commits)


def cut_short(size: int, header: bytes, page_size: int = DEFAULT_PAGE_SIZE) -> bool:
    """Whether a WAL of ``size`` bytes, whose first bytes are ``header``, is not the
    shape SQLite leaves it in: not empty, yet shorter than its header and one whole
    frame, or not its 32-byte header plus whole frames (24-byte frame header and one
    page each; the page size the header gives when it verifies, else the database's
    ``page_size``, in bytes).

    SQLite writes a log from its start, in whole frames, and reuses the file at its
    length after a checkpoint: left to itself the file is empty (a new log, or one
    truncated by a checkpoint) or a header with whole frames. Any other length is a
    copy or a sync that stopped early, a file-system repair, or a process stopped
    between the writes of one frame (a crash mid-commit, whose commit was never
    acknowledged). The two cannot be told apart from the bytes (a cut may end where a
    torn frame would), and a cut can take acknowledged commits with it while SQLite
    reads what is left as a healthy log, without a word (break test 16 of session 17,
    finding 1). So every such log counts as cut short: a torn frame, rare in itself
    (SQLite writes the frames of a commit, then syncs them, before it acknowledges
    it), costs a kept copy and a calm note that the latest changes may be missing,
    which is true of it too; a cut taken for a torn frame would lose words unsaid."""
    if size == 0:
        return False
    size_from_header, _big = _header(header)
    page = size_from_header or page_size
    step = FRAME_HEADER_BYTES + page
    return size < HEADER_BYTES + step or (size - HEADER_BYTES) % step != 0


def wal_problem(db_path: Path, page_size: int) -> str | None:
    """`log_problem` of the WAL beside the database ``db_path`` (``<name>-wal``), whose
    pages are ``page_size`` bytes; None when there is no WAL or it cannot be read (a
    companion that is not a file is `damage.file_problem`'s to tell). Reads the file
    once and writes nothing."""
    try:
        data = read_regular(wal_of(db_path))
    except (OSError, NotAFile):
        return None
    return log_problem(data, page_size)

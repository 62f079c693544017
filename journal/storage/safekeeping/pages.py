"""Reading a damaged SQLCipher database page by page, for rescue.

SQLite finds a table's rows by walking its B-tree from the root page. In a damaged
or truncated file that walk stops at the first missing page above the rows (an
interior page past the cut, the schema's own pages), although the pages holding
the rows themselves are intact and decrypt. SQLCipher encrypts every page on its
own: with the data key and the salt (the file's first 16 bytes, kept in plain) a
page decrypts wherever it sits, as long as it stays at its own page number (the
page number is part of each page's HMAC).

So the rescue builds a *lens*: a new scratch SQLCipher database keyed with the same
data key and salt (SQLCipher's raw key-and-salt form), whose schema names one table
per page of the damaged file, each with that page as its root page, and then has
the damaged file's pages copied in at their own page numbers. SQLite and SQLCipher
then read each page as it stands: a leaf page of entries gives its rows, any other
page (an index, the search index, overflow, a page that does not decrypt) gives an
error or rows of another shape, which are left out. No page is parsed by our code
and nothing is decrypted by it; the lens is ciphertext like the original and lives
only in the rescue's private scratch folder.

The lens's own pages (its schema and a filler table that reserves page numbers 2..N)
sit past the damaged file's last page, so they never shadow it.
"""

from __future__ import annotations

import contextlib
import re
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.files import open_regular
from journal.storage.lock.engine import wipe
from journal.storage.safekeeping.checks import PAGE_SIZE
from journal.storage.types import unpack_text

SALT_BYTES = 16  # SQLCipher 4 keeps the database's salt in plain in the file's first 16 bytes
_HEX = [f"{i:02x}".encode("ascii") for i in range(256)]
_STORED_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\Z")
_TEXT_COLUMNS = ("title", "headline", "tags", "feelings")


def pages_present(db_path: Path) -> int:
    """How many whole pages (of `PAGE_SIZE` bytes) the file at ``db_path`` holds."""
    return db_path.stat().st_size // PAGE_SIZE


def scanned_entries(
    db_path: Path, data_key: bytes | bytearray, columns: Sequence[str]
) -> list[dict[str, Any]]:
    """Every entry row that a page of the SQLCipher file ``db_path`` holds and that
    decrypts with ``data_key`` (32 bytes) and the file's own salt, whatever became of
    the pages above it.

    ``columns`` is the entries table's column order in that file (the order of its
    ``CREATE TABLE``; an entry's record lists its values in that order). Each row
    comes back as a dict of the known entry fields, as the ORM reads them (aware UTC
    datetimes, the body unpacked to ``str``, ``shared`` as bool), with ``seq``; rows
    that are not entries (other tables' pages, damaged records) are left out. The
    same entry may come back more than once (from its leaf page and from an interior
    page above it): the caller keeps one per ``id``. An empty list when the file is
    too short to hold its salt and a second page. Raises ``OSError`` when the scratch
    lens cannot be written next to ``db_path``.
    """
    count = pages_present(db_path)
    with open_regular(db_path) as source:
        salt = source.read(SALT_BYTES)
    if count < 2 or len(salt) < SALT_BYTES:
        return []
    literal = bytearray(b"x'")
    for byte in bytes(data_key) + salt:
        literal += _HEX[byte]
    literal += b"'"
    found: list[dict[str, Any]] = []
    try:
        with _lens(db_path, literal, count, columns) as connect:
            connection = connect()
            try:
                for page in range(2, count + 1):
                    try:
                        rows = connection.execute(f'SELECT * FROM "page_{page}"').fetchall()
                    except sqlcipher3.DatabaseError:
                        # SQLCipher keeps a page's failure on the connection, even where
                        # its schema still reads (break test 16 of session 15: one
                        # damaged page 2 hid every entry after it): a fresh one for each.
                        rows = []
                        connection.close()
                        connection = connect()
                    found.extend(
                        entry
                        for row in rows
                        if (entry := entry_from_record(dict(zip(columns, row, strict=False))))
                    )
            finally:
                connection.close()
    finally:
        wipe(literal)
    return found


def entry_from_record(values: dict[str, Any]) -> dict[str, Any] | None:
    """The entry a record read from some page holds, as the ORM would read it, or None
    when the record is not an entry's (each field must have the type and form Solace
    stores: a UUID id, UTC moments as ``YYYY-MM-DD HH:MM:SS.ffffff``, the body as
    zlib-packed UTF-8, a mood 1-5 or none, shared 0 or 1)."""
    try:
        seq, ident = values["seq"], values["id"]
        if not isinstance(seq, int) or not isinstance(ident, str) or len(ident) != 36:
            return None
        uuid.UUID(ident)
        entry: dict[str, Any] = {"seq": seq, "id": ident}
        for name in ("created_at", "updated_at"):
            moment = values[name]
            if not isinstance(moment, str) or not _STORED_MOMENT.match(moment):
                return None
            entry[name] = datetime.fromisoformat(moment).replace(tzinfo=UTC)
        body = values["body"]
        if not isinstance(body, bytes | str):
            return None
        entry["body"] = unpack_text(body)
        for name in _TEXT_COLUMNS:
            if name in values:
                if not isinstance(values[name], str | None):
                    return None
                entry[name] = values[name] or ""
        mood = values.get("mood")
        if mood is not None and (not isinstance(mood, int) or not 1 <= mood <= 5):
            return None
        shared = values.get("shared", 0)
        if shared not in (0, 1):
            return None
        prompt = values.get("prompt_id")
        if prompt is not None and not isinstance(prompt, str):
            return None
        zone = values.get("zone")
        if zone is not None and not isinstance(zone, str):
            return None
    except (KeyError, ValueError, zlib.error, UnicodeDecodeError):
        return None
    return entry | {"mood": mood, "shared": bool(shared), "prompt_id": prompt, "zone": zone}


@contextmanager
def _lens(
    db_path: Path, literal: bytearray, count: int, columns: Sequence[str]
) -> Iterator[Callable[[], Any]]:
    """The lens next to ``db_path`` (see the module's docstring), yielded as a function
    that opens a keyed, read-only connection to it; removed afterwards."""
    lens = db_path.with_name(f"lens-{uuid.uuid4()}.db")
    declared = ", ".join(
        '"seq" INTEGER PRIMARY KEY' if name == "seq" else f'"{name}"' for name in columns
    )

    def connect() -> Any:
        connection = sqlcipher3.connect(str(lens), check_same_thread=False)
        connection.set_key(literal)
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("PRAGMA query_only = ON")
        return connection

    try:
        build = sqlcipher3.connect(str(lens), isolation_level=None)
        try:
            build.set_key(literal)
            build.execute("PRAGMA cipher_log_level = NONE")
            build.execute("PRAGMA journal_mode = OFF")
            build.execute("PRAGMA synchronous = OFF")
            build.execute("BEGIN")
            build.execute("CREATE TABLE filler(b BLOB)")  # pages 2 and on, past `count`
            build.execute("INSERT INTO filler VALUES (zeroblob(?))", ((count + 1) * PAGE_SIZE,))
            build.execute("PRAGMA writable_schema = ON")
            build.executemany(
                "INSERT INTO sqlite_master VALUES ('table', ?1, ?1, ?2, ?3)",
                (
                    (f"page_{page}", page, f'CREATE TABLE "page_{page}" ({declared})')
                    for page in range(2, count + 1)
                ),
            )
            build.execute("COMMIT")
        finally:
            build.close()
        with open_regular(db_path) as source, lens.open("r+b") as target:
            source.seek(PAGE_SIZE)
            target.seek(PAGE_SIZE)
            for _page in range(2, count + 1):
                target.write(source.read(PAGE_SIZE))
        yield connect
    finally:
        with contextlib.suppress(FileNotFoundError):
            lens.unlink()

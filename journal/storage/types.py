"""Column types every feature's models share.

``UtcDateTime`` is the one way a moment is stored: SQLite holds it as naive
UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``, SQLAlchemy's ``DateTime`` format,
which sorts as time does), Python sees a timezone-aware UTC ``datetime``.
Conversion to and from the person's local time happens in
``journal.domain.common.local_time``, never here.

``PackedText`` is an entry's body: zlib-compressed UTF-8 in SQLite (a BLOB; about
two fifths of the bytes of English prose, which is most of a journal's file; packed
with a preset dictionary since issue 12), the exact same ``str`` in Python. Raw SQL
reads it through the ``solace_unpack`` SQL function that `register_functions` adds
to every connection (the full-text index's content view and triggers use it too).
"""

from __future__ import annotations

import codecs
import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, LargeBinary, TypeDecorator
from sqlalchemy.engine import Dialect

from journal.domain.common.local_time import local_day
from journal.domain.entries.entry import (
    HEADLINE_READ,
    UNTITLED,
    body_headline,
    title_headline,
)
from journal.storage.pack_dictionary import PACK_DICTIONARY, PACK_DICTIONARY_ID

__all__ = [
    "PackedText",
    "UtcDateTime",
    "index_text",
    "pack_text",
    "register_functions",
    "stored_headline",
    "stored_text",
]

# zlib's default level: within a few per cent of level 9's size on journal prose, at
# a fraction of the time (a 2M-character body packs in about 20 ms).
PACK_LEVEL = 6
_PRIMED_PACKER = zlib.compressobj(PACK_LEVEL, zdict=PACK_DICTIONARY)
_PRIMED_UNPACKER = zlib.decompressobj(zdict=PACK_DICTIONARY)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in (any zone, turned to UTC), naive UTC in SQLite, aware UTC out.

    Binding a naive datetime raises ValueError: a naive time has no place in
    storage, and guessing its zone is how times end up an hour off.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"stored times must be timezone-aware datetimes, got {value!r}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def stored_text(moment: datetime) -> str:
    """An aware moment as the text ``UtcDateTime`` stores, for raw SQL comparisons."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected a timezone-aware datetime, got {moment!r}")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def pack_text(text: str) -> bytes:
    """``text`` as stored by `PackedText`: UTF-8, zlib-compressed (level `PACK_LEVEL`)
    with the preset dictionary `PACK_DICTIONARY`, which the stream's header names by
    its Adler-32 (lossless; `unpack_text` reverses it)."""
    packer = _PRIMED_PACKER.copy()  # priming hashes the 32 KiB dictionary: done once
    return packer.compress(text.encode("utf-8")) + packer.flush()


def unpack_text(stored: bytes | str | None) -> str | None:
    """The text `pack_text` stored, with or without the preset dictionary (bodies packed
    before issue 12's dictionary have none); text stored before packing comes back as
    it is.

    Raises zlib.error or UnicodeDecodeError for bytes that `pack_text` did not make,
    and zlib.error for a stream that names a dictionary other than `PACK_DICTIONARY`.
    """
    if stored is None or isinstance(stored, str):
        return stored
    unpacker = _unpacker(stored)
    text = unpacker.decompress(stored) + unpacker.flush()
    if not unpacker.eof:
        raise zlib.error("the packed text ends early")
    return text.decode("utf-8")


def _unpacker(stored: bytes) -> zlib._Decompress:
    """A fresh zlib decompressor for ``stored``: primed with `PACK_DICTIONARY` when the
    stream names it. Raises zlib.error when it names another dictionary."""
    if not _names_dictionary(stored):
        return zlib.decompressobj()
    if int.from_bytes(stored[2:6], "big") != PACK_DICTIONARY_ID:
        raise zlib.error("packed with a dictionary Solace does not have")
    return _PRIMED_UNPACKER.copy()


def stored_headline(title: str | None, stored: bytes | str | None) -> str:
    """`make_headline` of an entry as stored (``title``, the body as `PackedText` keeps
    it): the headline every list shows, made when read, never stored (issue 12: a
    stored copy was 8 % of a journal's file, and each change of the rule that makes it
    rewrote every entry: migrations 0017, 0019 and 0026).

    Only the body's first `HEADLINE_READ` characters are unpacked (at most 4 bytes of
    UTF-8 each), so a two-million-character entry costs what a short one does. Raises
    zlib.error as `unpack_text` does.
    """
    made = title_headline(title or "")
    if made or stored is None:
        return made or UNTITLED
    if isinstance(stored, str):
        return body_headline(stored) or UNTITLED
    head = _unpacker(stored).decompress(stored, 4 * HEADLINE_READ + 3)
    # A character cut at the end of ``head`` is left out: it is past those read.
    text = codecs.getincrementaldecoder("utf-8")().decode(head)
    return body_headline(text) or UNTITLED


def _names_dictionary(stored: bytes) -> bool:
    """Whether a zlib stream's header sets FDICT (RFC 1950 2.2: bit 5 of its second
    byte), which puts the dictionary's Adler-32 in its next four bytes."""
    return len(stored) >= 6 and bool(stored[1] & 0x20)


class PackedText(TypeDecorator[str]):
    """``str`` in Python, zlib-compressed UTF-8 in SQLite (see `pack_text`)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"packed text must be str, got {type(value).__name__}")
        return pack_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return unpack_text(value)


def stored_local_day(stored: str | None, zone: str | None) -> str | None:
    """The ISO date (``YYYY-MM-DD``) of a moment stored by `UtcDateTime` in the IANA
    ``zone`` (an entry's own), or in the computer's zone when ``zone`` is NULL."""
    if stored is None:
        return None
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    return local_day(moment, zone).isoformat()


def index_text(stored: bytes | str | None) -> str | None:
    """`unpack_text` as SQL gets it: each NUL character becomes a space.

    sqlcipher3 hands a Python function's text to SQLite up to its first NUL only, so
    the word index (and the search snippets) of a body holding a NUL (a paste from a
    terminal or a PDF can bring one) ended there: no word after it could be found.
    A NUL is no letter and no word, and the index splits words at it anyway."""
    text = unpack_text(stored)
    return text.replace("\x00", " ") if text and "\x00" in text else text


def long_index_text(stored: bytes | str | None, longer_than: int) -> str | None:
    """`index_text` of ``stored`` when it holds more than ``longer_than`` characters,
    else None: what a search needs to choose a snippet's maker, with one unpacking."""
    text = index_text(stored)
    return text if text is not None and len(text) > longer_than else None


def index_body(stored: bytes | str | None, title: str | None, tags: str | None) -> str | None:
    """What the word index reads as an entry's body: `index_text` of ``stored``, then
    the other forms of the words of its title, body and tags
    (`journal.storage.word_forms.index_forms`: NFKC-folded words, Hebrew and Arabic words
    without their prefixes; "" for most texts), so one unpacking serves both
    (migration 0013)."""
    from journal.storage.word_forms import index_forms

    text = index_text(stored)
    forms = index_forms(title or "", text or "", tags or "")
    return (text or "") + forms if forms else text


def register_functions(connection: Any) -> None:
    """Add Solace's SQL functions to a DB-API (sqlcipher3) connection:
    ``solace_unpack(stored)`` is `index_text`, for the word index's view and
    triggers and the search snippets (not the exact text: read a body through
    `PackedText` for that); ``solace_local_day(created_at, zone)`` is
    `stored_local_day`, for day filters. The latter is not deterministic: NULL means
    the computer's zone, which can change. ``solace_long_text(stored, n)`` is
    `long_index_text` (the search's long-entry snippets). ``solace_index_body(stored,
    title, tags)`` is `index_body`, the body as the word index reads it (migration
    0013). ``solace_headline(title, stored)`` is `stored_headline`, the headline lists
    show (migration 0031)."""
    connection.create_function("solace_unpack", 1, index_text, deterministic=True)
    connection.create_function("solace_long_text", 2, long_index_text, deterministic=True)
    connection.create_function("solace_local_day", 2, stored_local_day)
    connection.create_function("solace_index_body", 3, index_body, deterministic=True)
    connection.create_function("solace_headline", 2, stored_headline, deterministic=True)

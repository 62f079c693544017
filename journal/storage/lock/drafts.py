"""Sealed drafts: unsaved text kept encrypted beside the database when saving fails.

When the disk is full at lock, the database cannot take the last words typed, but
the lock must still forget the key. The words are then sealed with AES-256-GCM
under a key derived from the journal's data key (HKDF-SHA256, its own ``info``, so
the data key itself never encrypts anything else) and written to a small file,
`drafts.sealed`, next to the database. The next unlock opens the file, hands the
drafts back to the areas they came from and removes it.

The file holds a JSON object ``{area id: draft text}``; what a draft text means is
the area's business. The associated data binds the file to its journal, so a file
copied from another journal does not open.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from journal.files import NotAFile, read_regular
from journal.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

DRAFTS_NAME = "drafts.sealed"
_FORMAT = b"solace-drafts/1"
_NONCE_BYTES = 12


def _sealing_key(data_key: bytes | bytearray) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_FORMAT)
    return hkdf.derive(bytes(data_key))


def _associated(journal_id: str) -> bytes:
    return _FORMAT + b"/" + journal_id.encode("ascii")


def seal(data_key: bytes | bytearray, journal_id: str, drafts: dict[str, str]) -> bytes:
    """The drafts encrypted for this journal: nonce (12 bytes) + AES-GCM ciphertext."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE_BYTES)
    plain = json.dumps(drafts, ensure_ascii=False).encode("utf-8")
    return nonce + AESGCM(_sealing_key(data_key)).encrypt(nonce, plain, _associated(journal_id))


def unseal(data_key: bytes | bytearray, journal_id: str, sealed: bytes) -> dict[str, str] | None:
    """The drafts, or None when this key or journal does not open them."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce, body = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
    try:
        plain = AESGCM(_sealing_key(data_key)).decrypt(nonce, body, _associated(journal_id))
    except (InvalidTag, ValueError):
        return None
    drafts = json.loads(plain.decode("utf-8"))
    return {str(k): str(v) for k, v in drafts.items()}


def write_sealed(folder: Path, sealed: bytes) -> None:
    """Write the sealed drafts next to the database (atomically; DiskFull or
    StorageFailed when that is impossible too)."""
    atomic_write_bytes(folder / DRAFTS_NAME, sealed)


def read_sealed(folder: Path) -> bytes | None:
    """The sealed drafts file's bytes (AES-GCM under the data key), or None when there is
    none or something other than a file is in its place."""
    try:
        return read_regular(folder / DRAFTS_NAME)
    except (FileNotFoundError, NotAFile):  # a pipe or a folder in its place holds no drafts
        return None


def reseal(
    folder: Path, journal_id: str, retired: list[bytes | bytearray], current: bytes | bytearray
) -> bool:
    """Seal the drafts file beside the database under the ``current`` data key when one
    of the ``retired`` keys (a rotation's old key) is what opens it, so no sealed words
    stay on disk under a retired key. Returns whether the file was re-sealed; a file
    that opens with none of them is left to `unseal` to report. Raises DiskFull or
    StorageFailed when the new file cannot be written (the old one is then still in
    place, and its key is still the caller's)."""
    sealed = read_sealed(folder)
    if sealed is None or unseal(current, journal_id, sealed) is not None:
        return False
    for key in retired:
        found = unseal(key, journal_id, sealed)
        if found is not None:
            write_sealed(folder, seal(current, journal_id, found))
            log.info("sealed drafts re-sealed under the current key")
            return True
    return False


def forget_sealed(folder: Path) -> None:
    """Delete the sealed drafts file, if there is one."""
    (folder / DRAFTS_NAME).unlink(missing_ok=True)

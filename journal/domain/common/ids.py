"""Identifiers: whether a text is a UUID (a journal's folder name, an entry's id)."""

from __future__ import annotations

import uuid

__all__ = ["is_uuid"]


def is_uuid(value: str) -> bool:
    """Whether ``value`` is a UUID in any of the forms `uuid.UUID` reads."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True

"""Asking SQLite about many ids: a few hundred in each query.

SQLite binds at most 32,766 values to one statement (``SQLITE_MAX_VARIABLE_NUMBER``
since 3.32), and a long ``IN (…)`` is also slower to plan; the ids of a list (the
Journal's rows, an import's entries) are asked ``IDS_PER_QUERY`` at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["IDS_PER_QUERY", "id_batches"]

#: Ids bound to one query.
IDS_PER_QUERY = 500

T = TypeVar("T")


def id_batches(ids: Sequence[T], size: int = IDS_PER_QUERY) -> Iterator[Sequence[T]]:
    """``ids`` in consecutive slices of at most ``size`` (in order; none for none)."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]

"""Column types every feature's models share.

``UtcDateTime`` is the one way a moment is stored: SQLite holds it as naive
UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``, SQLAlchemy's ``DateTime`` format,
which sorts as time does), Python sees a timezone-aware UTC ``datetime``.
Conversion to and from the person's local time happens in
``journal.domain.common.local_time``, never here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.engine import Dialect

__all__ = ["UtcDateTime", "stored_text"]


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

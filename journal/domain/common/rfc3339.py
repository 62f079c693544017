"""The one way an export writes a moment: RFC 3339 in UTC, to the millisecond.

``2026-12-02T01:46:35.684Z``: UTC always (the "Z"), so a spreadsheet or a doctor joining
the export's files (body-log.csv, journal.json, the entries' Markdown) sees one time
for one moment (break test 10 of session 15, finding 8: the CSV said ``…35Z``, the JSON
``…35.684000+00:00``). Milliseconds, because Solace's clock keeps them (`now_utc`) and
an export read back must give the same moments; a moment with finer digits (brought in
by an import from another app) keeps all six, so nothing is rounded away.
"""

from __future__ import annotations

from datetime import UTC, datetime

from journal.domain.common.local_time import as_utc

__all__ = ["parse_rfc3339", "rfc3339"]


def rfc3339(moment: datetime) -> str:
    """``moment`` (aware, any zone) as ``YYYY-MM-DDTHH:MM:SS.mmmZ`` in UTC; six digits
    after the second only when it has finer digits than milliseconds. Raises ValueError
    on a naive datetime (our bug: `as_utc`)."""
    utc = as_utc(moment)
    micro = utc.microsecond
    fraction = f"{micro // 1000:03d}" if micro % 1000 == 0 else f"{micro:06d}"
    return f"{utc.strftime('%Y-%m-%dT%H:%M:%S')}.{fraction}Z"


def parse_rfc3339(text: str) -> datetime:
    """An aware UTC datetime from text written by `rfc3339`, or by Solace before it
    (``2026-12-02T01:46:35Z`` to the second, ``…35.684000+00:00`` with its offset).
    Raises ValueError on text that is no time or a time without its offset (which
    could be hours off)."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a time without its offset: {text!r}")
    return moment.astimezone(UTC)

"""Numbers in words as a person reads them: counts and sizes."""

from __future__ import annotations


def count(number: int, singular: str, plural: str) -> str:
    """``number`` (with thousands separators) and the noun that fits it: "1 entry",
    "0 entries", "20,000 entries". Every count Solace says goes through here: written
    inline, a plural was forgotten ("1 entries were rescued", break test 16 of the
    eighth session, finding 16; "1 logs" in the summary for the doctor)."""
    return f"{number:,} {singular if number == 1 else plural}"


def size(number: int) -> str:
    """A size in bytes as a person reads it: "850 KB", "48.2 MB", "1.3 GB" (decimal
    units, as file managers show them; at least "1 KB"). Every size Solace says goes
    through here: a room needed of 250 KB was said as "about 1 MB" (break test 16 of
    the eighth session, finding 17)."""
    if number < 1_000_000:
        return f"{max(1, round(number / 1000))} KB"
    if number < 1_000_000_000:
        return f"{number / 1_000_000:.1f} MB"
    return f"{number / 1_000_000_000:.1f} GB"

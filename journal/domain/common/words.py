"""Numbers in words as a person reads them."""

from __future__ import annotations


def count(number: int, singular: str, plural: str) -> str:
    """``number`` (with thousands separators) and the noun that fits it: "1 entry",
    "0 entries", "20,000 entries". Every count Solace says goes through here: written
    inline, a plural was forgotten ("1 entries were rescued", break test 16 of the
    eighth session, finding 16; "1 logs" in the summary for the doctor)."""
    return f"{number:,} {singular if number == 1 else plural}"

"""Numbers in words as a person reads them (counts and sizes), and text shortened
for a list or a message without breaking a character a person sees."""

from __future__ import annotations

from functools import cache
from typing import Any

ELLIPSIS = "…"


@cache
def _grapheme() -> Any:
    """An extended grapheme cluster (Unicode UAX #29, by the ``regex`` library): what a
    person sees as one character: "👨‍👩‍👧‍👦", a flag, "é" written as e + U+0301.
    Imported on the first cut, not at start-up (the lock screen needs none)."""
    import regex

    return regex.compile(r"\X")


def as_written(text: str) -> str:
    """``text`` typed into a free-text note, kept exactly as written: a leading indent,
    a tab and empty lines at the end stay (issue 9, "what I type is what I get back":
    body-log notes and an appointment's questions came back trimmed). Only a text of
    nothing but white space counts as no text, and gives ""."""
    return text if text.strip() else ""


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


def needs_room(needed: int) -> str:
    """The words ' (it needs about 6.2 MB of free space)' for ``needed`` bytes, '' for
    0 (not known): the free space the work needs in all, said so. "It needs about 6.2
    MB" with 5.2 MB free read as 6.2 MB more to free (re-test 41, F7)."""
    return f" (it needs about {size(needed)} of free space)" if needed else ""


def shorten(text: str, limit: int, *, at_space: bool = True) -> str:
    """``text`` as it is when it has at most ``limit`` characters (code points); else
    cut to fewer, ending in "…", so that the whole is at most ``limit``. The cut falls
    between two characters a person sees (grapheme clusters: a family emoji, a flag
    or an accented letter is kept whole or left out whole; break test 9 of session
    10, finding 10) and, when ``at_space``, at the last space in the second half if
    there is one, with trailing punctuation dropped. Looks at ``limit`` + 64
    characters at most. A text whose first ``limit`` characters are ASCII with no
    carriage return (each its own cluster, and an ASCII character never joins the one
    before it) is cut without looking for clusters: the same cut, in a fraction of
    the time (a list makes a headline for every row it reads: issue 12)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if head.isascii() and "\r" not in head:
        end = max(0, limit - 1)
    else:
        end = 0
        for cluster in _grapheme().finditer(text, 0, min(len(text), limit + 64)):
            if cluster.end() > limit - 1:
                break
            end = cluster.end()
    cut = text[:end]
    if at_space:
        space = cut.rfind(" ")
        if space >= limit // 2:
            cut = cut[:space]
        cut = cut.rstrip(" ,;:.-")
    return cut + ELLIPSIS

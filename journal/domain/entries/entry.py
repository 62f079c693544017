"""Journal entries: what one piece of writing holds, and how it is named in lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from journal.domain.common.local_time import as_utc, local_zone_name
from journal.domain.common.words import shorten
from journal.domain.entries.feelings import Mood
from journal.domain.entries.lines import LINE_BREAK, LINE_BREAKS
from journal.domain.entries.markup import MARKED_LIMIT
from journal.domain.entries.plain import LINE_WINDOW, plain_line
from journal.domain.entries.visible import first_visible, has_visible
from journal.domain.safekeeping.controls import shown

MAX_BODY_CHARS = 2_000_000
MAX_HEADLINE_CHARS = 80
#: How far into a body its headline is looked for, in characters: a body whose first
#: 4,096 hold no line with words is an "Untitled entry". A list makes the headline of
#: every row it reads (since issue 12), and a body of two million line breaks before
#: its first words took one 5.3 s, at every list (break test 52, F1).
HEADLINE_REACH = 4_096
#: The most characters of a body its headline reads (`body_headline`).
HEADLINE_READ = HEADLINE_REACH + MARKED_LIMIT + 1  # (≥ HEADLINE_REACH + LINE_WINDOW)
UNTITLED = "Untitled entry"


def _aware_utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return as_utc(value)  # held at the calendar's end rather than raising


def make_headline(title: str, body: str) -> str:
    """The title, or else the first line of the body with something in it, as plain words.

    "Something" is a character that shows (``journal.domain.entries.visible``): a line
    holding only a direction mark or a zero-width space is skipped like a blank one,
    and a control character shows as its visible mark ("␀"), never as a box or
    nothing (break test 9 of session 14, finding 10). Reads only the body's first
    `HEADLINE_READ` characters, so a two-million-character entry costs no more than a
    short one. Made when an entry is read, never stored (since issue 12: see
    `journal.storage.types.stored_headline`).
    """
    return title_headline(title) or body_headline(body) or UNTITLED


def title_headline(title: str) -> str:
    """The headline ``title`` gives (`make_headline`), or "" when nothing in it shows."""
    cleaned_title = " ".join(title.split())
    if cleaned_title and has_visible(cleaned_title):
        return _shown_headline(cleaned_title)
    return ""


def body_headline(body: str) -> str:
    """The headline the first line of ``body`` with something in it gives
    (`make_headline`), or "" when no line has: only a line whose first character that
    shows is among the first `HEADLINE_REACH` is looked at, and of it only what
    `plain_line` reads (a line longer than ``MARKED_LIMIT`` has no markers and shows
    ``LINE_WINDOW`` characters from its first that shows), so the body's first
    `HEADLINE_READ` characters at most are read. A line with no character that shows
    is passed over in the one search, never read on its own."""
    head = body[:HEADLINE_READ]
    start = 0
    while 0 <= (found := first_visible(head, start)) < HEADLINE_REACH:
        line_start = max(head.rfind(mark, 0, found) for mark in LINE_BREAKS) + 1
        after = LINE_BREAK.search(head, found)
        start = after.start() if after else len(head)
        # Enough of the line for `plain_line`: whether it is longer than MARKED_LIMIT,
        # and the LINE_WINDOW characters from its first that shows.
        read = max(line_start + MARKED_LIMIT + 1, found + LINE_WINDOW)
        plain = plain_line(head[line_start : min(start, read)])
        if plain and has_visible(plain):
            return _shown_headline(plain)
    return ""


def _shown_headline(words: str) -> str:
    """``words`` (plain, with something that shows) as a headline: control characters
    as their marks (`shown`), cut to `MAX_HEADLINE_CHARS`. When nothing shows in its
    first `MAX_HEADLINE_CHARS` (a hundred zero-width spaces before the words), it starts
    at its first character that shows: the row read only "…" (re-test 52, N3). A few
    such characters, such as a direction mark, stay where they are."""
    if not has_visible(words[:MAX_HEADLINE_CHARS]):
        words = words[first_visible(words) :]
    return shorten(shown(words), MAX_HEADLINE_CHARS)


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What a list or calendar view needs to show an entry, without its body."""

    id: str
    created_at: datetime
    headline: str
    mood: Mood | None
    feelings: tuple[str, ...]
    tags: tuple[str, ...]
    shared: bool
    zone: str | None = None  # the IANA zone it was written in; None: the computer's


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One journal entry. Private unless its author marks it shared.

    ``id`` is a UUID string, kept when an entry is seen from the partner's
    journal in Together mode. Times are timezone-aware and kept in UTC; ``zone`` is
    the IANA zone the entry was written in ("Asia/Tokyo"), in which its times and
    its day are shown, or None for the computer's zone (entries from before zones
    were kept, and imports whose source named none).
    """

    id: str
    created_at: datetime
    updated_at: datetime
    title: str = ""
    body: str = ""
    mood: Mood | None = None
    feelings: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    shared: bool = False
    prompt_id: str | None = None
    zone: str | None = None

    def __post_init__(self) -> None:
        uuid.UUID(self.id)  # raises ValueError when the id is not a UUID
        object.__setattr__(self, "created_at", _aware_utc(self.created_at, "created_at"))
        object.__setattr__(self, "updated_at", _aware_utc(self.updated_at, "updated_at"))
        object.__setattr__(self, "feelings", tuple(self.feelings))
        object.__setattr__(self, "tags", tuple(self.tags))

    @property
    def headline(self) -> str:
        """Title, else the first non-empty body line without Markdown, else "Untitled entry"."""
        return make_headline(self.title, self.body)

    def summary(self) -> EntrySummary:
        return EntrySummary(
            id=self.id,
            created_at=self.created_at,
            headline=self.headline,
            mood=self.mood,
            feelings=self.feelings,
            tags=self.tags,
            shared=self.shared,
            zone=self.zone,
        )


def new_entry(now: datetime, prompt_id: str | None = None) -> Entry:
    """A fresh, empty, private entry with a new UUID4 id, in the computer's zone now
    (`local_zone_name`: where it is being written)."""
    moment = _aware_utc(now, "now")
    return Entry(
        id=str(uuid.uuid4()),
        created_at=moment,
        updated_at=moment,
        prompt_id=prompt_id,
        zone=local_zone_name(),
    )


def check_entry_size(body: str) -> str | None:
    """A kind message when ``body`` is too long for one entry; ``None`` when it fits."""
    return check_entry_length(len(body))


def check_entry_length(length: int) -> str | None:
    """The same check from a length alone (a paste is measured before it is inserted).

    What matters first, short enough for the editor's two message lines at 1366x768
    (break test 9 of session 14, finding 7: the advice was cut to "You could split …"):
    nothing changed, what to do, then the figures."""
    if length <= MAX_BODY_CHARS:
        return None
    return (
        "Nothing was changed: this is too long for one entry. Split it into a few "
        f"entries ({length:,} characters; one holds up to {MAX_BODY_CHARS:,})."
    )

"""A day (and time) typed over a date field, read by Solace as a whole, in the order
it is read, never section by section against the sections not yet typed.

Qt's date fields check each section against the others as it is typed: with the
person's locale writing the day first ("dd/MM/yyyy"), "31/12/2025" typed over a
November day had its 31 checked against November, and was refused or made 30
before the 12 came (``31/12/2025`` became 03/12/2025, ``29/02/2024`` over 2025
became 28/02/2024). Here what is typed from the start of a section on is held as
typed (`TypedOver`), shown in the field over what it held (the sections not typed
yet keep theirs), and read by the field's own format (`layout_of`):

- nothing typed is judged while the typing goes on: not a section alone, not the
  day the sections typed so far make with the ones not typed yet (31 typed over
  "02/12" made 31/12 for an instant; "31/11/2026" was refused before the " 08:15"
  still coming, which then edited the day kept: break test 15 of session 15,
  findings 3 and 5);
- what is typed is read as a whole when the typing ends (`TypedOver.ended`: the
  last section typed whole; or the field left, Enter, an arrow key): a moment that
  exists is taken, one that does not ("31/11/2025") is refused in words saying what
  is possible (`no_such_day`), and kept as typed until corrected (`dates`).

Only the short numeric formats the app shows (``dates.date_format`` and
``dates.time_format``: d, dd, M, MM, yyyy, H, HH, h, hh, m, mm, AP) are read here;
`layout_of` returns None for any other, and Qt's own typing stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QDate, QLocale, QTime

from journal.ui.common.local_time import words_locale

__all__ = ["NOT_READ", "Layout", "Part", "TypedOver", "layout_of", "no_such_day"]

#: The sections read here: format letters -> (unit, fewest digits, most digits).
_SECTIONS = {
    "d": ("day", 1, 2),
    "dd": ("day", 2, 2),
    "M": ("month", 1, 2),
    "MM": ("month", 2, 2),
    "yyyy": ("year", 4, 4),
    "H": ("hour", 1, 2),
    "HH": ("hour", 2, 2),
    "h": ("hour12", 1, 2),
    "hh": ("hour12", 2, 2),
    "m": ("minute", 1, 2),
    "mm": ("minute", 2, 2),
    "AP": ("ampm", 1, 2),
    "Ap": ("ampm", 1, 2),
    "aP": ("ampm", 1, 2),
    "ap": ("ampm", 1, 2),
    "A": ("ampm", 1, 2),
    "a": ("ampm", 1, 2),
}
_LARGEST = {"day": 31, "month": 12, "year": 9999, "hour": 23, "hour12": 12, "minute": 59}
_DAY_UNITS = ("day", "month", "year")
#: Why a typing with a character that has no place in the format is no day (`read`).
NOT_READ = "not read"


@dataclass(frozen=True)
class Part:
    """One piece of a format: a section (``unit`` "day", "month", "year", "hour",
    "hour12", "minute" or "ampm", with its fewest and most characters) or the
    literal text between sections (``unit`` "")."""

    unit: str
    text: str = ""  # the literal, for a literal part
    fewest: int = 0
    most: int = 0


@dataclass(frozen=True)
class Layout:
    """A display format read into its parts, in reading order."""

    parts: tuple[Part, ...]

    @property
    def sections(self) -> list[int]:
        """The indexes of the parts that are sections, in reading order."""
        return [i for i, part in enumerate(self.parts) if part.unit]

    def split(self, text: str, *, emptied: bool = False) -> list[str] | None:
        """``text`` (as the field shows it, in this format) cut into its parts' texts,
        or None when it does not follow the format. With ``emptied``, a section may be
        empty (its digits taken away with Backspace or Delete: "2026-12- 22:31")."""
        pieces: list[str] = []
        at = 0
        for i, part in enumerate(self.parts):
            if not part.unit:
                if not text.startswith(part.text, at):
                    return None
                pieces.append(part.text)
                at += len(part.text)
                continue
            end = at
            following = self.parts[i + 1].text if i + 1 < len(self.parts) else ""
            while (
                end < len(text)
                and end - at < part.most
                and (text[end].isdigit() if part.unit != "ampm" else text[end].isalpha())
            ):
                end += 1
            if part.unit == "ampm" and not following:
                end = len(text)
            if end == at and not emptied:
                return None
            pieces.append(text[at:end])
            at = end
        return pieces if at == len(text) else None


def layout_of(display_format: str) -> Layout | None:
    """``display_format`` (Qt's letters, e.g. "dd/MM/yyyy HH:mm", "M/d/yyyy h:mm AP")
    read into its parts; None when it holds anything but the numeric sections read
    here (a month's name, a two-digit year, quoted text)."""
    parts: list[Part] = []
    i = 0
    while i < len(display_format):
        letter = display_format[i]
        if letter.isalpha():
            j = i
            while j < len(display_format) and display_format[j] == letter:
                j += 1
            if letter in "Aa" and display_format[j : j + 1] in "Pp" and j < len(display_format):
                j += 1
            token = display_format[i:j]
            if token not in _SECTIONS:
                return None
            unit, fewest, most = _SECTIONS[token]
            parts.append(Part(unit, fewest=fewest, most=most))
            i = j
            continue
        if letter == "'":  # quoted text ("HH 'h' mm"), and '' for a quote itself
            end = display_format.find("'", i + 1)
            if end < 0:
                return None
            literal = display_format[i + 1 : end] or "'"
            i = end + 1
        else:
            literal = letter
            i += 1
        if parts and not parts[-1].unit:
            parts[-1] = Part("", parts[-1].text + literal)
        else:
            parts.append(Part("", literal))
    units = [part.unit for part in parts if part.unit]
    if not all(unit in units for unit in _DAY_UNITS):
        return None
    return Layout(tuple(parts))


def _section_full(part: Part, typed: str) -> bool:
    """Whether ``typed`` fills section ``part``: its most characters, or a number no
    further digit could make a good one of (a month "4": 40 and more are no month)."""
    if len(typed) >= part.most:
        return True
    if part.unit == "ampm":
        return False
    if len(typed) < part.fewest or not typed.isdigit():
        return False
    return int(typed) * 10 > _LARGEST[part.unit]


#: What each section can be, said after a refusal (issue 10: say what is possible).
_POSSIBLE = {
    "month": "a month is 1 to 12",
    "hour": "an hour is 0 to 23",
    "hour12": "an hour is 1 to 12",
    "minute": "a minute is 0 to 59",
    "ampm": "type AM or PM",
}


def no_such_day(unit: str, number: str, month_year: str = "", days: int = 0) -> str:
    """The words that say no day has section ``unit`` = ``number``, and what it can be:
    "There is no day 31 in February 2026: February 2026 has 28 days" (``month_year``
    names the month of a day, ``days`` how many it has), "There is no month 13: a
    month is 1 to 12" (issue 10: what is possible, said beside the field)."""
    name = "hour" if unit == "hour12" else ("morning or afternoon" if unit == "ampm" else unit)
    where = f" in {month_year}" if unit == "day" and month_year else ""
    possible = f"{month_year} has {days} days" if unit == "day" and days else _POSSIBLE.get(unit)
    return f"There is no {name} {number}{where}" + (f": {possible}" if possible else "")


@dataclass
class TypedOver:
    """What the person is typing over a date field, from the start of one section on.

    ``pieces`` are the field's text cut into its parts when the typing began;
    ``first`` the index of the part (a section) where it began; ``typed`` the
    characters typed since, one text per section (a separator typed is kept only as
    the move to the next section). `shown` gives the text to show: the sections typed,
    then what the field held for the rest.

    ``as_typed`` is every character typed, exactly as typed: a refusal
    quotes it, never the sections the format made of it (issue 10, item 2: "1 Nov
    2026" was refused as "1-20-26", the letters dropped and the digits put in the
    year, month and day of "yyyy-MM-dd"). A character with no place in the format (a
    month's name, a letter in a number) makes the typing ``stray``: it is shown as
    typed, never ends by itself, and is read as no day at all."""

    layout: Layout
    pieces: list[str]
    first: int
    typed: list[str] = field(default_factory=list)  # one text per section typed so far
    moved_on: bool = False  # the last section typed was left (separator or full)
    as_typed: str = ""
    stray: bool = False  # a character typed had no place in the format

    def _current(self) -> int:
        """The index (in ``layout.parts``) of the section being typed."""
        return self.layout.sections[self.layout.sections.index(self.first) + len(self.typed) - 1]

    def key(self, char: str) -> bool:
        """Take one typed character (a digit, a letter of AM/PM, or a separator), kept
        in ``as_typed``; one with no place in the format (a letter in a number, past
        the last section) makes the typing ``stray``. Always True: each character typed
        is kept and shown."""
        self.as_typed += char
        if not self.stray and not self._place(char):
            self.stray = True
        return True

    def _literal_after(self) -> str:
        """The format's text after the section typed last ("/", or " h " in "HH 'h' mm")."""
        if not self.typed:
            return ""
        after = self._current() + 1
        parts = self.layout.parts
        return parts[after].text if after < len(parts) and not parts[after].unit else ""

    def _place(self, char: str) -> bool:
        """Put ``char`` in its section; False when it has no place there. A letter of
        the format's own text between sections (the "h" of "08 h 15") is a separator."""
        sections = self.layout.sections
        start = sections.index(self.first)
        if char.isalpha() and char in self._literal_after():
            self.moved_on = True
            return True
        if not self.typed or self.moved_on:
            if not char.isalnum():
                return bool(self.typed)  # a separator after a full section: moved on already
            index = start + len(self.typed)
            if index >= len(sections):
                return False
            part = self.layout.parts[sections[index]]
            if (part.unit == "ampm") != char.isalpha():
                return False
            self.typed.append(char)
            self.moved_on = _section_full(part, char)
            return True
        part = self.layout.parts[self._current()]
        if not char.isalnum():
            # A year cut short by a separator is no year: "1/12/2026" typed over
            # "yyyy-MM-dd" had become year 1, month 12, day 20, the "26" dropped (break
            # test 10 of session 31, finding 5); it is kept as typed and not read.
            self.moved_on = True
            return part.unit != "year" or len(self.typed[-1]) >= part.fewest
        if (part.unit == "ampm") != char.isalpha():
            return False
        self.typed[-1] += char
        self.moved_on = _section_full(part, self.typed[-1])
        return True

    def back(self) -> bool:
        """Take back the last character typed (the typing is read again without it);
        False when nothing typed is left."""
        kept = self.as_typed[:-1]
        self.typed, self.moved_on, self.as_typed, self.stray = [], False, "", False
        for char in kept:
            self.key(char)
        return bool(self.as_typed)

    def shown(self) -> tuple[str, int]:
        """The text to show and the caret position in it: the pieces the typing did
        not reach as they were, the sections typed as typed."""
        if self.stray:  # shown as typed, after what the typing did not reach
            before = "".join(self.pieces[: self.first])
            return before + self.as_typed, len(before) + len(self.as_typed)
        pieces = list(self.pieces)
        sections = self.layout.sections
        start = sections.index(self.first)
        caret = 0
        for n, typed in enumerate(self.typed):
            pieces[sections[start + n]] = typed
        last = sections[start + len(self.typed) - 1] if self.typed else self.first
        caret = sum(len(piece) for piece in pieces[: last + 1])
        if self.moved_on and last + 1 < len(pieces) and not self.layout.parts[last + 1].unit:
            caret += len(pieces[last + 1])
        return "".join(pieces), caret

    def ended(self) -> bool:
        """Whether the typing is over by itself, to be read as a whole: begun at the
        first section, once the last section of the format is typed whole ("31/11/2026"
        then " 08:15": the day alone is never judged while the time is still coming);
        begun at a later section (arrowed to the month to change it), once that section
        is typed whole. A ``stray`` typing ends only when the field is left (or Enter)."""
        if not self.moved_on or self.stray:
            return False
        sections = self.layout.sections
        start = sections.index(self.first)
        return start > 0 or len(self.typed) == len(sections)

    def piece_at_fault(self, unit: str) -> str | None:
        """What the section of ``unit`` (a `read` at fault: "month") shows when this
        typing did not type it (kept from a day refused before); None when it typed it
        or there is no such section."""
        sections = self.layout.sections
        start = sections.index(self.first)
        typed = set(sections[start : start + len(self.typed)])
        for i in sections:
            if self.layout.parts[i].unit == unit and i not in typed:
                return self.pieces[i]
        return None

    def read(self, locale: QLocale) -> tuple[QDate, QTime] | tuple[str, str]:
        """The day and time the field shows now, or the section at fault and the words
        saying why there is none (`no_such_day`; "" and `NOT_READ` for a ``stray``
        typing)."""
        if self.stray:
            return "", NOT_READ
        pieces = list(self.pieces)
        sections = self.layout.sections
        start = sections.index(self.first)
        for n, typed in enumerate(self.typed):
            pieces[sections[start + n]] = typed
        values: dict[str, str] = {}
        for i in sections:
            values[self.layout.parts[i].unit] = pieces[i]
        number = {unit: int(text) for unit, text in values.items() if text.isdigit()}
        for unit, text in values.items():
            if unit != "ampm" and not text.isdigit():
                return unit, no_such_day(unit, text)
        if len(values["year"]) < 4:  # "1/12/26": the century is not guessed
            return "", NOT_READ
        year, month = number["year"], number["month"]
        if not 1 <= month <= 12:
            return "month", no_such_day("month", values["month"])
        if year < 1:
            return "year", no_such_day("year", values["year"])
        month_name = words_locale(locale).toString(QDate(year, month, 1), "MMMM yyyy")
        day = number["day"]
        days = QDate(year, month, 1).daysInMonth()
        if not 1 <= day <= days:
            return "day", no_such_day("day", str(day), month_name, days)
        hour, minute = number.get("hour", 0), number.get("minute", 0)
        if "hour12" in number:
            hour = number["hour12"]
            if not 1 <= hour <= 12:
                return "hour12", no_such_day("hour12", values["hour12"])
            marker = values.get("ampm", "").lower()
            if marker[:1] not in ("a", "p"):
                return "ampm", no_such_day("ampm", values.get("ampm", ""))
            hour = hour % 12 + (12 if marker.startswith("p") else 0)
        if not 0 <= hour <= 23:
            return "hour", no_such_day("hour", values.get("hour", str(hour)))
        if not 0 <= minute <= 59:
            return "minute", no_such_day("minute", values["minute"])
        return QDate(year, month, day), QTime(hour, minute)

"""Temperatures as people type them: one reading of a measurement for search.

Most keyboards have no ° key, so a fever is typed "39C", "102F", "38.5C", "39 degrees"
or, on a Russian keyboard, "39°С" with a Cyrillic С; a web page copies "39\u2009°C"
with a thin space (break test 9 of session 15, finding 2). Search read only a number
with the degree sign after it as a measurement, so the Library found nothing about
fevers for those spellings.

`MEASURE` reads, after a number (digits of any script, "." or "," between them, not
glued to a word before it), any of:

* a degree sign, or the ordinal indicator º that Spanish and Portuguese keyboards type
  for it, or the ring ˚, with spaces before it (space, tab, no-break, thin, narrow or
  figure space) and C or F after it (Latin or Cyrillic С, any case): "38 °C", "38ºc",
  "39°С", "38°";
* ℃ or ℉;
* C or F written against the number, with no letter or digit after it: "39C", "102F"
  ("39cm" and "3Chapter" are not measurements);
* the word "degree(s)" or "deg", then "C", "F", "Celsius" or "Fahrenheit" if written:
  "39 degrees", "39 deg C", "39 degrees Fahrenheit".

Each reads as one spelling, `spelled` ("39°c", "38.5°f", "39°"): the number's digits
as ASCII digits, its decimal comma as a point, the degree sign, the unit's letter in
lower case, or none when none was written. That is the spelling the pairs indexes hold
(``journal.storage.symbols``) and a query is searched by.

The Journal reads measurements by one rule in its index and its queries (break test 9
of session 15, finding 9: "38.5°C" also listed an entry with only "38 °C", "102°F" did
not find "102F", "ºC" alone found nothing). The pairs index holds, for each
measurement, its spelling, its unit alone ("°c") and, for a decimal number, its whole
part's spelling too ("38.5°C" holds "38.5°c", "38°c", "°c"); for a unit written alone
("ºC", "°F"), the unit; for each decimal number ("38.5", "38,5", "۳۸.۵"), its
spelling ("38.5"): `measure_tokens`. A Journal query searches those exactly, as
prefixes: "38.5°C" finds 38.5 °C however written and not 38 °C; "38°C" finds 38 °C
and 38.5 °C (as "38" finds both); "°F" finds "102F"; "38.5" finds the number 38.5
(``journal.storage.entries.search``). The word index keeps its words as they were.
"""

from __future__ import annotations

import re

from journal.domain.common.letters import ascii_digits

__all__ = [
    "DECIMAL",
    "MEASURE",
    "is_measure",
    "measure_spans",
    "measure_tokens",
    "read_measures",
    "spelled",
    "spelled_number",
]

_SPACE = "[ \t\u00a0\u2007\u2009\u202f]"
_LETTER = "[cfсCFС]"  # Latin c, f and the Cyrillic es
MEASURE = re.compile(
    # (a digit first, then the look behind it: a scan for a digit is quick; no
    # backtracking inside the number)
    rf"(?P<number>\d(?<![\w.,]\d)\d*+(?:[.,]\d++)?+)(?![.,]\d)"
    rf"(?:{_SPACE}*[°º˚](?:{_SPACE}?(?P<after_sign>{_LETTER})(?!\w))?"
    rf"|{_SPACE}*(?P<sign_unit>[℃℉])"
    rf"|(?P<glued>{_LETTER})(?!\w)"
    rf"|{_SPACE}*(?:degrees?|deg)\b"
    rf"(?:{_SPACE}+(?P<named>{_LETTER}|celsius|fahrenheit)(?!\w))?)",
    re.IGNORECASE,
)
# A unit written alone, without a number before it ("ºC", "°F", "℃").
_UNIT_ALONE = re.compile(
    rf"(?<![\w°º˚])(?:[°º˚]{_SPACE}?(?P<letter>{_LETTER})(?!\w)|(?P<sign_unit>[℃℉]))",
    re.IGNORECASE,
)
# A decimal number ("38.5", "38,5", "12.11.2026"), not part of a word or a measurement.
DECIMAL = re.compile(r"\d(?<![\w.,]\d)\d*+(?:[.,]\d++)++(?![\w°º˚℃℉]|[.,]\d)")
# A search term of this reading: a measurement, a unit, a decimal number ("38.5°c",
# "°f", "38.5").
_TERM = re.compile(r"\d+(?:\.\d+)*°[cf]?|°[cf]?|\d+(?:\.\d+)+")
_UNITS = {"с": "c", "℃": "c", "℉": "f", "celsius": "c", "fahrenheit": "f"}


def spelled_number(number: str) -> str:
    """``number`` (digits of any script with "." or "," between them) as search spells
    it: ASCII digits, a decimal point ("٣٨,٥" -> "38.5")."""
    return ascii_digits(number).replace(",", ".")


def spelled(found: re.Match[str]) -> str:
    """The one spelling of a measurement `MEASURE` found: "39°c", "38.5°f", "39°"."""
    unit = next(
        (found[name] for name in ("after_sign", "sign_unit", "glued", "named") if found[name]),
        "",
    ).lower()
    return f"{spelled_number(found['number'])}°{_UNITS.get(unit, unit)}"


def _unit_alone(found: re.Match[str]) -> str:
    unit = (found["letter"] or found["sign_unit"]).lower()
    return f"°{_UNITS.get(unit, unit)}"


def read_measures(text: str) -> str:
    """``text`` with each measurement in it written in its one spelling (`spelled`):
    "high fever 39C" -> "high fever 39°c", "39 degrees" -> "39°", "39°С" -> "39°c",
    and each unit written alone as its unit: "ºC" -> "°c". Everything else is kept as
    it is. Costs two regular-expression passes."""
    return _UNIT_ALONE.sub(_unit_alone, MEASURE.sub(spelled, text))


def _tokens(found: re.Match[str]) -> list[str]:
    """What the pairs index holds for one reading found by `_readings`."""
    if found.re is DECIMAL:
        return [spelled_number(found.group())]
    if found.re is _UNIT_ALONE:
        return [_unit_alone(found)]
    spelling = spelled(found)
    number, _, unit = spelling.partition("°")
    whole = number.partition(".")[0]
    return [spelling, f"°{unit}", *([f"{whole}°{unit}"] if whole != number else [])]


def _readings(text: str) -> list[re.Match[str]]:
    """The measurements, units alone and decimal numbers of ``text``, in order."""
    if not any(char in text for char in "0123456789°º˚℃℉") and text.isascii():
        return []
    found = [*MEASURE.finditer(text), *DECIMAL.finditer(text)]
    if any(sign in text for sign in "°º˚℃℉"):
        found.extend(_UNIT_ALONE.finditer(text))
    return sorted(found, key=lambda match: match.start())


def measure_tokens(text: str) -> list[str]:
    """The pairs index's tokens for the measurements of ``text`` (see the module's
    notes), each once: "fever 38,5 °C" -> ["38.5°c", "°c", "38°c", "38.5"]. Three
    regular-expression passes; none for an ASCII text without a digit."""
    return list(dict.fromkeys(token for found in _readings(text) for token in _tokens(found)))


def is_measure(term: str) -> bool:
    """Whether ``term`` (a folded search term) is one of this reading's: a measurement
    in its spelling, a unit or a decimal number ("39°c", "°f", "38.5")."""
    return _TERM.fullmatch(term) is not None


def measure_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where ``text`` holds what the search ``term`` (`is_measure`) finds, as written:
    each measurement, unit or decimal number one of whose tokens starts with ``term``
    ("38°c" is at "38.5 °C" and at "38C"), as (start, end) character offsets."""
    spans: list[tuple[int, int]] = []
    for found in _readings(text):
        if spans and found.start() < spans[-1][1]:  # "38,5" inside "38,5 °C"
            continue
        if any(token.startswith(term) for token in _tokens(found)):
            spans.append(found.span())
    return spans

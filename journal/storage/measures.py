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
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MEASURE", "read_measures", "spelled", "spelled_number"]

_SPACE = "[ \t\u00a0\u2007\u2009\u202f]"
_LETTER = "[cfсCFС]"  # Latin c, f and the Cyrillic es
MEASURE = re.compile(
    rf"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)?)(?![.,]\d)"
    rf"(?:{_SPACE}*[°º˚](?:{_SPACE}?(?P<after_sign>{_LETTER})(?!\w))?"
    rf"|{_SPACE}*(?P<sign_unit>[℃℉])"
    rf"|(?P<glued>{_LETTER})(?!\w)"
    rf"|{_SPACE}*(?:degrees?|deg)\b"
    rf"(?:{_SPACE}+(?P<named>{_LETTER}|celsius|fahrenheit)(?!\w))?)",
    re.IGNORECASE,
)
_UNITS = {"с": "c", "℃": "c", "℉": "f", "celsius": "c", "fahrenheit": "f"}


def spelled_number(number: str) -> str:
    """``number`` (digits of any script with "." or "," between them) as search spells
    it: ASCII digits, a decimal point ("٣٨,٥" -> "38.5")."""
    if not number.isascii():
        number = "".join(
            str(unicodedata.decimal(char)) if char.isdecimal() else char for char in number
        )
    return number.replace(",", ".")


def spelled(found: re.Match[str]) -> str:
    """The one spelling of a measurement `MEASURE` found: "39°c", "38.5°f", "39°"."""
    unit = next(
        (found[name] for name in ("after_sign", "sign_unit", "glued", "named") if found[name]),
        "",
    ).lower()
    return f"{spelled_number(found['number'])}°{_UNITS.get(unit, unit)}"


def read_measures(text: str) -> str:
    """``text`` with each measurement in it written in its one spelling (`spelled`):
    "high fever 39C" -> "high fever 39°c", "39 degrees" -> "39°", "39°С" -> "39°c".
    Everything else is kept as it is. Costs one regular-expression pass."""
    return MEASURE.sub(spelled, text)

"""The emergency number shown next to the most urgent warning signs.

Only a default, and only where it is known: the person can always choose another
number in the settings, one of `EMERGENCY_CHOICES` or any number typed
(`typed_emergency_number`: Australia's 000, New Zealand's 111, a local line).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "EMERGENCY_CHOICES",
    "MOST_DIGITS",
    "TYPED_NUMBER_WORDS",
    "default_emergency_number",
    "typed_emergency_number",
]

EMERGENCY_CHOICES = ("911", "112", "999")

#: The most digits a number typed may hold: E.164's longest international number.
MOST_DIGITS = 15
#: What a number typed that is not one to call is told (Settings, under its field).
TYPED_NUMBER_WORDS = "Type the number to call in digits, for example 000 or 111."

# Digits in groups, with one space or hyphen between groups, and a "+" before the first.
_NUMBER = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")

# The North American Numbering Plan: the United States and its territories, Canada,
# and the Caribbean members. Some Caribbean members also (or mainly) use other numbers;
# the person can change the default.
_NANP = frozenset(
    {
        "US", "CA", "PR", "GU", "VI", "AS", "MP", "UM",
        "AG", "AI", "BB", "BM", "BS", "DM", "DO", "GD", "JM", "KN",
        "KY", "LC", "MS", "SX", "TC", "TT", "VC", "VG",
    }
)  # fmt: skip

# The United Kingdom and the Crown Dependencies, where 999 is the familiar number.
_NINE_NINE_NINE = frozenset({"GB", "UK", "GG", "JE", "IM"})

# Where 112 is the emergency number by law: the EU (its universal service directive,
# now the European Electronic Communications Code, art. 109), the other EEA states,
# Switzerland, and the microstates inside the EU that use it.
_ONE_ONE_TWO = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL",
        "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
        "ES", "SE", "IS", "LI", "NO", "CH", "AD", "MC", "SM", "VA",
    }
)  # fmt: skip


def _country(code: str) -> str:
    """Turn "us", " US ", "en_US" or "en-US" into "US"."""
    cleaned = code.strip().replace("-", "_")
    if "_" in cleaned:
        cleaned = cleaned.rsplit("_", 1)[1]
    return cleaned.upper()


def default_emergency_number(country_code: str) -> str:
    """The emergency number for a territory (an ISO 3166 code, alone or in a locale
    name: "us", "en_GB", "fr-CA"): 911 for the NANP countries, 999 for the UK and
    the Crown Dependencies, 112 for the EU, the EEA and Switzerland; "" for any other
    or none known (a computer set to the C locale). Then no number is named: the
    safety note says "your emergency number", and Settings offers the choices. 112
    was named everywhere else, wrong where it does not reach help (break test 38,
    finding 6: a computer with no territory was told 112, as Japan would be)."""
    country = _country(country_code)
    if country in _NANP:
        return "911"
    if country in _NINE_NINE_NINE:
        return "999"
    if country in _ONE_ONE_TWO:
        return "112"
    return ""


def typed_emergency_number(text: str) -> str | None:
    """``text`` (str, as typed in Settings or read back from them) as the emergency
    number Solace names, or None when it is no number to call.

    Kept: digits of any script, written as 0-9 (a phone's keypad: "٠٠٠" is "000"),
    grouped by single spaces or hyphens as typed ("13 11 14"), with a "+" in front;
    white space around or repeated is tidied. Refused (None): nothing typed, fewer
    than 2 or more than `MOST_DIGITS` digits, or any other character (a letter, a
    mark, an invisible direction control), since the number is shown in safety notes
    exactly as kept."""
    tidied = " ".join(text.split())
    digits = "".join(str(unicodedata.digit(char)) if char.isdecimal() else char for char in tidied)
    if not _NUMBER.fullmatch(digits):
        return None
    count = sum(char.isdigit() for char in digits)
    return digits if 2 <= count <= MOST_DIGITS else None

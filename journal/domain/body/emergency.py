"""The emergency number shown next to the most urgent warning signs.

Only a default, and only where it is known: the person can always choose another
number in the settings, one of `EMERGENCY_CHOICES` or any number typed
(`typed_emergency_number`: Australia's 000, New Zealand's 111, a local line).
"""

from __future__ import annotations

import re

from journal.domain.common.letters import ascii_digits, without_invisible

__all__ = [
    "EMERGENCY_CHOICES",
    "MOST_DIGITS",
    "NOTHING_TYPED",
    "NOT_DIGITS",
    "TOO_FEW_DIGITS",
    "TOO_MANY_DIGITS",
    "TWO_NUMBERS",
    "default_emergency_number",
    "number_problem",
    "typed_emergency_number",
]

EMERGENCY_CHOICES = ("911", "112", "999")

#: The most digits a number typed may hold: E.164's longest international number.
MOST_DIGITS = 15
#: What Settings says under the field of a number typed, by what is wrong with it.
NOTHING_TYPED = "Type the number to call, for example 000 or 111."
TWO_NUMBERS = "Type one number only."
NOT_DIGITS = (
    "Use digits only. A space, hyphen or dot may go between groups, and brackets around one."
)
TOO_FEW_DIGITS = "A number to call has at least 2 digits."
TOO_MANY_DIGITS = f"That is more digits than a phone number has ({MOST_DIGITS} at most)."

# Groups of digits with one space, hyphen or dot between two (a hyphen maybe spaced), a
# group maybe led by one in brackets, and a "+" in front, as people write a number:
# "(02) 9999 9999", "(02)9999", "13-11-14", "02.9999.9999", "+44 (0) 20 7946 0000"
# (re-test 50, N7, and 50b, P6: "0)(0" and "(0)(0)" were kept).
_SEPARATOR = r"(?: ?- ?|[ .])"
_ITEM = rf"(?:\([0-9]+\){_SEPARATOR}?)?[0-9]+"
_NUMBER = re.compile(rf"(?:\+ ?)?{_ITEM}(?:{_SEPARATOR}{_ITEM})*")
# Unicode's spaces (Zs: a no-break space, a thin space...), not line breaks or tabs.
_SPACES = re.compile("[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

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


def _tidied(text: str) -> str:
    """``text`` with the characters that show nothing taken out (a direction mark or a
    zero-width space, which a number copied from a phone or a web page brings: break
    test 50, F7), every space one (a no-break space copied: re-test 50b, P4), spaces
    around it and repeated taken out, and digits of any script
    written as 0-9 (a phone's keypad: "٠٠٠" is "000")."""
    return ascii_digits(_SPACES.sub(" ", without_invisible(text)).strip())


def number_problem(text: str) -> str:
    """What is wrong with ``text`` (str) typed as the emergency number, in the words
    Settings says under its field, or "" when it is a number to call: nothing typed,
    two numbers (a line break or a tab between them: break test 50, F8), a character
    that is no digit and groups none (`_NUMBER`), fewer than 2 digits or more than
    `MOST_DIGITS`."""
    tidied = _tidied(text)
    if not tidied:
        return NOTHING_TYPED
    if any(char.isspace() and char != " " for char in tidied):
        return TWO_NUMBERS
    if not _NUMBER.fullmatch(tidied):
        return NOT_DIGITS
    count = sum(char.isdigit() for char in tidied)
    if count < 2:
        return TOO_FEW_DIGITS
    return TOO_MANY_DIGITS if count > MOST_DIGITS else ""


def typed_emergency_number(text: str) -> str | None:
    """``text`` (str, as typed in Settings or read back from them) as the emergency
    number Solace names, or None when it is no number to call (`number_problem`).

    Kept as typed, tidied (`_tidied`): its digits, and the spaces, hyphens, dots and
    brackets that group them ("13 11 14", "(02) 9999 9999"), with a "+" in front. It
    is shown in the safety notes exactly as kept."""
    return None if number_problem(text) else _tidied(text)

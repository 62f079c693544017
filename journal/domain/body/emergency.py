"""The emergency number shown next to the most urgent warning signs.

Only a default, and only where it is known: the person can always choose another
number in the settings.
"""

from __future__ import annotations

__all__ = ["EMERGENCY_CHOICES", "default_emergency_number"]

EMERGENCY_CHOICES = ("911", "112", "999")

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

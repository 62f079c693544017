"""The emergency number shown next to the most urgent warning signs.

Only a default: the person can always choose another number in the settings.
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


def _country(code: str) -> str:
    """Turn "us", " US ", "en_US" or "en-US" into "US"."""
    cleaned = code.strip().replace("-", "_")
    if "_" in cleaned:
        cleaned = cleaned.rsplit("_", 1)[1]
    return cleaned.upper()


def default_emergency_number(country_code: str) -> str:
    """911 for NANP countries, 999 for the UK, 112 elsewhere (EU/EEA, Ireland, the fallback)."""
    country = _country(country_code)
    if country in _NANP:
        return "911"
    if country in _NINE_NINE_NINE:
        return "999"
    return "112"

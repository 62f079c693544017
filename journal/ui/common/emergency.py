"""The emergency number Solace names in its safety notes (the Body log's warning signs,
the Library's note on a search that reads as a crisis)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from journal.domain.body.emergency import default_emergency_number, typed_emergency_number
from journal.settings import EMERGENCY_NUMBER, Settings

__all__ = ["emergency_number"]

# A space and a hyphen that no line breaks at: a no-break space and a non-breaking hyphen.
_UNBROKEN = str.maketrans({" ": "\u00a0", "-": "\u2011"})


def emergency_number(settings: Settings | None) -> str:
    """The number chosen in ``settings`` (Settings, "Emergency number": one of the
    choices, or one typed, as `typed_emergency_number` keeps it), else the one of this
    computer's territory (`default_emergency_number`: "911", "112" or "999"), else ""
    (none known, or no journal open): the words then say "your emergency number" and
    name none. A stored value that is no number to call (a settings file changed by
    hand) counts as none chosen. Its spaces and hyphens do not break a line: at 200 %
    text "+61 2 9999 9999" was cut in two in the safety note (break test 50, F11)."""
    chosen = "" if settings is None else settings.get(EMERGENCY_NUMBER)
    number = typed_emergency_number(chosen) or default_emergency_number(
        QLocale.territoryToCode(QLocale.system().territory())
    )
    return number.translate(_UNBROKEN)

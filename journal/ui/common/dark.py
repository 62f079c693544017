"""Whether a palette is the dark theme's: the one rule the app's own drawing reads (the
focus ring, check boxes' edges, chart colours, Together's marks), from the palette it
draws with, so that it follows a change of theme without being told."""

from __future__ import annotations

from PySide6.QtGui import QPalette


def is_dark_palette(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark theme's: its window colour's HSL lightness is under
    128 (of 255)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128

"""The areas the main window shows, in navigation order.

Each area is a `journal.ui.area.Area` subclass; add it here when it works.
"""

from __future__ import annotations

from journal.ui.area import Area


def area_classes() -> list[type[Area]]:
    return []

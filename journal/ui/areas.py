"""The areas the main window shows, in navigation order.

Each module defines `AREA`, a `journal.ui.area.Area` subclass.
"""

from __future__ import annotations

import importlib
import importlib.util

from journal.ui.area import Area

AREA_MODULES: tuple[str, ...] = (
    "journal.ui.journal_area",
    "journal.ui.body_area",
    "journal.ui.library_area",
)


def area_classes() -> list[type[Area]]:
    classes: list[type[Area]] = []
    for name in AREA_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        area: type[Area] = importlib.import_module(name).AREA
        classes.append(area)
    return classes

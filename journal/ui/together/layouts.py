"""Emptying a layout whose cards are rebuilt on each refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def empty(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are hidden at once (so an old card
    never shows, or counts, at its old size) and deleted later, by Qt."""
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()

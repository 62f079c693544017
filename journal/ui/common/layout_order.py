"""Tab follows a page as it is laid out, also after part of it was built again.

Qt orders Tab by when each widget joined the window: a widget given a parent in a
shown window goes to the end of the window's Tab chain, wherever its layout puts it
on screen. A page that builds part of itself later (the closeness ideas' cards, the
recovery timeline's guidance) put that part after everything built before it: Tab
went from "Read: Closeness without sex" to the form to add an idea of your own, at
the bottom of the page, before the first idea at the top (issue 15 break test).
`tab_follows_layout` puts the page's Tab stops back in the order of its layouts: top
to bottom, and left to right within a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget

__all__ = ["in_layout_order", "tab_follows_layout"]


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _chain_under(widget: QWidget) -> Iterator[QWidget]:
    """The Tab stops inside ``widget`` (not laid out by a layout of its own), in the
    order Qt's chain has them now."""
    seen: set[int] = set()
    current: QWidget | None = widget.nextInFocusChain()
    while current is not None and current is not widget and id(current) not in seen:
        seen.add(id(current))
        if widget.isAncestorOf(current) and _takes_tab(current):
            yield current
        current = current.nextInFocusChain()


def _in_layout(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            yield from _in_layout(inner)
            continue
        widget = item.widget()
        if widget is not None:
            yield from in_layout_order(widget)


def in_layout_order(widget: QWidget) -> Iterator[QWidget]:
    """``widget`` if it is a Tab stop, then the stops inside it: through its layout
    when it has one (as the layout shows them), else as Qt's chain has them (the inner
    parts of a control stand behind it)."""
    if _takes_tab(widget):
        yield widget
    layout = widget.layout()
    if layout is not None:
        yield from _in_layout(layout)
    elif not _takes_tab(widget):
        yield from _chain_under(widget)


def tab_follows_layout(page: QWidget) -> None:
    """Order the Tab stops inside ``page`` as its layouts lay them out. Call it after
    building or rebuilding part of a page that is already in a window."""
    stops = list(dict.fromkeys(in_layout_order(page)))
    for first, second in pairwise(stops):
        QWidget.setTabOrder(first, second)

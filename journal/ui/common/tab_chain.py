"""Tab through what a page builds later in the order it is laid out.

Qt orders Tab by when a widget joined its window, not by where it sits: cards built
after the controls below them were reached after those controls. On the closeness
ideas, Tab went from the page's top to the form to add your own idea, at the bottom,
before the first idea; on the recovery timeline, "What often happens" was reached after
the warning signs at the foot of the page (issue 15, break test of session 14,
finding 4). `chain_after` puts the stops of what was built later back in the page's
order with `QWidget.setTabOrder`, on widgets the page names itself.

An earlier fix walked the window's focus chain (``nextInFocusChain``) to find them;
PySide gives each widget met on such a walk a wrapper, and the lock that deletes the
journal's screens then crashed at times as those wrappers were released. Here no
widget is reached that the page did not make and keep.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

__all__ = ["chain_after"]


def chain_after(anchor: QWidget, stops: Iterable[QWidget]) -> QWidget:
    """Make Tab go from ``anchor`` to each of ``stops`` in turn (each taken from where
    it was in the order); returns the last of them (``anchor`` when there is none).
    What came after ``anchor`` before now comes after the last stop."""
    previous = anchor
    for stop in stops:
        QWidget.setTabOrder(previous, stop)
        previous = stop
    return previous

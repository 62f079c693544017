"""Python's cyclic garbage collector, run on the GUI thread only.

Qt objects belong to the thread that made them, and Solace's widgets, dialogs and
documents belong to the GUI thread. Python's automatic collector runs on whichever
thread happens to allocate when a threshold is crossed; with autosave, backups and
searches on worker threads, that is often a worker, which then deletes a dialog or
widget caught in a reference cycle while the GUI thread is using it (seen as a
segmentation fault in ``QApplication.topLevelWidgets()``). The usual remedy in PySide
and PyQt applications: switch the automatic collector off and run the same collection,
with Python's own thresholds, from a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["GuiThreadCollector", "collect_on_gui_thread", "freeze_survivors"]

_NAME = "solace-gui-thread-collector"
INTERVAL_MS = 500
"""How often the counts are looked at (ms): often enough that garbage never piles up
for long, rarely enough to cost nothing measurable."""


class GuiThreadCollector(QObject):
    """Runs ``gc.collect(generation)`` on the GUI thread whenever Python would have.

    Made by ``collect_on_gui_thread``; automatic collection stays off while it lives
    (it is a child of the application, so for the whole run).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()
        gc.disable()

    def collect_if_due(self) -> int:
        """Collect as CPython's own collector would at this moment: nothing until
        generation 0's count passes its threshold, then the oldest generation whose
        count passed its own. Returns the number of unreachable objects found."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        due = max(g for g in range(3) if counts[g] > thresholds[g])
        return gc.collect(due)


def collect_on_gui_thread(app: QCoreApplication | None = None) -> GuiThreadCollector | None:
    """Switch Python's automatic collector off and collect from ``app``'s thread
    instead (default: the running application). Idempotent: returns the collector
    already installed, or None when there is no application yet."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(GuiThreadCollector, _NAME)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)


def freeze_survivors() -> int:
    """Collect everything once, then move every object that survived into Python's
    permanent generation (``gc.freeze``), which later collections do not walk.

    For the moment start-up has loaded its modules and built its long-lived widgets:
    a full collection walked them all again (about 0.14 s each, twice during a first
    unlock while the key was derived, issue 12). Objects frozen are still freed when
    their last reference goes; only a cycle among them is not. Returns the number of
    unreachable objects the collection found.
    """
    found = gc.collect()
    gc.freeze()
    return found

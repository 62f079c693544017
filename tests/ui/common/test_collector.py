"""A Qt object left in a reference cycle is deleted on the GUI thread, however busy a
worker thread is allocating (a dialog deleted by a worker's collection crashed the
GUI thread in QApplication.topLevelWidgets())."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, Qt

from journal.ui.common.collector import collect_on_gui_thread, freeze_survivors


class Cyclic(QObject):
    """A Qt object its own Python side keeps alive: only the cyclic collector frees it."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_a_qt_object_in_a_cycle_dies_on_the_gui_thread_not_a_worker(qtbot, qapp):  # type: ignore[no-untyped-def]
    collect_on_gui_thread(qapp)
    died_on: list[int] = []
    gc.collect()
    doomed = Cyclic()
    doomed.destroyed.connect(
        lambda: died_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    del doomed

    def busy_worker() -> None:  # an autosave or backup making many small objects
        made = [[n] for n in range(200_000)]
        del made

    worker = threading.Thread(target=busy_worker)
    worker.start()
    worker.join()
    assert died_on == [], "deleted by the worker thread"
    kept = [{n: n} for n in range(5_000)]  # the GUI thread's own work, as the app's
    qtbot.waitUntil(lambda: bool(died_on), timeout=5_000)
    assert died_on == [threading.get_ident()]
    del kept


def test_the_collector_is_installed_once_and_keeps_automatic_collection_off(qapp):  # type: ignore[no-untyped-def]
    first = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is first
    assert not gc.isenabled()


def test_what_start_up_built_is_set_aside_and_new_garbage_is_still_collected(qapp):  # type: ignore[no-untyped-def]
    """After start-up (`MainWindow._prepared`) the objects alive are frozen: the
    collections during the first unlock no longer walk them (issue 12), while garbage
    made afterwards is collected as before."""

    class Node:
        me: object = None

    kept = Node()
    kept.me = kept  # a long-lived cycle, as modules and widgets built at start-up are
    try:
        freeze_survivors()
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # no longer walked
        later = Node()
        later.me = later
        gone = weakref.ref(later)
        del later
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()

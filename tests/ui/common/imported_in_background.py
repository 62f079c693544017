"""A pytest plugin (``-p tests.ui.common.imported_in_background``): the areas' modules
are imported in a background thread before any test, as the app imports them while
the passphrase is typed (`MainWindow.prepare_in_background`)."""

from __future__ import annotations

import threading
from typing import Any


def pytest_configure(config: Any) -> None:
    def load() -> None:
        from journal.ui.shell.areas import load_unlock_modules

        load_unlock_modules()

    thread = threading.Thread(target=load)
    thread.start()
    thread.join()

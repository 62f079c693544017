"""Unlocks whose check of every page is held until the test lets it go, as on a slow
disk: the real check (`journal.storage.lock.page_check`), begun late."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.errors import SolaceError
from journal.storage.lock import journal as lock_journal
from journal.storage.lock import page_check


def hold_page_checks(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """From now on every unlock that may leave its page check to run beside the window
    does so, even for a small journal, and that check waits for the event returned
    (at most 30 s) before it reads a page. Set the event to let the checks go."""
    let_go = threading.Event()
    real = lock_journal.PageCheck

    def held(
        db_path: Path,
        judge: Callable[[], SolaceError | None],
        passed: Callable[[], None] | None = None,
    ) -> page_check.PageCheck:
        def slow() -> SolaceError | None:
            let_go.wait(30)
            return judge()

        return real(db_path, slow, passed)

    monkeypatch.setattr(page_check, "CHECK_LATER_FROM", 0)  # a small journal counts as large
    monkeypatch.setattr(lock_journal, "PageCheck", held)
    return let_go

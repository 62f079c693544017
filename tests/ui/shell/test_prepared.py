"""What the areas show that is no journal's (articles, ideas, prompts) is read while the
passphrase is typed, not at the unlock (issue 12)."""

from __future__ import annotations

import gc

from tests.ui.library.support import library


def test_shipped_texts_are_read_before_the_unlock_once_start_up_has_loaded(qtbot, window):
    """As `journal.app` does once the lock screen has painted: the background loading,
    then the areas built and the library's articles and ideas read and indexed, so the
    first unlock does none of it (issue 12)."""
    try:
        with qtbot.waitSignal(window.lock_screen.prepared, timeout=60_000):
            window.prepare_in_background()
        qtbot.waitUntil(lambda: bool(window.areas), timeout=60_000)
        assert window.is_locked
        topics = library(window).browser.topics
        titles = [topics.topLevelItem(i).text(0) for i in range(topics.topLevelItemCount())]
        assert "Closeness ideas" in titles and len(titles) > 2
        together = next(a for a in window.areas if a.area_id == "together")
        assert together._prompts and together._ideas  # the couple prompts and ideas
    finally:
        gc.unfreeze()  # start-up froze what this test process holds (freeze_survivors)

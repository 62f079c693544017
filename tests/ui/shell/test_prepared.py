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


def test_the_areas_wait_while_the_restore_dialog_of_a_fresh_process_is_up(  # type: ignore[no-untyped-def]
    qtbot, store, settings
):
    """Break test 16 of session 20, L3: after Settings' Restore… the fresh process shows
    the Restore dialog over the lock screen, and when its background loading ended
    then, building the areas held the GUI thread for seconds before the dialog was
    drawn: its window showed the lock screen's "Unlock your journal" under its title.
    The areas wait until the dialog closes, then are built as the passphrase is typed."""
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.ui.shell.main_window import LOCKED_SAVED, MainWindow
    from tests.conftest import PASSPHRASE

    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    window = MainWindow(store, settings, LIGHT_KDF)  # as `journal.app` builds it
    qtbot.addWidget(window)
    window.show_after_restart(LOCKED_SAVED, "restore")  # handed over by the old process
    window.show()
    qtbot.waitUntil(lambda: window.restore_dialog is not None, timeout=10_000)
    dialog = window.restore_dialog
    try:
        with qtbot.waitSignal(window.lock_screen.prepared, timeout=60_000):
            window.prepare_in_background()  # its loading ends with the dialog up
        qtbot.wait(50)  # the turn `prepared` queues its work on
        assert window.areas == []  # nothing holds the GUI thread under the dialog
        dialog.reject()  # Cancel: back to the lock screen, the passphrase to type
        qtbot.waitUntil(lambda: bool(window.areas), timeout=60_000)
        assert window.is_locked
    finally:
        gc.unfreeze()

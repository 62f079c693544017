from journal.ui.shell.main_window import WINDOW_TITLE


def test_unlocking_through_the_lock_screen_opens_the_journal(unlocked_window):
    assert not unlocked_window.is_locked
    assert unlocked_window.windowTitle() == WINDOW_TITLE
    unlocked_window.lock()
    assert unlocked_window.is_locked

"""Ctrl+L is heard (issue 15; break test 15 of session 11, finding 13): after a lock
the person heard only "Passphrase", with nothing saying the journal was locked or
that what was written was kept. The lock screen now says so politely, once its
passphrase field has the focus, in this process and in the fresh one a lock starts
(`hard_lock`), where the lock screen is built before it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from journal.storage.lock.keys import LIGHT_KDF
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder
from tests.ui.shell.test_lock_during_key_work import unlock_through_any_new_key


def test_ctrl_l_says_the_journal_is_locked_and_saved(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    from journal.ui.shell.main_window import LOCKED_SAVED

    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    focused = QApplication.focusWidget() or window
    # Every control the focus reaches on the way is shown when it gets it.
    reached: list[tuple[str, bool]] = []

    def moved(_old, new) -> None:  # type: ignore[no-untyped-def]
        if new is not None:
            reached.append((new.accessibleName(), new.isVisible() and new.isEnabled()))

    QApplication.instance().focusChanged.connect(moved)
    a11y_events.clear()
    try:
        qtbot.keyClick(focused, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
        page = window.lock_screen.unlock_page
        qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    finally:
        QApplication.instance().focusChanged.disconnect(moved)
    assert reached == [("Passphrase", True)]
    assert a11y_events.announcements(assertive=False).count(LOCKED_SAVED) == 1
    assert LOCKED_SAVED not in a11y_events.announcements(assertive=True)
    assert page.error.text() == LOCKED_SAVED and page.error.kind == "status"
    # A status on the line made for errors is not described "What went wrong" (break
    # test 15 of session 29, F14); an error shown there again is.
    assert page.error.accessibleDescription() == ""
    page.error.show_message("That passphrase did not open this journal.", "error")
    assert page.error.accessibleDescription() == "What went wrong"


def test_the_fresh_lock_screen_says_it_after_the_focus(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events: Recorder
):
    from journal.ui.shell.main_window import LOCKED_SAVED, MainWindow

    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    a11y_events.clear()
    a11y_events.record_names = True
    window = MainWindow(store, settings, LIGHT_KDF)  # as `journal.app` builds it
    qtbot.addWidget(window)
    window.show_lock_notice(LOCKED_SAVED)  # handed over by the process it replaced
    window.show()
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    assert a11y_events.announcements(assertive=False) == [LOCKED_SAVED]
    # Said after the passphrase field's focus speech (the last focus event before it).
    order = [
        (e.kind, e.name)
        for e in a11y_events.events
        if e.kind in (QAccessible.Event.Announcement, QAccessible.Event.Focus)
    ]
    said = order.index((QAccessible.Event.Announcement, None))
    assert said > 0 and order[said - 1] == (QAccessible.Event.Focus, "Passphrase")


def test_a_lock_that_replaces_the_process_says_nothing_before_it_goes(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    """Break test 15 of session 12, 11a: "Journal locked. Everything you wrote was
    saved." was said by the process a lock replaces (`hard_lock`) and again by the
    fresh one, the focus passed hidden controls as the old views were taken apart, and
    the passphrase field kept the status as its description, said again at each
    return to it. The old process now says and shows nothing and hands the notice
    over; the fresh one says it once, after the focus lands in the field."""
    from journal.ui.shell.main_window import LOCKED_SAVED

    window = unlocked_window
    window.replaces_process = lambda: True  # as `journal.app` sets it
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    focused = QApplication.focusWidget() or window
    a11y_events.clear()
    a11y_events.record_names = True
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(focused, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    a11y_events.settle()
    assert a11y_events.announcements() == []  # said by the fresh process only
    assert a11y_events.names(QAccessible.Event.Focus) == []  # no focus passes anything
    assert window.lock_notice == LOCKED_SAVED  # handed over
    window.replaces_process = lambda: False
    window.lock_here()  # as when the process could not be replaced
    assert window.lock_screen.unlock_page.error.text() == LOCKED_SAVED
    qtbot.waitUntil(window.lock_screen.unlock_page.passphrase.hasFocus, timeout=5000)
    a11y_events.settle()
    window.hide()



def test_a_lock_that_closes_a_dialog_gives_the_focus_only_to_what_shows(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Break test 15 of session 29: a lock with Settings open (an idle lock, the
    screen lock, Restore's "Close and choose a backup…") closed the dialog, and the
    window, active again before the process was replaced, gave the focus to the
    lock screen's passphrase, still hidden, then to "Areas". It goes to the cover
    that says "Locking…", the one thing the window shows then."""
    window = unlocked_window
    window.replaces_process = lambda: True  # as `journal.app` sets it
    window.settings_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window)
    dialog.activateWindow()  # as the window manager does with a new window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    focused: list[QWidget] = []
    QApplication.instance().focusChanged.connect(lambda _old, new: focused.append(new))
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    window.activateWindow()  # as the window manager does when the dialog goes
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert QApplication.focusWidget() is window.lock_cover
    assert window.lock_cover.accessibleName().startswith("Locking…")
    assert all(w is None or (w.isVisible() and w.isEnabled()) for w in focused)
    window.replaces_process = lambda: False
    window.lock_here()  # as when the process could not be replaced
    qtbot.waitUntil(window.lock_screen.unlock_page.passphrase.hasFocus, timeout=5000)
    window.hide()


def test_the_fresh_lock_screen_says_it_once_and_keeps_it_off_the_field(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events: Recorder
):
    """The fresh process's first focus is the passphrase field, and the notice handed
    over is said once and is not the field's description (heard again at every return
    to the field, e.g. Escape from "Remove a journal…": break test 15 of session 12,
    11a)."""
    from journal.ui.shell.main_window import LOCKED_SAVED, MainWindow

    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    a11y_events.clear()
    a11y_events.record_names = True
    fresh = MainWindow(store, settings, LIGHT_KDF)  # as `journal.app` builds it
    qtbot.addWidget(fresh)
    fresh.show_lock_notice(LOCKED_SAVED)
    fresh.show()
    page = fresh.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    a11y_events.settle()
    assert a11y_events.announcements() == [LOCKED_SAVED]
    assert a11y_events.names(QAccessible.Event.Focus)[0] == "Passphrase"
    assert LOCKED_SAVED not in page.passphrase.accessibleDescription()


def test_a_lock_with_change_passphrase_open_and_untouched_is_said_after_the_unlock(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    """Break test 15 of session 18, re-test R2: Settings, then "Change passphrase…",
    Ctrl+L with nothing typed, and the unlock said nothing of them: the person in the
    middle of changing her passphrase was not told whether it had changed. And the
    focus went to the hidden Passphrase, to "Areas", then to the Passphrase again as
    the lock closed them."""
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    window = unlocked_window
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: bool(window.settings_dialog and window.settings_dialog.isVisible()))
    dialog = ChangePassphraseDialog(window.journal, window.settings_dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # The window manager makes the window active again as the dialog goes.
    dialog.finished.connect(lambda _result: window.activateWindow())
    a11y_events.record_names = True
    a11y_events.listen()
    window.lock_action.trigger()  # Ctrl+L, nothing typed
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    # The lock screen's field is the one focus heard: not "Areas" on the way, nor the
    # field first while hidden.
    assert a11y_events.names(QAccessible.Event.Focus) == ["Passphrase"]

    a11y_events.clear()
    assert unlock_through_any_new_key(qtbot, window, PASSPHRASE) == ""
    said = (
        "Solace locked while “Change passphrase” and “Settings” were open; they were "
        "closed and nothing in them was saved."
    )
    qtbot.waitUntil(lambda: said in " ".join(window.notices.texts()), timeout=5_000)
    assert any(said in heard for heard in a11y_events.announcements())
    store.unlock(window.journal.folder, PASSPHRASE).lock()  # the passphrase is unchanged

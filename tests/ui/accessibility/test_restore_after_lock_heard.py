"""Settings > Restore… > "Close and choose a backup…" (break test 16 of session 19, N1):
the journal locks, and the Restore dialog opens over the lock screen. The lock screen's
note ("Journal locked. Everything you wrote was saved.") was said after the dialog's
focus, over what to do next for the restore; now the dialog's focus is met first, then
one announcement says what restoring does and then the lock's note, and both are in
view: the lock's note in the dialog, under what restoring does, and on the lock screen
behind it. In this process, and in the fresh one a lock starts (`hard_lock`)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.keys import LIGHT_KDF
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.restore_dialog import RestoreDialog, intro_words
from journal.ui.shell.main_window import LOCKED_SAVED, MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder


def shown_dialog(qtbot, window) -> RestoreDialog:  # type: ignore[no-untyped-def]
    def shown() -> list[RestoreDialog]:
        return [d for d in window.findChildren(RestoreDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    (dialog,) = shown()
    qtbot.waitUntil(dialog.passphrase.hasFocus, timeout=5000)
    return dialog


def assert_restore_heard_first(qtbot, window, a11y_events: Recorder) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_dialog(qtbot, window)
    said = f"{intro_words(dialog.journal_folder, name=dialog.journal_name)} {LOCKED_SAVED}"
    assert dialog.journal_name  # the journal is named in what restoring does
    qtbot.waitUntil(lambda: said in a11y_events.announcements(assertive=False), timeout=5000)
    qtbot.wait(50)  # anything queued behind it
    order = [
        (e.kind, e.name)
        for e in a11y_events.events
        if e.kind in (QAccessible.Event.Announcement, QAccessible.Event.Focus)
    ]
    field = order.index((QAccessible.Event.Focus, dialog.passphrase.accessibleName()))
    after = [kind for kind, _name in order[field + 1 :]]
    assert after == [QAccessible.Event.Announcement]  # one: the restore's, then the lock's
    assert a11y_events.announcements(assertive=False).count(said) == 1
    assert LOCKED_SAVED not in a11y_events.announcements(assertive=False)  # never alone
    assert LOCKED_SAVED not in a11y_events.announcements(assertive=True)
    # Both in view: the lock's note in the dialog, after what restoring does; and on the
    # lock screen, readable once the dialog is closed.
    assert dialog.locked_note.isVisible() and dialog.locked_note.text() == LOCKED_SAVED
    assert dialog.accessibleDescription() == said
    dialog.reject()
    page = window.lock_screen.unlock_page
    assert page.error.isVisible() and page.error.text() == LOCKED_SAVED


def test_in_this_process_the_restore_is_heard_before_the_lock(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    a11y_events.clear()
    a11y_events.record_names = True
    panel.restore_requested.emit()  # the yes to "Close your journal to restore a backup?"
    assert_restore_heard_first(qtbot, window, a11y_events)


def test_in_the_fresh_process_the_restore_is_heard_before_the_lock(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events: Recorder
):
    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.backup(Reason.MANUAL)  # a backup to restore: the passphrase comes first
    created.lock()
    a11y_events.clear()
    a11y_events.record_names = True
    window = MainWindow(store, settings, LIGHT_KDF)  # as `journal.app` builds it
    qtbot.addWidget(window)
    window.show_after_restart(LOCKED_SAVED, "restore")  # handed over by the old process
    window.show()
    assert_restore_heard_first(qtbot, window, a11y_events)


def test_a_plain_lock_in_the_fresh_process_is_still_said(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events: Recorder
):
    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    window.show_after_restart(LOCKED_SAVED, "")
    window.show()
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    qtbot.waitUntil(
        lambda: LOCKED_SAVED in a11y_events.announcements(assertive=False), timeout=5000
    )

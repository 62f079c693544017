"""After a lock for damage the damage page appears with "Rescue what can be read…"
focused. A person still typing her sentence pressed it with Space, and the rest of the
sentence went into the Rescue dialog's passphrase field (issue 16). The keys typed as
the page appears press none of its buttons and are said once, after she pauses; a
press after the pause is taken. Real window, real SQLCipher files damaged in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.area import JournalArea
from journal.ui.lock.screen import keys_not_used
from tests.ui.safekeeping.test_damage_while_open import (
    CANARY,
    damage_a_page_of_entries,
    entries_in_the_file,
)


def test_keys_still_typed_as_the_damage_page_appears_press_none_of_its_buttons(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events, tmp_path
):
    window = unlocked_window
    window.activateWindow()
    journal = window.journal
    entries_in_the_file(journal)
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, CANARY)
    damage_a_page_of_entries(journal.folder / "journal.db", bytes(journal.data_key), tmp_path)

    window.lock_for_damage()  # what a save or the page walk does when it meets the damage
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.rescue_button.hasFocus, timeout=5_000)
    a11y_events.clear()
    # The rest of her sentence, and a new paragraph, still typed as the page appears.
    qtbot.keyClicks(QApplication.focusWidget(), " and the rest of it")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.rescue_dialog is None  # no button was pressed
    assert page.rescue_button.hasFocus()

    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    note = keys_not_used(True)
    assert a11y_events.announcements().count(note) == 1
    assert note in page.error.text()
    assert "Words you had not saved yet are waiting" in page.error.text()

    # Once she has paused, a press is hers: Space on the focused button opens Rescue.
    qtbot.keyClick(page.rescue_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.rescue_dialog is not None, timeout=5_000)
    assert window.rescue_dialog.passphrase.text() == ""
    window.rescue_dialog.reject()


def test_in_the_fresh_process_too_no_key_presses_a_button(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events
):
    """A lock for damage replaces the process (`hard_lock`); the fresh one shows the
    damage page before its first paint, while the application-wide filters wait to be
    put on the application (`hold_until_first_paint`, issue 12). The keys were held by
    a filter of their own, put on the application before those: once they were on,
    their watchers saw each key first, and Enter pressed the focused "Rescue what can
    be read…" (`EnterPresses`). The keys are held through those filters now, first
    of all their watchers (issue 15)."""
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.ui.common.app_filter import app_filters, hold_until_first_paint
    from journal.ui.shell.main_window import MainWindow
    from tests.conftest import PASSPHRASE

    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    hold_until_first_paint()  # as `journal.app` starts
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    window.show_damage_page()  # the page the process it replaced asked for
    window.show()
    window.activateWindow()
    filters = app_filters()
    qtbot.waitUntil(lambda: filters is not None and not filters.held, timeout=5_000)
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.rescue_button.hasFocus, timeout=5_000)
    a11y_events.clear()

    qtbot.keyClicks(page.rescue_button, "and the rest")
    qtbot.keyClick(page.rescue_button, Qt.Key.Key_Return)
    assert window.rescue_dialog is None  # no button was pressed
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    assert a11y_events.announcements().count(keys_not_used(False)) == 1

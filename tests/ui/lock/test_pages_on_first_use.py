"""The lock screen builds the page it shows, and each other page when first needed
(issue 12: building all six took a quarter of the cold start)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.lock.pages import CreatePage, UnlockPage, WelcomePage


def test_a_locked_journal_starts_with_the_unlock_page_alone(window) -> None:  # type: ignore[no-untyped-def]
    screen = window.lock_screen
    assert screen.count() == 1
    assert isinstance(screen.currentWidget(), UnlockPage)


def test_the_first_start_builds_the_welcome_page_then_create_on_use(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    from journal.settings import Settings
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore
    from journal.ui.shell.main_window import MainWindow

    win = MainWindow(JournalStore(data_dir), Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(win)
    win.show()
    screen = win.lock_screen
    assert screen.count() == 1
    assert isinstance(screen.currentWidget(), WelcomePage)
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    assert screen.count() == 2
    assert isinstance(screen.currentWidget(), CreatePage)
    assert screen.create_page.name.hasFocus() or not win.isActiveWindow()
    assert screen.create_page is screen.currentWidget()  # built once, the same after

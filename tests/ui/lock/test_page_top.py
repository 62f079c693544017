"""A lock-screen page opens at its top (issues 10 and 14): the pages share one scroll
area, which kept the place the page before had been scrolled to, so on a 1024x600
screen at 200 % text the recovery key page, shown after Create a journal had been
scrolled down to its button, opened with its heading out of sight; so did the page
asking for a new passphrase after the Unlock with the recovery key page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.settings import FONT_SCALE, THEME, Theme
from journal.ui.common.theme import apply_theme
from tests.conftest import LIGHT_KDF, UNLOCK_WAIT_MS

NEW_PASSPHRASE = "amber window quiet harbour morning"


@pytest.fixture
def large_text(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """200 % text, chosen before the window is made (as at start)."""
    settings.set(THEME, Theme.LIGHT.value)
    settings.set(FONT_SCALE, 200)
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.LIGHT, 100)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _in_view(widget: QWidget) -> bool:
    """Whether all of ``widget`` shows (nothing of it scrolled away)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def _scrolled_to_the_end(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Scroll the lock screen down as a person does to reach a page's buttons, with
    the End key on its scroll bar."""
    bar = window.lock_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the page does not fit: it scrolls
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()


def _type_new_passphrase(qtbot, fields) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(fields.first, NEW_PASSPHRASE)
    qtbot.keyClicks(fields.second, NEW_PASSPHRASE)


def test_the_recovery_key_page_opens_at_its_top_after_create(qtbot, large_text, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 560)
    screen = window.lock_screen
    qtbot.mouseClick(screen.unlock_page.create_button, Qt.MouseButton.LeftButton)
    page = screen.create_page
    assert screen.currentWidget() is page
    qtbot.keyClicks(page.name, "Our garden")
    _type_new_passphrase(qtbot, page.passphrase)
    _settle()
    _scrolled_to_the_end(qtbot, window)
    assert not _in_view(page.heading)
    qtbot.keyClick(page.passphrase.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    _settle()
    # Opened where it was left, it hid the key; at its top (as before), the key was
    # below the fold with "I have written it down" in view (break test 10 of session
    # 15, finding 2): it opens scrolled only as far as the whole key needs.
    key = screen.key_page.key
    qtbot.waitUntil(lambda: _in_view(key))
    bar = window.lock_scroll.verticalScrollBar()
    assert bar.value() <= key.mapTo(window.lock_scroll.widget(), key.rect().topLeft()).y()
    assert QApplication.focusWidget() is key  # heard first, as before


def test_the_new_passphrase_page_opens_at_its_top_after_the_recovery_key(  # type: ignore[no-untyped-def]
    qtbot, large_text, store, settings
) -> None:
    from journal.ui.shell.main_window import MainWindow

    journal, recovery_key = store.create("Our garden", "old words long enough", LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    window.resize(1024, 400)  # the recovery page scrolls at 200 % text
    screen = window.lock_screen
    qtbot.mouseClick(screen.unlock_page.recovery_button, Qt.MouseButton.LeftButton)
    assert screen.currentWidget() is screen.recovery_page
    qtbot.keyClicks(screen.recovery_page.key, recovery_key)
    _settle()
    _scrolled_to_the_end(qtbot, window)
    qtbot.keyClick(screen.recovery_page.key, Qt.Key.Key_Return)
    page = screen.new_passphrase_page
    qtbot.waitUntil(lambda: screen.currentWidget() is page, timeout=UNLOCK_WAIT_MS)
    _settle()
    assert window.lock_scroll.verticalScrollBar().value() == 0
    assert _in_view(page.heading)
    window.lock()

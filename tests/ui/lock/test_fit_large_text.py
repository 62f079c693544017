"""The lock screen at 200 % text on a 1366x768 screen (break test 14 of session 6,
finding 10): the unlock page showed a scroll bar though everything fitted (the
stacked pages were as tall as the tallest page), and Create a journal jumped when the
strength note appeared ~1 s after typing (the card grew and, centred, moved)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE, THEME, Theme
from journal.ui.common.theme import apply_theme


@pytest.fixture
def large_text(settings) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """The dark theme at 200 % text, chosen before the window is made (as at start)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings.set(THEME, Theme.DARK.value)
    settings.set(FONT_SCALE, 200)
    yield app
    apply_theme(app, Theme.LIGHT, 100)


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Let the layouts and the scroll area take the new sizes."""
    qtbot.waitUntil(lambda: window.lock_scroll.widget().height() > 0)
    assert window.lock_screen.fontMetrics().height() > 25  # 200 % text
    for _ in range(5):
        QApplication.processEvents()


def test_the_unlock_page_that_fits_shows_no_scroll_bar(qtbot, large_text, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 740)
    settle(qtbot, window)
    screen = window.lock_screen
    assert screen.currentWidget() is screen.unlock_page
    page_needs = screen.unlock_page.minimumSizeHint().height()
    assert page_needs < window.lock_scroll.viewport().height()  # it fits
    bar = window.lock_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert bar.maximum() == 0
    # A page that does not fit still scrolls: the recovery key page at this size.
    screen.key_page.show_key("A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK", "Our journal",
                             __import__("datetime").date(2026, 11, 30))  # fmt: skip
    screen._go(screen.key_page)
    if screen.key_page.minimumSizeHint().height() > window.lock_scroll.viewport().height():
        qtbot.waitUntil(bar.isVisible)
    screen.key_page.forget()


def fully_shown(widget) -> bool:  # type: ignore[no-untyped-def]
    """Whether all of ``widget`` is on screen (nothing of it scrolled or clipped away)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_written_down_and_continue_stay_in_view_on_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, large_text, window
) -> None:
    """Break test 14 of session 7, finding 4: at 200 % the key page opened with "I have
    written it down" and Continue below the fold, and Print…'s note pushed the box out
    of the dialog's view. Both stay in view together on the lock screen and in the
    dialog, on a 1024x600 screen, before and after the note."""
    from datetime import date

    from journal.ui.lock.pages import NO_PRINTER
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    key = "A5EW-JQGD-TGO7-IKFA-JCGE-JVHN-66AZ-D4ZK"
    window.resize(1024, 600)
    settle(qtbot, window)
    screen = window.lock_screen
    page = screen.key_page
    page.show_key(key, "Our journal", date(2026, 12, 1), "A reason, shown above the key.")
    screen._go(page)
    bar = window.lock_scroll.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)  # the page does not fit: it scrolls
    for shown in (page.confirm, page.continue_button):
        qtbot.waitUntil(lambda shown=shown: fully_shown(shown))
    page.print_note.setText(NO_PRINTER)
    for _ in range(5):
        QApplication.processEvents()
    assert fully_shown(page.confirm) and fully_shown(page.continue_button)
    page.forget()
    screen.show_start()
    qtbot.waitUntil(lambda: not page.confirm.isVisible())  # only with the key page

    dialog = RecoveryKeyDialog(key, "Our journal", window)
    qtbot.addWidget(dialog)
    dialog.resize(700, 560)
    dialog.show()
    inner = dialog.page
    qtbot.waitUntil(lambda: fully_shown(inner.confirm) and fully_shown(inner.continue_button))
    inner.print_note.setText(NO_PRINTER)
    for _ in range(5):
        QApplication.processEvents()
    assert fully_shown(inner.confirm) and fully_shown(inner.continue_button)
    inner.confirm.setChecked(True)
    dialog.accept()

"""A link-style button keeps room between its words and its frame at every text size
(issue 16): at 200 % text the damaged journal's "Rescue what can be read…" had its
focus frame touching its text, the padding a fixed 2 px beside 3 px of frame. The
lock screen's link buttons are all of that style. Real lock screen of a real journal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.settings import FONT_SCALE


def _gap(button) -> float:  # type: ignore[no-untyped-def]
    """Pixels each side between the button's words and its outer edge."""
    words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    return (button.sizeHint().width() - words) / 2


def test_link_buttons_keep_their_padding_at_200_percent(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.settings.set(FONT_SCALE, 200)
    page = window.lock_screen.unlock_page
    page.rescue_button.show()  # as on a damaged journal's page
    for button in (page.rescue_button, page.restore_button, page.recovery_button):
        button.setFocus(Qt.FocusReason.TabFocusReason)  # its focus frame drawn
        qtbot.waitUntil(button.hasFocus)
        line = button.fontMetrics().height()
        # The 3 px focus frame and at least a sixth of a line of room inside it.
        assert _gap(button) >= 3 + line / 6, button.text()

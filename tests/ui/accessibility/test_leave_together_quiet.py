"""Leaving Together from its couple prompts moves the focus once, not through every
prompt as its card goes (break test 15 of session 18, finding 11: eight prompts were
focused in turn, each defunct as it was read, while the journal closed), nor through
the tab bar and the start page (its re-test: "Couple prompts", "Read together", "Open
Together on this journal", then the lock screen's Passphrase)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.accessibility.screens import settle
from tests.ui.together.support import open_together, seeded


def test_leave_together_from_a_prompt_reads_no_prompt_on_the_way(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    window = unlocked_window
    together = open_together(qtbot, window, seeded(window, store))
    session = together.session_page
    session.tabs.setCurrentWidget(session.prompts)
    settle()
    cards = [
        w
        for w in session.prompts.findChildren(QLabel)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert len(cards) > 2
    prompts = {card.text() for card in cards}
    cards[0].setFocus()
    qtbot.waitUntil(cards[0].hasFocus)
    a11y_events.record_names = True
    a11y_events.listen()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    settle()
    heard = a11y_events.names(QAccessible.Event.Focus)
    assert [name for name in heard if name in prompts] == [], heard
    # Nor through the tab bar and the start page as the session's pages were emptied
    # (break test 15 of session 18, re-test of finding 11): the lock screen's field only.
    assert heard == ["Passphrase"], heard

"""A new passphrase that cannot be used is refused once, next to its fields (break test
10 of session 12, finding 4): "Choose a new passphrase" showed "The two passphrases are
not the same yet." in grey under the fields and again in red under the button, with
"Then press Save passphrase.". The feedback line under the fields says it, as an
error, heard again at each Enter (each Enter is an attempt: break test 15 of session
12, finding 3), and the focus goes to the field to change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.ui.common.widgets import MAKE_THEM_THE_SAME, NOT_THE_SAME, TYPE_IT_AGAIN
from journal.ui.lock.pages import CreatePage, NewPassphrasePage
from tests.ui.accessibility.conftest import Recorder

STRONG = "velvet orchard quietly hums"


def _said(page, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The visible texts on ``page`` that say ``words``."""
    labels = page.findChildren(QLabel)
    return [each.text() for each in labels if each.isVisible() and words in each.text()]


@pytest.mark.parametrize(
    ("second", "reason"),
    [("velvet orchard", f"{NOT_THE_SAME} {MAKE_THEM_THE_SAME}"), ("", TYPE_IT_AGAIN)],
)
@pytest.mark.parametrize("kind", [NewPassphrasePage, CreatePage])
def test_a_refused_new_passphrase_is_said_once_next_to_its_fields(  # type: ignore[no-untyped-def]
    qtbot, a11y_events: Recorder, kind, second, reason
):
    page = kind()
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3_000)
    if isinstance(page, CreatePage):
        qtbot.keyClicks(page.name, "Ours")
    fields = page.passphrase
    qtbot.keyClicks(fields.first, STRONG)
    qtbot.keyClicks(fields.second, second)
    for _attempt in range(2):
        fields.first.setFocus()
        a11y_events.clear()
        qtbot.keyClick(fields.first, Qt.Key.Key_Return)
        assert a11y_events.announcements(assertive=True) == [reason]  # heard each time
        assert _said(page, reason) == [reason]  # once, and only that
        assert fields.feedback.text() == reason and fields.feedback.kind == "error"
        assert not page.error.isVisible()
        assert QApplication.focusWidget() is fields.second  # the field to change
    # Typing again: the feedback is the calm verdict again, no longer a refusal.
    qtbot.keyClicks(fields.second, "x")
    qtbot.waitUntil(lambda: not fields.pending)
    assert fields.feedback.kind == "status"

"""What a break test of Together found, each driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.conftest import PASSPHRASE
from tests.ui.together.support import seeded, together


def plain_fields_holding(root, text: str) -> list[str]:
    return [
        f.accessibleName()
        for f in root.findChildren(QLineEdit)
        if f.echoMode() == QLineEdit.EchoMode.Normal and text in f.text()
    ]


def test_typing_while_the_partners_passphrase_is_checked_never_lands_in_a_plain_field(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    start.partner.setCurrentIndex(start.partner.findData(str(folder)))
    start.passphrase.setFocus()
    qtbot.keyClicks(start.passphrase, PASSPHRASE)  # the owner's: wrong for the partner's
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    assert start.busy.isVisible()
    # the partner thinks Enter was not taken and types the passphrase again
    qtbot.keyClicks(QApplication.focusWidget(), "harbour willow")
    assert QApplication.focusWidget() is start.passphrase
    assert plain_fields_holding(unlocked_window, "harbour") == []
    qtbot.waitUntil(lambda: start.problem.isVisible(), timeout=10_000)
    assert plain_fields_holding(unlocked_window, "harbour") == []
    assert QApplication.focusWidget() is start.passphrase and start.passphrase.text() == ""
    qtbot.keyClicks(start.passphrase, "again")
    assert start.passphrase.text() == "again"  # typing works again once the check is done

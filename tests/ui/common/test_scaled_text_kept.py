"""A heading keeps its share of the text size when a style sheet polishes it again
(re-test 44b, M2): Qt's style sheets put back the font a widget had when one first
polished it, so a card that changed its border colour after the text size changed
drew its heading at the old size, as Together drew an entry's words."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout

from journal.settings import FONT_SCALE
from journal.ui.common.widgets import label


def test_a_heading_keeps_the_new_text_size_when_its_card_is_restyled(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    card = QFrame()  # styled by the app's style sheet alone, as a card is until it is coloured
    qtbot.addWidget(card)
    heading = label("A heading", "heading")
    QVBoxLayout(card).addWidget(heading)
    card.show()
    qtbot.waitExposed(card)
    at_100 = heading.font().pointSizeF()
    assert at_100 > QApplication.font().pointSizeF()

    unlocked_window.settings.set(FONT_SCALE, 200)
    card.setStyleSheet("QFrame { border-left: 6px solid #305080; }")  # coloured now
    assert heading.font().pointSizeF() == 2 * at_100

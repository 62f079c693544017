"""The feelings chips follow the text size both ways (issue 9, break test finding 10g:
after 200 % and back to 100 % the grid kept its 200 %-wide columns until a restart)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from journal.settings import Theme
from journal.ui.common.theme import apply_theme
from journal.ui.entries.feelings import FeelingsPicker


@pytest.fixture
def app():
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    apply_theme(instance, Theme.LIGHT, 100)
    yield instance
    apply_theme(instance, Theme.LIGHT, 100)


def _widths(picker: FeelingsPicker) -> list[int]:
    return [picker.list.item(row).sizeHint().width() for row in range(picker.list.count())]


def _fits(picker: FeelingsPicker) -> bool:
    metrics = picker.list.fontMetrics()
    return all(
        picker.list.item(row).sizeHint().width()
        == metrics.horizontalAdvance(picker.list.item(row).text()) + 44
        for row in range(picker.list.count())
    )


def test_chips_are_measured_again_when_the_text_size_changes(qtbot, app):
    picker = FeelingsPicker()
    qtbot.addWidget(picker)
    picker.show()
    at_100 = _widths(picker)
    apply_theme(app, Theme.LIGHT, 200)
    qtbot.waitUntil(lambda: _fits(picker), timeout=3_000)
    assert sum(_widths(picker)) > 1.5 * sum(at_100)
    apply_theme(app, Theme.LIGHT, 100)
    qtbot.waitUntil(lambda: _fits(picker), timeout=3_000)
    assert _widths(picker) == at_100

"""Check boxes and radio buttons follow the text size and show in both themes (break
test 14 of session 6, finding 10): at 200 % text the box of "I have written it down
or printed it" stayed ~12 px beside 30 px letters, and in the dark theme a ticked
"Keep a body log" was a bare tick with no box."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
)

from journal.settings import Theme
from journal.ui.common.theme import apply_theme


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    apply_theme(instance, Theme.LIGHT, 100)


def indicator(button: QAbstractButton) -> tuple[QImage, QColor, list[int]]:
    """The button as drawn, its window colour, and its indicator's rect (x, y, w, h)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(button, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    window = button.palette().color(button.backgroundRole())
    return image, window, [rect.x(), rect.y(), rect.width(), rect.height()]


def differs(a: QColor, b: QColor) -> bool:
    return abs(a.lightness() - b.lightness()) > 40 or abs(a.hue() - b.hue()) > 30


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
@pytest.mark.parametrize("checked", [False, True])
def test_an_indicator_is_as_tall_as_its_letters_and_visible(qtbot, app, theme, kind, checked):  # type: ignore[no-untyped-def]
    apply_theme(app, theme, 200)
    button = kind("I have written it down or printed it")
    button.setChecked(checked)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    image, window, (x, y, w, h) = indicator(button)
    capital = button.fontMetrics().capHeight()
    assert h >= capital and w >= capital, (w, h, capital)  # was 13 px beside 30 px text
    # Its edge shows against the window: the box is drawn, not only its tick.
    edge = [image.pixelColor(x + w // 2, y + 1), image.pixelColor(x + 1, y + h // 2)]
    assert any(differs(colour, window) for colour in edge), (theme, kind, checked)
    if checked:  # chosen: most of it is filled (a box or a dot), not a bare mark
        inside = [
            image.pixelColor(x + i * w // 8, y + j * h // 8)
            for i in range(2, 7)
            for j in range(2, 7)
        ]
        filled = sum(differs(colour, window) for colour in inside)
        assert filled >= len(inside) // (2 if kind is QCheckBox else 5), filled


def test_the_indicator_keeps_its_size_at_100_percent(qtbot, app):  # type: ignore[no-untyped-def]
    apply_theme(app, Theme.LIGHT, 100)
    button = QCheckBox("Keep a body log")
    qtbot.addWidget(button)
    _image, _window, (_x, _y, w, h) = indicator(button)
    assert 13 <= w <= 20 and 13 <= h <= 20

"""The body log form's scroll bar shows where the form is: its thumb is seen, in both
themes, at the place and size of the part of the form in view (break test 10, 12f).

Fusion drew the thumb lighter than its track, in the light theme nearly the window's
own colour: scrolled to the end, the darker track above the thumb read as a thumb
left at the top, and clicking "below" it (on the real thumb) did nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider

from journal.settings import Theme
from journal.ui.common.theme import apply_theme
from tests.ui.body import support as support
from tests.ui.common.test_wheel import turn_wheel

body_area = support.body_area
body_page = support.body_page


def _luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(one: QColor, two: QColor) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _sub_rect(bar: QScrollBar, part: QStyle.SubControl) -> QRect:
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    return bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, part, bar)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_thumb_is_seen_where_the_form_is_scrolled_to(qtbot, body_page, theme) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    body_page.resize(820, 520)  # the pads below the form: the page scrolls
    bar = body_page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() > 0)
    for _ in range(20):  # the wheel, over the page, down to its end
        turn_wheel(body_page.viewport(), -1)
        if bar.value() == bar.maximum():
            break
    assert bar.value() == bar.maximum()

    thumb = _sub_rect(bar, QStyle.SubControl.SC_ScrollBarSlider)
    groove = _sub_rect(bar, QStyle.SubControl.SC_ScrollBarGroove)
    assert thumb.top() > groove.top() + 20  # at the end, with track above it
    image = bar.grab().toImage()
    x = image.width() // 2
    track = image.pixelColor(x, (groove.top() + thumb.top()) // 2)
    # Where a person sees the thumb: the rows whose middle stands out from the track
    # by 3:1 or more (WCAG 2.2, 1.4.11).
    seen = {
        y
        for y in range(groove.top(), groove.bottom() + 1)
        if _contrast(image.pixelColor(x, y), track) >= 3
    }
    in_thumb = set(range(thumb.top(), thumb.bottom() + 1))
    assert len(seen & in_thumb) >= 0.8 * len(in_thumb), f"the thumb is not seen ({theme.value})"
    assert len(seen - in_thumb) <= 4, f"the track looks like a thumb ({theme.value})"
    # ... as long, against its track, as the part of the form in view.
    shown = bar.pageStep() / (bar.maximum() - bar.minimum() + bar.pageStep())
    assert abs(thumb.height() / groove.height() - shown) < 0.1

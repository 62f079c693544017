"""The app keeps one style for the life of the process (crash16).

Each change of theme made a new Python `IndicatorStyle` and set it on the application,
and Qt deleted the style it replaced (with an app style sheet set, the QStyleSheetStyle
around the old `IndicatorStyle`, and it with it); every window built went back to
Fusion and then to `IndicatorStyle` again. Full test runs crashed with segmentation
faults in `apply_theme`, `IndicatorStyle.pixelMetric` and the garbage collector (the
style's replacement was the suspect; it is not the whole cause: see crash16's commit).
Now the theme and the text size change only the palette, the font and the style sheet,
and the check boxes still draw their edges in each theme's colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from journal.settings import FONT_SCALE, THEME, Theme
from journal.ui.common.indicators import INDICATOR_COLOUR
from journal.ui.common.theme import apply_theme

CHANGES = 3  # of theme and of text size each, every one re-polishing every widget


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


# Each change re-polishes the whole unlocked window: over 120 s on a loaded machine.
@pytest.mark.timeout(400)
def test_theme_and_text_size_changes_keep_the_one_style(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    app = _app()
    window.settings.set(THEME, Theme.DARK.value)
    window.settings.set(FONT_SCALE, 125)
    the_style = app.style()
    deleted: list[object] = []
    the_style.destroyed.connect(lambda *_: deleted.append(1))  # Qt deletes a replaced style
    box = QCheckBox("Shared", window)
    box.show()
    for i in range(CHANGES):
        window.settings.set(THEME, (Theme.LIGHT if i % 2 == 0 else Theme.DARK).value)
        window.settings.set(FONT_SCALE, 100 + 25 * (i % 5))
        box.repaint()
        assert not deleted, f"the style was deleted at change {i}"
        assert app.style() is the_style, i
        metric = QStyle.PixelMetric.PM_IndicatorWidth
        assert box.style().pixelMetric(metric, None, box) >= 14
    # A new window's start-up (Fusion until its first paint) keeps it too.
    window.settings.set(FONT_SCALE, 100)
    apply_theme(app, Theme.LIGHT, 100, indicators=False)
    apply_theme(app, Theme.DARK, 100, indicators=False)
    assert not deleted and app.style() is the_style


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


@pytest.mark.timeout(400)
def test_both_themes_draw_the_indicator_edge_in_their_colour(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)  # an edge some pixels wide
    box = QCheckBox("Shared", window)
    box.show()
    qtbot.waitExposed(box)
    for theme, dark in ((Theme.DARK, True), (Theme.LIGHT, False), (Theme.DARK, True)):
        window.settings.set(THEME, theme.value)
        option = QStyleOptionButton()
        box.initStyleOption(option)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = box.grab().toImage()
        ratio = image.devicePixelRatio()
        middle = round((rect.y() + rect.height() // 2) * ratio)
        edge = [image.pixelColor(round((rect.x() + dx) * ratio), middle) for dx in range(4)]
        wanted, other = QColor(INDICATOR_COLOUR[dark]), QColor(INDICATOR_COLOUR[not dark])
        best = min(edge, key=lambda colour: _distance(colour, wanted))
        assert _distance(best, wanted) < 24, (theme, best.name())
        assert _distance(best, wanted) < _distance(best, other), (theme, best.name())
    window.settings.set(FONT_SCALE, 100)

"""The body-log form has one label column: under the log's rows, the Pads group's fields
start at the same x as the log's (break test 10 of session 17, finding 6: Bleeding's
field at x=508, Pad's at 492, at 1366x768 and 100 % text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt

from journal.settings import FONT_SCALE

SCREENS = [QSize(1366, 768), QSize(1024, 600)]


@pytest.mark.parametrize("scale", [100, 150, 200])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_pads_fields_line_up_with_the_log_s(qtbot, unlocked_window, screen, scale) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.resize(screen)
    window.show_area_id("body")
    body = window.area("body")
    bar = body.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    settle()
    form = body.form
    if form.is_side_by_side():
        return  # two columns side by side: each its own labels
    log_x = form.bleeding.mapTo(window, QPoint(0, 0)).x()
    pads_x = form.pad_kind.mapTo(window, QPoint(0, 0)).x()
    log_label = form._form.labelForField(form.bleeding)
    pad_label = form._pad_form.labelForField(form.pad_kind)
    beside = log_label.mapTo(window, QPoint(0, 0)).y() == form.bleeding.mapTo(
        window, QPoint(0, 0)
    ).y() or log_label.geometry().right() < form.bleeding.geometry().left()
    if not beside:
        return  # labels above their fields (the rows wrap): every field at the left
    assert pad_label.geometry().right() < form.pad_kind.geometry().left()
    assert pads_x == log_x, f"the log's fields at x={log_x}, the pads' at x={pads_x}"

"""A refusal is taken back on the bus once the value is fixed (issue 15, break test of
session 25, F7): the description sent as a refused temperature (or time) was corrected
carried the old refusal again, because Qt reads a field's tooltip when its description
is empty, and the refusal was still the tooltip at that moment. A screen reader keeps
the description of the last change: it said "50 °C is outside…" on a field holding
39.5 °C, after every save. The real body log form, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from tests.ui.accessibility.conftest import Recorder
from tests.ui.body import support as support

body_area = support.body_area


def test_a_fixed_temperature_is_no_longer_described_as_refused(
    qtbot, body_area, a11y_events: Recorder
) -> None:  # type: ignore[no-untyped-def]
    a11y_events.record_names = True
    form = body_area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    refusal = form.notes.note("temperature").text()
    assert "outside what a body thermometer reads" in refusal
    assert a11y_events.names(QAccessible.Event.DescriptionChanged)[-1] == refusal
    a11y_events.clear()
    qtbot.keyClick(form.temperature, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.temperature, "39.5")
    sent = a11y_events.names(QAccessible.Event.DescriptionChanged)
    assert sent, "the change of description is told"
    assert "thermometer" not in (sent[-1] or "")
    assert form.temperature.accessibleDescription() == ""

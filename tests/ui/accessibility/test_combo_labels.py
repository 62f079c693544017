"""Every combo box is heard by a label that labels it (the label relation a buddy label
gives), never by its value alone: on the Linux bus Qt names a combo box by its current
choice, even one the app named, so the Timeline's appointment chooser was heard as
"Wed 30 Dec 2026, 01:40, combo box" (break test 15 of session 15, finding 4). The
reader (`reader.Node.spoken`) counts only the label for a combo box, so the census of
every screen checks the others; the chooser, shown only with two appointments or
more, is checked here."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox

from journal.domain.body.log import Appointment
from journal.storage.body.repository import BodyRepository
from tests.ui.accessibility.reader import read
from tests.ui.body import support as support

body_area = support.body_area


def test_the_appointment_chooser_is_heard_by_its_label(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    repository = BodyRepository(journal.db)
    for n, place in enumerate(("Dr Patel, clinic", "Early pregnancy unit")):
        when = datetime(2026, 12, 15 + n, 10, 30, tzinfo=UTC)
        repository.save_appointment(Appointment(f"a{n}", when, place))
    body_area.refresh()
    body_area.tabs.setCurrentWidget(body_area.timeline)
    chooser = body_area.timeline.appointment_choice
    qtbot.waitUntil(chooser.isVisible)
    screen = read(body_area.timeline, "Timeline")
    boxes = [node for node in screen.controls if node.role == QAccessible.Role.ComboBox]
    assert [node.spoken for node in boxes] == ["Appointment to change or remove:"]
    assert body_area.timeline.findChildren(QComboBox) == [chooser]

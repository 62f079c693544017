"""A refused Save of the body log announces the refusal only: the pad note going
back to its hint is not news (break test 14 of issue 15, finding 2: "Each change is
noted with its time…" was heard with the refusal of a Save)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.body.form import PAD_RULE
from tests.ui.body import support as support

body_area = support.body_area


def test_a_refused_save_says_only_the_refusal(qtbot, body_area, a11y_events) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.pad_button.setFocus()
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)  # "Changed a pad": noted, and said
    assert form.pad_status.text().startswith("Noted: ")
    a11y_events.clear()
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)  # Save: refused
    heard = a11y_events.announcements()
    assert form.problem_text() and form.problem_text() in " ".join(heard)
    assert form.pad_status.text() == PAD_RULE  # shown again as the hint
    assert not [words for words in heard if PAD_RULE in words], heard

"""An error or a warning said at once (assertively) goes out after the focus moves made
with it (issue 15, findings 1, 15 and 24): a screen reader speaks the control that
gets the focus at once, and an alert sent in the same instant was cut off by it.
Read in the order the accessibility events leave the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.ui.body.area import BodyArea
from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area

Event = QAccessible.Event


def _said_after_last_focus(recorder: Recorder, words: str) -> None:
    """``words`` went out assertively, after the last focus event before it."""
    recorder.settle()
    events = recorder.events
    said = [
        i
        for i, e in enumerate(events)
        if e.kind == Event.Announcement and e.assertive and e.message == words
    ]
    assert said, f"never said: {words}"
    focus = [i for i, e in enumerate(events) if e.kind == Event.Focus]
    assert focus, "the focus never moved"
    assert focus[-1] < said[0], [(e.kind, e.name or e.message) for e in events]


def _active(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_refused_field_is_said_after_the_focus_moves_to_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    body: BodyArea = area(unlocked_window, "body")  # type: ignore[assignment]
    unlocked_window.show_area(body)
    _active(qtbot, unlocked_window)
    form = body.form
    form.temperature.setText("warm")
    form.save_button.setFocus()
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is form.temperature
    _said_after_last_focus(a11y_events, form.problem_text())


def test_a_wrong_passphrase_is_said_after_the_focus_goes_back_to_the_field(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events: Recorder
):
    page = window.lock_screen.unlock_page
    _active(qtbot, window)
    page.passphrase.setText("not the passphrase")
    page.unlock_button.setFocus()
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(page.unlock_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)  # a KDF, loaded
    assert QApplication.focusWidget() is page.passphrase
    _said_after_last_focus(a11y_events, page.error.text())


def test_a_warning_sign_raised_by_a_save_is_said_after_the_focus_settles(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    body: BodyArea = area(unlocked_window, "body")  # type: ignore[assignment]
    unlocked_window.show_area(body)
    _active(qtbot, unlocked_window)
    form = body.form
    form.temperature.setText("38.9")
    form.save_button.setFocus()
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    (card,) = body.banner.cards
    a11y_events.settle()
    alerts = [i for i, e in enumerate(a11y_events.events) if e.kind == Event.Alert]
    assert len(alerts) == 1
    focus = [i for i, e in enumerate(a11y_events.events) if e.kind == Event.Focus]
    assert focus and focus[-1] < alerts[0]  # the save moved it back to the form first
    _said_after_last_focus(a11y_events, card.spoken)

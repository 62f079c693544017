"""A field given the focus on a small screen at 200 % text is shown whole, with its
label (issue 10, break test of session 24): in the body log at 1024x600, Alt+N showed
only the Note box's top edge (Qt scrolls a text box to its cursor alone), and a refused
Time, focused on saving, was scrolled to with its label above the view. The real
window, its keys and its scroll areas."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.settings import FONT_SCALE
from journal.ui.body.area import BodyArea

NETBOOK = QRect(0, 0, 1024, 600)


def _whole(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def _small_body_log(qtbot, window, monkeypatch) -> BodyArea:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    window.settings.set(FONT_SCALE, 200)
    window.resize(1016, 560)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    area = window.findChild(BodyArea)
    assert isinstance(area, BodyArea)
    qtbot.waitUntil(area.isVisible)
    qtbot.wait(100)
    return area


def test_alt_n_shows_the_whole_note_box_and_its_label(qtbot, unlocked_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    form = _small_body_log(qtbot, unlocked_window, monkeypatch).form
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(form.note.hasFocus)
    qtbot.wait(100)  # the scroll follows the focus once the layouts have settled
    assert _whole(form.note)
    assert _whole(_label_of(form, form.note))


def _label_of(form: QWidget, field: QWidget) -> QLabel:
    """The visible label of ``field``'s row (a label whose buddy it is)."""
    labels = [w for w in form.findChildren(QLabel) if w.buddy() is field and w.isVisible()]
    assert labels, [w.text() for w in form.findChildren(QLabel) if w.buddy() is field]
    return labels[0]


def test_a_refused_time_shows_with_its_label(qtbot, unlocked_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from journal.ui.common.local_time import now_utc, to_qdatetime

    form = _small_body_log(qtbot, unlocked_window, monkeypatch).form
    form.time.setDateTime(to_qdatetime(now_utc() + timedelta(days=2)))
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(100)
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(form.time.hasFocus)  # the first refused field
    qtbot.wait(100)
    assert _whole(form.time)
    assert _whole(_label_of(form, form.time))

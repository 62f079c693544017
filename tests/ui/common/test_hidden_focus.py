"""No focus on a hidden control (journal.ui.common.hidden_focus; break test 15 of
session 18, finding 2): a control asked for the focus inside a panel that says how it
is shown (`reveals`) shows that panel; inside one that does not, the focus goes to the
nearest control that can be seen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from journal.ui.common.hidden_focus import install_hidden_focus
from tests.ui.accessibility.screens import settle
from tests.ui.entries.test_panels import writing_on_a_small_screen


def test_a_control_of_the_hidden_journal_list_focused_shows_the_list(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    """Whatever asks (a shortcut, a dialog giving the focus back), the list is shown
    before the focus rests in it, as "Show the list" shows it."""
    window = unlocked_window
    area = writing_on_a_small_screen(qtbot, window, 100)
    window.resize(QSize(1366, 768))
    settle()
    qtbot.keyClick(area.list_button, Qt.Key.Key_Space)  # Hide the list
    settle()
    assert not area.timeline.isVisible()

    area.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)
    settle()
    assert area.side.isVisible() and area.timeline.isVisible()
    assert QApplication.focusWidget() is area.timeline
    assert area.list_button.text().replace("&", "") == "Hide the list"


def test_a_control_of_a_hidden_panel_that_cannot_be_shown_gives_the_focus_to_one_seen(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    install_hidden_focus()
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    seen = QPushButton("Seen")
    panel = QWidget()
    hidden = QLineEdit(panel)
    column.addWidget(seen)
    column.addWidget(panel)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.hide()

    hidden.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is seen)
    assert seen.isVisible()

"""A tab chosen by its underlined letter takes the focus to its tab bar, so the tab now
shown is heard and the keys go on from there (break test 15 of session 14, finding 7:
Qt changed the page and left the focus on the area list, or on a button of the page it
had just hidden, and nothing was heard). The real body log, its real tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from journal.ui.common.tab_names import install_tab_names
from tests.ui.body.support import body_area  # noqa: F401  (the fixture)


def test_alt_letter_of_a_tab_shows_it_with_the_focus_on_its_tab_bar(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    install_tab_names()
    body_area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is body_area.window())
    button = next(
        b for b in body_area.tabs.currentWidget().findChildren(QPushButton) if b.isVisible()
    )
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)

    qtbot.keyClick(button, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Past lo&gs

    bar = body_area.tabs.tabBar()
    assert body_area.tabs.tabText(body_area.tabs.currentIndex()) == "Past lo&gs"
    qtbot.waitUntil(bar.hasFocus, timeout=2_000)

"""Ctrl+F from another area moves the focus once, straight to the Journal's search
field (break test 15 of session 14, finding 5: the entry's words were focused first,
their long description heard, then the search). Real window, real keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.accessibility.screens import settle
from tests.ui.entries.test_panels import writing_on_a_small_screen


def test_ctrl_f_from_another_area_focuses_only_the_search(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_2, ctrl)  # the body log, which has no search
    journal = window.area("journal")
    assert window.pages.currentWidget() is not journal
    moved: list[QWidget] = []

    def focused(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            moved.append(new)

    app = QApplication.instance()
    app.focusChanged.connect(focused)
    try:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, ctrl)
    finally:
        app.focusChanged.disconnect(focused)
    assert window.pages.currentWidget() is journal
    assert moved == [journal.search.field], moved


@pytest.mark.parametrize("where", ["given way on a small screen", "hidden with Hide the list"])
def test_ctrl_f_where_the_list_is_hidden_shows_it_and_what_is_found(
    qtbot, unlocked_window, where
) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, finding 2: with the list given way to the entry,
    Ctrl+F put the focus in the hidden search field; what was typed and "Nothing found"
    went nowhere seen or heard. Ctrl+F shows the list first, as "Show the list" does."""
    window = unlocked_window
    if where == "given way on a small screen":
        area = writing_on_a_small_screen(qtbot, window, 200)
    else:
        area = writing_on_a_small_screen(qtbot, window, 100)
        window.resize(QSize(1366, 768))
        settle()
        qtbot.keyClick(area.list_button, Qt.Key.Key_Space)  # Hide the list
        settle()
    assert not area.side.isVisible() and area.editor.body.hasFocus()

    qtbot.keyClick(area.editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    settle()
    field = area.search.field
    assert area.side.isVisible() and field.isVisible()
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "zzz")
    qtbot.waitUntil(lambda: area.count.text().startswith("Nothing found"))
    assert area.count.isVisible()


@pytest.mark.parametrize(("tab", "key"), [("Look back", Qt.Key.Key_K), ("Calendar", Qt.Key.Key_A)])
def test_ctrl_f_from_another_tab_shows_what_is_found(qtbot, unlocked_window, tab, key) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, re-test R4: with the Journal on its Look back (or
    Calendar) tab, Ctrl+F and "hard" said "1 found" while the Look back buttons stayed
    shown, and the entry found was nowhere to be seen. The List tab comes forward, as it
    does when the search is changed on that tab."""
    window = unlocked_window
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    area = window.area("journal")
    area.new_entry()
    body = area.editor.body
    qtbot.waitUntil(body.hasFocus)
    with qtbot.waitSignal(area.editor.saved, timeout=10_000):
        qtbot.keyClicks(body, "A hard day.")
        qtbot.keyClick(body, Qt.Key.Key_S, ctrl)
    qtbot.keyClick(body, key, alt)
    settle()
    assert area.browse_tabs.tabText(area.browse_tabs.currentIndex()).replace("&", "") == tab
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, ctrl)  # away, then Find
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, ctrl)
    settle()
    field = area.search.field
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "hard")
    qtbot.waitUntil(lambda: area.count.text() == "1 found")
    assert area.timeline.isVisible()
    assert area.timeline.visualRect(area.model.index(0)).intersects(area.timeline.viewport().rect())

    # Back to the tab, then the search changed there with a click and words: shown too.
    qtbot.keyClick(field, key, alt)
    settle()
    assert not area.timeline.isVisible()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " day")
    qtbot.waitUntil(area.timeline.isVisible)
    assert area.count.text() == "1 found"

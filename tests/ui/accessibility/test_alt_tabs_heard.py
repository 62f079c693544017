"""A tab chosen by its Alt+letter from inside a page is heard once: the focus moves to
the tab bar, named by the tab now shown, as when the tab is chosen on the bar itself
(break test 15 of session 15, finding 6: the focus went first into the new page, a
prompt or a table cell heard, then to the bar, or the bar was heard by the old tab)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication

Focus = QAccessible.Event.Focus


def alt_moves(qtbot, tabs, a11y_events) -> list[tuple[str, list[str | None]]]:  # type: ignore[no-untyped-def]
    """Each tab of ``tabs`` chosen in turn by its Alt+letter, typed while the focus is on
    the first control of the page shown before it; what was heard focused each time."""
    from journal.ui.common.accessibility import first_tab_stop
    from tests.ui.accessibility.screens import settle

    heard = []
    bar = tabs.tabBar()
    for index in [*range(1, tabs.count()), 0]:
        stop = first_tab_stop(tabs.currentWidget())
        (stop or bar).setFocus()
        settle()
        a11y_events.clear()
        mnemonic = QKeySequence.mnemonic(tabs.tabText(index))[0]
        qtbot.keyClick(QApplication.focusWidget(), mnemonic.key(), mnemonic.keyboardModifiers())
        settle()
        assert tabs.currentIndex() == index, tabs.tabText(index)
        assert QApplication.focusWidget() is bar
        heard.append((tabs.tabText(index).replace("&", ""), a11y_events.names(Focus)))
    return heard


def test_an_alt_letter_tab_from_inside_a_page_is_heard_once_by_its_name(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    from tests.ui.accessibility.screens import heard_on_every_tab_bar

    a11y_events.record_names = True
    heard = heard_on_every_tab_bar(
        qtbot, unlocked_window, store, lambda qtbot, tabs: alt_moves(qtbot, tabs, a11y_events)
    )
    wrong = [(tab, names) for tab, names in heard if names != [tab]]
    assert wrong == [], heard

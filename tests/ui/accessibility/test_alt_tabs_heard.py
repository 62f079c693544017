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


def spoken_on_focus(qtbot, tabs, a11y_events) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """Each tab of ``tabs`` chosen in turn by its Alt+letter from inside the page shown
    before it (pages with no control of their own are left out: from the tab bar, the
    tab itself is focused, by its own name), and the name a screen reader that keeps
    names (Orca, through libatspi's cache) says with the tab bar's focus: the name of
    the last name change told before the focus, else the one it met the bar by, the
    tab shown before."""
    from journal.ui.common.accessibility import first_tab_stop
    from tests.ui.accessibility.screens import settle

    spoken = []
    for index in [*range(1, tabs.count()), 0]:
        stop = first_tab_stop(tabs.currentWidget())
        (stop or tabs.tabBar()).setFocus()
        settle()
        kept = tabs.tabText(tabs.currentIndex()).replace("&", "")
        a11y_events.listen()
        mnemonic = QKeySequence.mnemonic(tabs.tabText(index))[0]
        qtbot.keyClick(QApplication.focusWidget(), mnemonic.key(), mnemonic.keyboardModifiers())
        settle()
        if stop is None:
            continue
        a11y_events.settle()
        said = None
        for event in a11y_events.events:
            if event.kind == QAccessible.Event.NameChanged:
                kept = event.name or kept
            elif event.kind == Focus and said is None:
                said = kept
        spoken.append((tabs.tabText(index).replace("&", ""), said))
    return spoken


def test_a_tab_chosen_by_its_alt_letter_is_said_by_its_own_name_with_the_focus(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    """Break test 15 of session 18, finding 8: Alt+R (Charts) from the Log page was said
    "Timeline, page tab list": the bar's name change was told after its focus, and a
    screen reader that keeps names said the focus with the name it had kept."""
    from tests.ui.accessibility.screens import heard_on_every_tab_bar

    a11y_events.record_names = True
    spoken = heard_on_every_tab_bar(
        qtbot,
        unlocked_window,
        store,
        lambda qtbot, tabs: spoken_on_focus(qtbot, tabs, a11y_events),
    )
    assert len(spoken) >= 6  # tabs chosen from inside a page, on the three tab bars
    assert [(tab, said) for tab, said in spoken if said != tab] == [], spoken

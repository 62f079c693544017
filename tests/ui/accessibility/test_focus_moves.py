"""Focus goes straight where the person looks next: when a page gives way to another
(Ctrl+1/2/3, the lock screen), a screen reader hears one focus, on the control the
app chose, never first the control that comes next in the window ("Areas", "Open
Together on this journal") as Qt moved the focus out of the page being hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.entries.test_editor import journal_area, write

Focus = QAccessible.Event.Focus


def named(widget) -> str:  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def writing(qtbot, window):  # type: ignore[no-untyped-def]
    """The window active, the Journal area writing a new entry ("A quiet evening")."""
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "A quiet evening")
    return area


def test_the_first_ctrl_2_of_a_session_starts_at_the_log_form(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Issue 15, break test of session 25, F15: the Body log's first control, above its
    tabs, is "Summary for the doctor…"; the person came to log."""
    window = unlocked_window
    writing(qtbot, window)
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert a11y_events.names(Focus) == ["Time of this log"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert named(QApplication.focusWidget()) == "Time of this log"  # and back to it


def test_changing_area_and_locking_focus_only_the_control_chosen(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    area = writing(qtbot, window)
    assert area.editor.body.hasFocus()
    a11y_events.record_names = True
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_2):
        a11y_events.listen()
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        focused = QApplication.focusWidget()
        assert focused is not None and window.pages.currentWidget().isAncestorOf(focused)
        heard = a11y_events.names(Focus)
        assert heard == [named(focused)], (key, heard)
        assert "Areas" not in heard
    a11y_events.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.is_locked)
    qtbot.waitUntil(lambda: window.lock_screen.isAncestorOf(QApplication.focusWidget()))
    heard = a11y_events.names(Focus)
    assert heard == [named(QApplication.focusWidget())], heard
    # Unlocking again: the focus lands once, in the area shown, not on "Areas" first.
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    a11y_events.clear()
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget().isAncestorOf(QApplication.focusWidget()))
    heard = [name for name in a11y_events.names(Focus) if name != "Passphrase"]
    assert heard == [named(QApplication.focusWidget())], heard


def test_the_journal_opens_an_entry_and_undoes_a_delete_without_a_stray_focus(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    area = writing(qtbot, window)
    # A narrow window (a small screen, large text): the list shows in place of the entry.
    window.resize(620, 600)
    qtbot.waitUntil(area.narrow)
    area.toggle_list()
    qtbot.waitUntil(lambda: area.side.isVisible() and not area.pages.isVisible())
    area.timeline.setFocus()
    area.timeline.setCurrentIndex(area.model.index(0, 0))
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(area.timeline, Qt.Key.Key_Return)
    qtbot.waitUntil(area.pages.isVisible)
    assert QApplication.focusWidget() is area.editor.body
    assert a11y_events.names(Focus) == [named(area.editor.body)]
    # Delete, then Undo: the focus goes from Undo to the words that came back, only.
    window.resize(1300, 740)
    qtbot.waitUntil(lambda: not area.narrow())
    area.editor.delete_button.click()
    area.question.yes_button.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.undo_button)
    a11y_events.clear()
    qtbot.keyClick(area.undo_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is area.editor.body
    assert a11y_events.names(Focus) == [named(area.editor.body)]


def tab_moves(qtbot, tabs, a11y_events) -> list[tuple[str, list[str | None]]]:  # type: ignore[no-untyped-def]
    """Each tab of ``tabs`` chosen in turn (as its Alt key does) while the focus is in the
    page shown before it; what a screen reader heard focused at each choice."""
    from journal.ui.common.accessibility import first_tab_stop
    from tests.ui.accessibility.screens import settle

    heard = []
    for index in [*range(1, tabs.count()), 0]:
        stop = first_tab_stop(tabs.currentWidget())
        if stop is not None:
            stop.setFocus()
        settle()
        a11y_events.clear()
        tabs.setCurrentIndex(index)
        settle()
        heard.append((tabs.tabText(index).replace("&", ""), a11y_events.names(Focus)))
    return heard


def test_a_tab_chosen_from_inside_its_neighbour_is_heard_once_by_name(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    """Break test 15 of session 7, finding 3: a page shown in place of the one holding
    the focus took the focus itself when it had no control yet (Qt's stacked layout
    does so), an unnamed "filler" heard before, or instead of, anything on it. Every
    tabbed page of the app, each tab chosen in turn: one focus, with a name."""
    from tests.ui.accessibility.screens import heard_on_every_tab_bar

    a11y_events.record_names = True
    heard = heard_on_every_tab_bar(
        qtbot, unlocked_window, store, lambda qtbot, tabs: tab_moves(qtbot, tabs, a11y_events)
    )
    wrong = [(tab, names) for tab, names in heard if len(names) > 1 or not all(names)]
    assert wrong == [], heard
    assert ("Couple prompts", ["Couple prompts"]) in heard


def test_read_more_goes_straight_to_the_article(  # type: ignore[no-untyped-def]
    qtbot, window, store, a11y_events
):
    """A link that shows another area (a warning sign's "Read more" in the Body log
    opens its article in the Library): one focus, on the article. Qt's stacked layout
    gave it first to the Library's first control, "Search the library", heard before
    the article (the same move as at an unlock: `focus_placed_on_show`)."""
    from journal.storage.body.repository import BodyRepository
    from tests.ui.accessibility.screens import area, fever_log

    folder = window.lock_screen.unlock_page.chosen_folder()
    journal = store.unlock(folder, PASSPHRASE)
    BodyRepository(journal.db).save_log(fever_log())
    journal.lock()
    window.activateWindow()
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    (card,) = area(window, "body").banner.cards  # type: ignore[attr-defined]
    card.read_more.setFocus()
    qtbot.waitUntil(card.read_more.hasFocus)
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(card.read_more, Qt.Key.Key_Space)
    library = area(window, "library")
    assert window.pages.currentWidget() is library
    article = library.reader.browser  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is article
    assert a11y_events.names(Focus) == [named(article)]


def test_ctrl_n_from_another_area_goes_straight_to_the_words(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Ctrl+N in the Library: one focus, on the words of the new entry. Qt's stacked
    layout gave it first to the control the Journal last had ("Search entries")."""
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.search.field.setFocus()
    qtbot.waitUntil(area.search.field.hasFocus)
    qtbot.keyClick(area.search.field, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() is window.area("library")
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is area.editor.body
    assert a11y_events.names(Focus) == [named(area.editor.body)]


def test_escape_from_the_recovery_key_page_moves_the_focus_once(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events
):
    """Issue 15, break test of session 25, F2: Escape from "Use recovery key…"'s page
    was heard on that button, then at once on the passphrase."""
    page = window.lock_screen.unlock_page
    window.activateWindow()
    page.recovery_button.setFocus()
    qtbot.waitUntil(page.recovery_button.hasFocus)
    qtbot.keyClick(page.recovery_button, Qt.Key.Key_Space)
    recovery = window.lock_screen.recovery_page
    qtbot.waitUntil(recovery.key.hasFocus)
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(recovery.key, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.passphrase
    assert a11y_events.names(Focus) == [named(page.passphrase)]


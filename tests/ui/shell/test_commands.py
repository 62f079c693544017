"""The window-wide commands: Ctrl+N starts an entry whatever has the focus, Ctrl+F
finds, Edit > Undo brings a deleted entry back, and the open journal is named in the
window (never in its title)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.shell.actions import ActionId
from journal.ui.shell.main_window import WINDOW_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier


def _journal(window):  # type: ignore[no-untyped-def]
    return next(a for a in window.areas if a.area_id == "journal")


def _focusable(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_ctrl_n_starts_a_new_entry_whatever_has_the_focus(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    journal = _journal(window)
    window.show_area(journal)
    journal.new_entry()
    qtbot.keyClicks(journal.editor.body, "A first entry")
    journal.editor.save_now()
    journal.timeline.setCurrentIndex(journal.model.index(0))
    journal._open_index(journal.model.index(0))
    places = [*_focusable(journal), window.navigation]
    assert len(places) > 10
    first = journal.editor.entry_id
    for place in places:
        journal._open_index(journal.model.index(0))
        assert journal.editor.entry_id == first
        place.setFocus()
        qtbot.keyClick(place, Qt.Key.Key_N, CTRL)
        name = f"{type(place).__name__} {place.accessibleName()}"
        assert journal.editor.entry_id != first, name
        assert journal.editor.body.toPlainText() == "", name
        assert not journal.editor.delete_button.isEnabled(), name  # not saved yet
        assert window.pages.currentWidget() is journal
        assert journal.pages.currentWidget() is journal.editor


def test_ctrl_n_from_another_area_goes_to_the_journal(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = next(a for a in window.areas if a.area_id == "body")
    window.show_area(body)
    qtbot.keyClick(body.form.temperature, Qt.Key.Key_N, CTRL)
    journal = _journal(window)
    assert window.pages.currentWidget() is journal
    assert journal.pages.currentWidget() is journal.editor


def test_ctrl_f_puts_the_focus_in_the_search_of_the_area_shown(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    journal = _journal(window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, CTRL)
    assert journal.search.field.hasFocus()
    library = next(a for a in window.areas if a.area_id == "library")
    window.show_area(library)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, CTRL)
    assert library.browser.search.hasFocus()


def test_edit_undo_brings_back_a_deleted_entry(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    journal = _journal(window)
    journal.new_entry()
    qtbot.keyClicks(journal.editor.body, "Kept after all")
    journal.editor.save_now()
    journal.editor.delete_button.click()
    journal.question.yes_button.click()
    assert journal.model.rowCount() == 0
    journal.timeline.setFocus()
    window.action_by_id[ActionId.UNDO].trigger()
    assert journal.model.rowCount() == 1
    assert "Kept after all" in journal.editor.body.toPlainText()


def test_the_open_journal_is_named_in_the_window_not_its_title(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    assert window.windowTitle() == WINDOW_TITLE
    assert window.journal_name.isVisible()
    assert window.journal_name.text() == "Test journal"
    window.lock()
    assert window.windowTitle() == WINDOW_TITLE
    assert window.journal_name.text() == ""

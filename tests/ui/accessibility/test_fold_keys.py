"""Alt+letter reaches a control whether or not it is folded away (issue 15). The entry's
"Mood, feelings, tags" panel folds away by itself on a small screen or at large text,
or when the person folds it; with it folded, Alt+M (Mood), Alt+S (Feelings) and Alt+G
(Tags) did nothing, as Qt takes no shortcut of a hidden label. Now the letter opens the
fold and the focus lands in the control, as it does with the fold open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.accessibility.screens import settle
from tests.ui.entries.test_editor import journal_area

ALT = Qt.KeyboardModifier.AltModifier


def _folded_editor(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    area = journal_area(window)
    window.show_area(area)
    area.new_entry()
    editor = area.editor
    settle()
    if editor.details.isVisible():  # the person folds it: the button, by its key
        editor.details_button.setFocus()
        qtbot.keyClick(editor.details_button, Qt.Key.Key_Space)
    settle()
    assert editor.details.isHidden()
    return editor


def test_each_letter_in_the_folded_panel_opens_it_and_reaches_its_control(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    editor = _folded_editor(qtbot, window)
    labels = [
        label
        for label in editor.details.findChildren(QLabel)
        if label.buddy() is not None and not QKeySequence.mnemonic(label.text()).isEmpty()
    ]
    assert {label.text() for label in labels} >= {"&Mood", "Feeling&s", "Ta&gs"}
    reached = []
    for label in labels:
        if editor.details.isVisible():  # fold it again before each letter
            editor.details_button.setFocus()
            qtbot.keyClick(editor.details_button, Qt.Key.Key_Space)
            settle()
        editor.body.setFocus()
        qtbot.waitUntil(editor.body.hasFocus)
        letter = QKeySequence.mnemonic(label.text()).toString().removeprefix("Alt+")
        qtbot.keyClick(QApplication.focusWidget(), letter.lower(), ALT)
        settle()
        focus = QApplication.focusWidget()
        buddy = label.buddy()
        reached.append(
            (
                label.text(),
                editor.details.isVisible(),
                focus is buddy or (focus is not None and buddy.isAncestorOf(focus)),
            )
        )
    assert reached == [(label.text(), True, True) for label in labels]


def test_with_the_panel_open_each_letter_still_goes_once_to_its_control(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Open, the letter is Qt's own label mnemonic, not taken twice (an ambiguous
    shortcut would only cycle)."""
    window = unlocked_window
    editor = _folded_editor(qtbot, window)
    editor.details_button.setFocus()
    qtbot.keyClick(editor.details_button, Qt.Key.Key_Space)
    settle()
    assert editor.details.isVisible()
    editor.body.setFocus()
    qtbot.keyClick(editor.body, "m", ALT)
    settle()
    assert QApplication.focusWidget() is editor.mood
    qtbot.keyClick(editor.mood, "g", ALT)
    settle()
    assert QApplication.focusWidget() is editor.tags


def test_every_menu_opens_by_its_letter_at_the_narrowest_window_and_200_percent(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """The menu bar's own fold (Qt's » button, for menus that do not fit): at the
    window's least width and 200 % text every menu still fits, and each menu's
    Alt+letter opens it from the words (Qt opens a menu folded into » by its letter too;
    this holds the bar to it)."""
    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(window.minimumSizeHint().width(), 600)
    settle()
    editor = _folded_editor(qtbot, window)
    bar = window.menuBar()
    opened = []
    for action in bar.actions():
        editor.body.setFocus()
        qtbot.waitUntil(editor.body.hasFocus)
        letter = QKeySequence.mnemonic(action.text()).toString().removeprefix("Alt+")
        qtbot.keyClick(editor.body, letter.lower(), ALT)
        settle()
        menu = QApplication.activePopupWidget()
        opened.append((action.text(), menu is action.menu()))
        if menu is not None:
            menu.close()
            settle()
    assert opened == [(action.text(), True) for action in bar.actions()]

"""The arrow keys never move the focus off a button that is not one answer of a choice
(break test 15 of session 11, finding 6): Left on the calendar's "Previous month"
went along the Tab order to the tab bar above it, and the next arrow changed the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar

from journal.ui.common.button_arrows import choice_buttons
from tests.ui.accessibility.screens import area, area_screens

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


def test_the_arrows_on_the_calendars_buttons_keep_the_focus_in_the_calendar(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    journal = area(window, "journal")
    window.show_area(journal)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    tabs = journal.browse_tabs  # type: ignore[attr-defined]
    calendar = journal.calendar  # type: ignore[attr-defined]
    bar = tabs.findChild(QTabBar)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(bar, Qt.Key.Key_Right)  # List -> Calendar, as a keyboard user moves
    assert tabs.currentWidget() is calendar
    qtbot.keyClick(bar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is calendar.previous_button
    for button in (calendar.previous_button, calendar.next_button):
        button.setFocus(Qt.FocusReason.TabFocusReason)
        for key in ARROWS + ARROWS:
            qtbot.keyClick(QApplication.focusWidget(), key)
            assert QApplication.focusWidget() is button, key.name
            assert tabs.currentWidget() is calendar
    # Tab still moves on, to the days.
    qtbot.keyClick(calendar.next_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is calendar.grid


def test_no_arrow_moves_the_focus_off_a_button_on_any_page(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    moved, seen = [], 0
    for title, root in area_screens(qtbot, window):
        for button in root.findChildren(QAbstractButton):
            if (
                not button.isVisible()
                or not button.isEnabled()
                or not button.focusPolicy() & Qt.FocusPolicy.TabFocus
                or len(choice_buttons(button)) > 1
            ):
                continue
            seen += 1
            button.setFocus(Qt.FocusReason.TabFocusReason)
            if not button.hasFocus():
                continue
            for key in ARROWS:
                qtbot.keyClick(button, key)
                if QApplication.focusWidget() is not button:
                    went = QApplication.focusWidget()
                    moved.append(
                        f"{title}: {button.accessibleName() or button.text()!r} {key.name} -> "
                        f"{type(went).__name__} {went.accessibleName() if went else ''!r}"
                    )
                    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert seen > 40
    assert moved == [], "\n".join(moved)


def test_every_radio_group_answers_all_four_arrows_and_the_check_moves_with_the_focus(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Break test 15 of session 11, finding 8: Yes / Not yet / Maybe answered Left and
    Right but not Down and Up (Qt looked for a button below, in a row)."""
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    groups: dict[tuple[int, ...], tuple[str, list[QAbstractButton]]] = {}
    for title, root in area_screens(qtbot, window):
        for button in root.findChildren(QAbstractButton):
            answers = choice_buttons(button)
            if button.isVisible() and len(answers) > 1:
                groups.setdefault(tuple(id(b) for b in answers), (title, answers))
        if title == "Library: closeness ideas":
            break  # the groups are looked at while their page shows
    assert len(groups) >= 7  # one per closeness idea
    wrong = []
    for title, answers in groups.values():
        first, last = answers[0], answers[-1]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        for key, expected in (
            (Qt.Key.Key_Down, answers[1]),
            (Qt.Key.Key_Up, first),
            (Qt.Key.Key_Up, last),  # wrapping, as radio groups do
            (Qt.Key.Key_Down, first),
            (Qt.Key.Key_Right, answers[1]),
            (Qt.Key.Key_Left, first),
        ):
            qtbot.keyClick(QApplication.focusWidget(), key)
            focused = QApplication.focusWidget()
            if focused is not expected or not expected.isChecked():
                wrong.append(f"{title}: {expected.accessibleName()!r} not reached by {key.name}")
                expected.setFocus(Qt.FocusReason.TabFocusReason)
            elif [b for b in answers if b.isChecked()] != [expected]:
                wrong.append(f"{title}: {expected.accessibleName()!r} not the only one chosen")
    assert wrong == [], "\n".join(wrong)

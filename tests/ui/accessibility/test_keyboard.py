"""Keyboard alone: Settings from a shortcut and the menu bar, focus inside each dialog
and back where the person was after it, and one exclusive choice moved with arrows."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QToolButton

from journal.ui.body.area import BodyArea
from tests.ui.accessibility.screens import area, settle

Event = QAccessible.Event


def focus_is_usable() -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and focus.isVisible() and focus.isEnabled()


def open_dialog() -> QDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()),
        None,
    )


def test_settings_opens_from_a_shortcut_on_every_platform(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    action = unlocked_window.settings_action
    keys = {s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()}
    assert "Ctrl+," in keys  # Preferences has no standard binding on most Linux desktops
    qtbot.keyClick(unlocked_window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: open_dialog() is not None)
    dialog = open_dialog()
    assert dialog is not None
    dialog.activateWindow()  # as the window manager does with a new window
    qtbot.waitUntil(dialog.isActiveWindow)
    starts_on = QApplication.focusWidget()
    assert starts_on is not None and dialog.isAncestorOf(starts_on)
    assert starts_on is not None and starts_on.isVisible() and starts_on.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: open_dialog() is None)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    assert focus_is_usable()


def test_settings_is_in_the_menu_bar(unlocked_window):  # type: ignore[no-untyped-def]
    entries = [
        action
        for menu in unlocked_window.menuBar().actions()
        if menu.menu() is not None
        for action in menu.menu().actions()
    ]
    assert unlocked_window.settings_action in entries


def test_each_body_dialog_gives_the_focus_back_to_a_usable_control(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    body: BodyArea = area(unlocked_window, "body")  # type: ignore[assignment]
    unlocked_window.show_area(body)
    openers = {
        "Recovery details": lambda: body.timeline.edit_details.emit(),
        "Appointment": lambda: body.timeline.add_appointment.emit(),
    }
    for title, open_it in openers.items():
        seen: list[bool] = []

        def answer(seen: list[bool] = seen, tries: int = 200) -> None:
            dialog = open_dialog()
            settled = dialog is not None and dialog.focusWidget() is not None
            if not settled and tries:  # not shown or focused yet (a busy machine): look again
                QTimer.singleShot(50, lambda: answer(seen, tries - 1))
                return
            starts_on = None if dialog is None else dialog.focusWidget()
            seen.append(starts_on is not None and starts_on.isEnabled())
            if dialog is not None:
                dialog.reject()

        QTimer.singleShot(0, answer)  # some of these dialogs block (exec)
        open_it()
        qtbot.waitUntil(lambda seen=seen: bool(seen) and open_dialog() is None, timeout=15_000)
        assert seen == [True], title
        unlocked_window.activateWindow()
        qtbot.waitUntil(unlocked_window.isActiveWindow)
        settle()
        assert focus_is_usable(), title


def test_yes_not_yet_maybe_is_one_choice_moved_with_the_arrow_keys(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    from journal.domain.library.closeness import IdeaResponse

    library = area(unlocked_window, "library")
    unlocked_window.show_area(library)
    library.show_ideas()  # type: ignore[attr-defined]
    card = library.ideas.cards[0]  # type: ignore[attr-defined]
    buttons = card.buttons
    for button in buttons.values():
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.RadioButton
    group = QAccessible.queryAccessibleInterface(card.answer_group)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == f"Your answer about {card.title}"
    buttons[IdeaResponse.YES].setFocus()
    qtbot.keyClick(buttons[IdeaResponse.YES], Qt.Key.Key_Space)
    assert card.response() is IdeaResponse.YES
    qtbot.keyClick(buttons[IdeaResponse.YES], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is buttons[IdeaResponse.NOT_YET]
    assert card.response() is IdeaResponse.NOT_YET
    assert [b.isChecked() for b in buttons.values()] == [False, True, False]


def test_each_calendar_day_is_heard_with_its_whole_date_and_its_entries(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    unlocked_window.resize(1366, 768)  # the list and the entry side by side
    journal = area(unlocked_window, "journal")
    for words in ("Morning.", "Evening."):
        journal.new_button.click()  # type: ignore[attr-defined]
        journal.editor.body.setPlainText(words)  # type: ignore[attr-defined]
        journal.editor.save_now()  # type: ignore[attr-defined]
    journal.browse_tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    calendar = journal.calendar  # type: ignore[attr-defined]
    today = calendar.selectedDate()
    other = today.addDays(-1 if today.day() > 1 else 1)
    long = QLocale.FormatType.LongFormat
    was = QLocale()
    try:
        for name in ("en_GB", "en_US"):  # the person's locale writes the date
            QLocale.setDefault(QLocale(name))
            calendar.refresh()
            grid = QAccessible.queryAccessibleInterface(calendar.grid)
            cells = [grid.child(i) for i in range(grid.childCount())]
            cells = [c for c in cells if c.role() == QAccessible.Role.Cell]
            names = [c.text(QAccessible.Text.Name) for c in cells]
            locale = QLocale()
            assert f"{locale.toString(today, long)}, 2 entries" in names, names
            assert f"{locale.toString(other, long)}, no entries" in names
            assert not [n for n in names if n.strip().isdigit()]  # never a bare "22"
    finally:
        QLocale.setDefault(was)
        calendar.refresh()
    grid_widget = calendar.grid
    month = today.toString("MMMM yyyy")
    assert grid_widget.accessibleName() == f"Days of {month}"
    # each day with its month, never a bare number heard as a count
    assert grid_widget.accessibleDescription() == f"Days with entries: {today.toString('d MMMM')}"
    grid_widget.setFocus()
    qtbot.waitUntil(grid_widget.hasFocus)
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(grid_widget, Qt.Key.Key_Left if today.day() > 1 else Qt.Key.Key_Right)
    qtbot.keyClick(grid_widget, Qt.Key.Key_Right if today.day() > 1 else Qt.Key.Key_Left)
    heard = a11y_events.names(QAccessible.Event.Focus)
    assert heard and heard[-1] == f"{QLocale().toString(today, long)}, 2 entries"
    assert a11y_events.announcements() == []  # heard once, by its focus
    a11y_events.record_names = False
    assert calendar.selectedDate() == today
    names = {b.accessibleName() for b in calendar.findChildren(QToolButton)}
    assert {"Previous month", "Next month"} <= names
    chosen: list[object] = []
    calendar.day_chosen.connect(chosen.append)
    qtbot.keyClick(grid_widget, Qt.Key.Key_Return)
    assert len(chosen) == 1 and chosen[0] == today.toPython()
    qtbot.keyClick(grid_widget, Qt.Key.Key_PageUp)
    assert calendar.monthShown() == today.addMonths(-1).month()


def calendar_focused(qtbot, window, a11y_events):  # type: ignore[no-untyped-def]
    """The Journal's calendar with one entry written today, its day grid focused and
    the names told recorded: (the calendar, its grid)."""
    journal = area(window, "journal")
    journal.new_button.click()  # type: ignore[attr-defined]
    journal.editor.body.setPlainText("Morning.")  # type: ignore[attr-defined]
    journal.editor.save_now()  # type: ignore[attr-defined]
    journal.browse_tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    calendar = journal.calendar  # type: ignore[attr-defined]
    grid = calendar.grid
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    a11y_events.record_names = True
    return calendar, grid


def test_a_calendar_day_is_never_focused_or_renamed_blank_across_a_month_change(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    calendar, grid = calendar_focused(qtbot, unlocked_window, a11y_events)
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        a11y_events.clear()
        qtbot.keyClick(grid, key)
        focused = a11y_events.names(QAccessible.Event.Focus)
        renamed = a11y_events.names(QAccessible.Event.NameChanged)
        assert focused and focused[-1] == calendar.day_words(calendar.selectedDate())
        assert "" not in focused and None not in focused
        assert "" not in renamed, key


def test_after_any_month_change_every_day_is_told_by_its_new_name_before_the_focus(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 7, finding 8: after Page Up a caching screen reader
    (Orca) heard "Thursday, 2 July 2026, no entries" on 1 January 2026, the day with
    the entry: the 42 cells are reused across months and no cell told its new name.
    Now every day cell renamed is told by its new name, before the focus lands on the
    day (so the name heard with the focus is the day's), and the day is heard once."""
    calendar, grid = calendar_focused(qtbot, unlocked_window, a11y_events)
    keys = [Qt.Key.Key_PageUp] * 3 + [Qt.Key.Key_End, Qt.Key.Key_PageDown, Qt.Key.Key_Home]
    keys += [Qt.Key.Key_PageDown] * 2
    for key in keys:
        a11y_events.listen()
        shown, before = calendar.monthShown(), calendar.selectedDate()
        qtbot.keyClick(grid, key)
        day = calendar.selectedDate()
        if day == before:  # Home on the first day, End on the last: nothing to tell
            continue
        month = [day.addDays(n - day.day()) for n in range(1, day.daysInMonth() + 1)]
        told = [e for e in a11y_events.events if e.kind in (Event.NameChanged, Event.Focus)]
        focus = [n for n, e in enumerate(told) if e.kind == Event.Focus]
        assert focus and told[focus[-1]].name == calendar.day_words(day), key
        renamed = {e.name for e in told[: focus[-1]] if e.kind == Event.NameChanged}
        if calendar.monthShown() != shown:
            assert {calendar.day_words(each) for each in month} <= renamed, key
        assert a11y_events.announcements() == [], key


def shows(widget) -> bool:  # type: ignore[no-untyped-def]
    """``widget`` is on screen, not scrolled out of every scroll area around it."""
    seen = widget.visibleRegion().boundingRect()
    return widget.isVisible() and seen.height() >= min(widget.height(), 8)


def test_after_saving_a_fever_at_200_percent_the_focused_field_is_in_view(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    from PySide6.QtCore import QSize

    from journal.settings import FONT_SCALE

    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.resize(QSize(1366, 768))
    body = area(window, "body")
    window.show_area(body)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = body.form  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Temperat&ure
    assert QApplication.focusWidget() is form.temperature
    qtbot.keyClicks(form.temperature, "38.6")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)  # saves the log; the banner shows
    qtbot.waitUntil(lambda: body.banner.isVisible())  # type: ignore[attr-defined]
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.waitUntil(lambda: shows(focus))


def test_a_tab_bar_is_heard_by_its_new_tab_after_the_tab_changes(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    body = area(unlocked_window, "body")
    unlocked_window.show_area(body)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    bar = body.tabs.tabBar()  # type: ignore[attr-defined]
    a11y_events.record_names = True
    for index in range(1, bar.count()):
        a11y_events.clear()
        bar.setFocus()
        qtbot.keyClick(bar, Qt.Key.Key_Right)  # the next tab, as a keyboard user moves
        assert bar.currentIndex() == index
        said = bar.tabText(index).replace("&", "")
        assert said in a11y_events.names(QAccessible.Event.NameChanged), said


def test_the_words_field_is_described_by_the_prompt_it_answers(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    journal = area(unlocked_window, "journal")
    unlocked_window.show_area(journal)
    picker = journal.write_with_prompt()  # type: ignore[attr-defined]
    assert picker is not None
    qtbot.waitExposed(picker)
    asked = " ".join(picker.text.text().split())
    assert asked
    picker.write.setFocus()
    qtbot.keyClick(picker.write, Qt.Key.Key_Space)  # Write with this
    body = journal.editor.body  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    described = QAccessible.queryAccessibleInterface(body).text(QAccessible.Text.Description)
    assert asked in described and "Control+Tab" in described

    journal.new_button.click()  # type: ignore[attr-defined]  # an entry without a prompt
    described = QAccessible.queryAccessibleInterface(body).text(QAccessible.Text.Description)
    assert asked not in described and "Control+Tab" in described


def test_together_opens_with_the_focus_on_a_control_not_on_its_page(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 15, minor h: Ctrl+4 put the focus on Together's scroll area, heard as
    "filler, Together: open it, and what you share", a stop with nothing to act on.
    Its first field is focused; Tab and Shift+Tab never stop on a page of controls."""
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.accessibility.tabwalk import holds_controls, walk

    window = unlocked_window
    window.activateWindow()
    qtbot.waitActive(window)
    together = area(window, "together")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(together.isVisible)
    settle()
    focus = QApplication.focusWidget()
    assert focus is not None and together.isAncestorOf(focus)
    assert not isinstance(focus, QScrollArea), focus.accessibleName()
    assert focus.accessibleName() == "Your name in Together"
    stops = walk(qtbot, together).stops
    assert [s.accessibleName() for s in stops if holds_controls(s)] == []


def test_enter_on_a_month_button_turns_the_month_and_says_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Re-test of break test 15 of session 29, N4: Enter on "Previous month" did
    nothing, and Space turned the month with only the grid's name changed."""
    unlocked_window.activateWindow()
    journal = area(unlocked_window, "journal")
    unlocked_window.show_area(journal)
    journal.browse_tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    calendar = journal.calendar  # type: ignore[attr-defined]
    shown = QDate(calendar.yearShown(), calendar.monthShown(), 1)
    button = calendar.previous_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    before = shown.addMonths(-1)
    assert (calendar.yearShown(), calendar.monthShown()) == (before.year(), before.month())
    qtbot.waitUntil(lambda: bool(a11y_events.announcements()))
    assert a11y_events.announcements() == [QLocale().toString(before, "MMMM yyyy")]
    assert button.hasFocus()

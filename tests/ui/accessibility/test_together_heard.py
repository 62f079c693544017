"""Reading Together with a screen reader and the keyboard alone: every shared entry,
response and couple prompt is a Tab stop that says its own words (with whose it is
and when), what the person did is announced, and each button says what it shows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.domain.together.items import Response, SharedItem, Side
from journal.ui.common.local_time import say_day, today_local
from journal.ui.together.model import SharedItemsModel
from tests.ui.together.support import open_together, seeded


def said(widget: QWidget, part: QAccessible.Text = QAccessible.Text.Name) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(part)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_stops_from(qtbot, start: QWidget, until: QWidget, limit: int = 40) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` until ``until`` has the focus; every focus on the way."""
    start.setFocus()
    passed: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        passed.append(focus())
        if focus() is until:
            return passed
    raise AssertionError(f"never reached {said(until)!r}: {[said(w) for w in passed]}")


def test_each_shared_entry_and_response_is_read_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    window = unlocked_window
    folder = seeded(window, store)
    area = open_together(qtbot, window, folder)
    reader = area.session_page.reader
    page = reader.page
    assert focus() is page
    seen = []
    for _ in range(reader.model.rowCount()):
        item = page.item
        assert item is not None
        # Focus on the page speaks the whole entry: whose, when and what it says.
        spoken = said(page, QAccessible.Text.Description)
        assert spoken.startswith(f"{item.writer}, ")
        assert " ".join(item.body.split())[:40] in spoken
        assert "●" not in spoken and "◆" not in spoken
        # One Tab stop per entry (break test 14, finding 9: the page, then its words, the
        # same entry read twice): Tab from the page goes past the words.
        qtbot.keyClick(page, Qt.Key.Key_Tab)
        assert focus() is not page.body
        # Enter on the page goes into the words, to read them with the arrow keys, named by
        # those words; Escape goes back to the page.
        page.setFocus()
        qtbot.keyClick(page, Qt.Key.Key_Return)
        assert focus() is page.body
        assert said(page.body) == item.body
        assert said(page.body, QAccessible.Text.Description).startswith(f"{item.writer}'s entry, ")
        qtbot.keyClick(page.body, Qt.Key.Key_Right)
        qtbot.keyClick(page.body, Qt.Key.Key_Right)
        assert page.item is item and focus() is page.body  # arrows move in the words
        qtbot.keyClick(page.body, Qt.Key.Key_Escape)
        assert focus() is page
        seen.append(item.entry_id)
        page.setFocus()
        a11y_events.clear()
        qtbot.keyClick(page, Qt.Key.Key_Down)
        if page.item is not None and page.item.entry_id != item.entry_id:
            # Stepping to the next entry with the keys says it.
            assert a11y_events.announcements() == [said(page, QAccessible.Text.Description)]
    assert len(set(seen)) == reader.model.rowCount() > 1

    # A response: kept with an announcement, then reached by Tab and read in its words.
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Home)
    item = page.item
    assert item is not None
    responder = "Alex" if item.writer == "Sam" else "Sam"
    button = page.respond_button
    assert button.text() == said(button) == f"Keep {responder}'s response"
    page.respond_box.setFocus()
    qtbot.keyClicks(page.respond_box, "I remember that day too.")
    a11y_events.clear()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert f"{responder}'s response is kept." in a11y_events.announcements()
    row = page.response_rows()[-1]
    qtbot.waitUntil(row.text.isVisible)  # a row added to the page is shown by its layout
    stops = tab_stops_from(qtbot, page, page.respond_box)
    assert row.text in stops
    assert said(row.text) == "I remember that day too."
    assert said(row.text, QAccessible.Text.Description).startswith(f"{responder}'s response, ")
    assert "●" not in said(row.heading) and "◆" not in said(row.heading)


def test_the_list_of_shared_entries_ends_each_sentence_once(qtbot):  # type: ignore[no-untyped-def]
    """The finding: "Ana's entry, …: Alpha beta gamma.. One response." (an untitled
    entry headed by its own words, which end with a full stop)."""
    when = datetime(2026, 12, 1, 1, 57, tzinfo=UTC)
    answer = Response("r1", "e1", Side.PARTNER, "Yes.", when)
    items = [
        SharedItem("e1", Side.OWNER, "Ana", when, "", "Alpha beta gamma.", (answer,)),
        SharedItem("e2", Side.OWNER, "Ana", when, "Walk", "By the river"),
        SharedItem("e3", Side.PARTNER, "Sam", when, "", "Is it today?", (answer, answer)),
    ]
    model = SharedItemsModel()
    model.set_items(items)
    names = [
        str(model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleTextRole))
        for row in range(model.rowCount())
    ]
    assert names[0].endswith(": Alpha beta gamma. One response.")
    assert names[1].endswith(": Walk.")
    assert names[2].endswith(": Is it today? 2 responses.")
    assert all(".." not in name for name in names), names


def test_a_journal_kept_by_two_says_who_keeps_it_and_what_leave_does(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    from journal.ui.together.session_page import LEAVE_ONE_JOURNAL, LEAVE_PARTNER
    from tests.ui.together.support import together

    window = unlocked_window
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(area.start.first_writer, "Sam")
    qtbot.keyClicks(area.start.second_writer, "Alex")
    a11y_events.clear()
    area.start.name_button.click()
    assert "This journal is kept by Sam and Alex." in a11y_events.announcements()
    with qtbot.waitSignal(area.exclusive):
        area.start.one_journal_button.click()
    leave = area.session_page.leave_button
    assert said(leave, QAccessible.Text.Description) == LEAVE_ONE_JOURNAL != LEAVE_PARTNER


def test_each_couple_prompt_and_answer_is_read_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    """Break test 15 of session 7: the prompts and answers were plain labels inside a
    filler, never focused, never heard. Tab from the tab bar now reaches each prompt,
    named by its words and described by where it stands, and each answer shown, named
    by its words and described by whose it is and when it was kept."""
    from journal.domain.entries.prompts import Audience, load_prompts, prompts_dir

    window = unlocked_window
    folder = seeded(window, store)
    area = open_together(qtbot, window, folder)
    tabs = area.session_page.tabs
    prompts = area.session_page.prompts
    tabs.setCurrentWidget(prompts)
    cards = prompts.findChildren(QLabel)
    qtbot.waitUntil(lambda: all(card.isVisible() for card in cards))  # shown by their layout
    bar = tabs.tabBar()
    bar.setFocus()
    texts = [p.text for p in load_prompts(prompts_dir()).for_audience(Audience.COUPLE)]
    heard: dict[str, str] = {}
    for _ in range(3 * len(texts) + 10):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        if not prompts.isAncestorOf(focus()):
            if heard:
                break
            continue
        heard[said(focus())] = said(focus(), QAccessible.Text.Description)
    assert [t for t in texts if t in heard] == texts, list(heard)
    # The first prompt also says what answering here means (issue 15, finding 10).
    first = heard[texts[0]]
    assert first.startswith("Couple prompt. Both of you have answered. Each of you answers")
    assert "Couple prompt. One answer is waiting." in heard.values()
    assert "Couple prompt. Neither of you has answered yet." in heard.values()
    sam = heard["Sam misses the plans we made."]
    alex = heard["Alex misses the future we pictured."]
    assert sam.startswith("Sam's answer, ") and alex.startswith("Alex's answer, ")
    today = say_day(today_local())
    assert today in sam and today in alex, (sam, alex)
    assert not any("CANARY" in words for words in heard), "a waiting answer was shown"


def test_nothing_shared_yet_is_the_words_focused_and_no_scroll_arrow_is_a_stop(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 7, 14c: opening Together with nothing shared focused
    the filler "Shared entry", and "Nothing is shared yet…" was never heard; at 200 %
    the tab bar's "Scroll Left" and "Scroll Right" arrows were Tab stops. The focus
    now lands on the words themselves, and no tab bar's arrow is a stop, in a window
    too narrow for its tabs."""
    from PySide6.QtWidgets import QTabBar, QToolButton

    from journal.ui.together.reader import NOTHING_SHARED
    from tests.ui.accessibility.tabwalk import walk
    from tests.ui.together.support import together

    window = unlocked_window
    window.activateWindow()
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(area.start.first_writer, "Sam")
    qtbot.keyClicks(area.start.second_writer, "Alex")
    area.start.name_button.click()
    a11y_events.record_names = True
    a11y_events.clear()
    with qtbot.waitSignal(area.exclusive):
        area.start.one_journal_button.click()
    assert said(focus()) == NOTHING_SHARED
    assert a11y_events.names(QAccessible.Event.Focus)[-1] == NOTHING_SHARED
    # Too narrow for the tabs: the tab bar scrolls, its arrows shown, never Tab stops.
    window.resize(420, 600)
    bar = area.session_page.tabs.tabBar()
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisibleTo(bar)]
    qtbot.waitUntil(lambda: any(b.isVisible() for b in arrows) if arrows else False)
    stops = walk(qtbot, window, start=bar).stops
    assert bar in stops and focus() is not None
    caught = [w for w in stops if isinstance(w.parentWidget(), QTabBar)]
    assert caught == [], [w.accessibleName() for w in caught]


def test_show_as_a_list_keeps_its_name_and_says_it_is_on(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    """Break test 15 of session 18, finding 14: pressed, the button was renamed "Show one
    at a time" and heard as "Show one at a time, check box, checked" over the list."""
    area = open_together(qtbot, unlocked_window, seeded(unlocked_window, store))
    reader = area.session_page.reader
    button = reader.as_list
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert reader.list.isVisible()
    heard = QAccessible.queryAccessibleInterface(button)
    assert heard.text(QAccessible.Text.Name) == "Show as a list"
    assert heard.state().checked
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert not reader.list.isVisible()
    assert heard.text(QAccessible.Text.Name) == "Show as a list" and not heard.state().checked

"""Tab follows a long page from top to bottom (issue 15 break test): on the Library's
closeness ideas Tab went from "Read: Closeness without sex" to "Name of your idea",
"Description of your idea" and "Add this idea" (the form at the bottom of the page)
before the first idea's "Hugging: Yes" at the top. Qt orders Tab by when a widget
joined the window, and the cards are built after the form.

Each long page is walked with Tab, and every stop must be at or below the one before
on the page (two stops on the same row may come in either order)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.domain.body.log import RecoveryDetails
from journal.storage.body.repository import BodyRepository
from journal.ui.common.accessibility import first_tab_stop
from tests.ui.accessibility.screens import area, fever_log, settle
from tests.ui.accessibility.tabwalk import describe, owner


def tab_stops_in(qtbot, root: QWidget) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The stops inside ``root``, in the order Tab reaches them from its first one (with
    real Tab presses, round the window once)."""
    window = root.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    takes_tab = root.focusPolicy() & Qt.FocusPolicy.TabFocus and root.focusProxy() is None
    start = root if takes_tab else first_tab_stop(root)
    if start is None:
        return []  # nothing to reach (a Together tab with nothing both answered)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = [owner(start)]
    for _ in range(400):
        before = QApplication.focusWidget()
        assert before is not None
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now is start or owner(now) in stops:
            break
        if now is not before and (now is root or root.isAncestorOf(now)):
            stops.append(owner(now))
    return stops


def out_of_page_order(qtbot, root: QWidget, *, may_be_empty: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """Each Tab stop in ``root`` reached after one that is lower on the page: wholly
    above the stop before it (a stop beside it, on the same row, is in order)."""
    stops = tab_stops_in(qtbot, root)
    assert may_be_empty or len(stops) > 1, f"too little to walk in {describe(root)}"
    found = []
    for before, after in pairwise(stops):
        top_before = before.mapTo(root, QPoint(0, 0)).y()
        top_after = after.mapTo(root, QPoint(0, 0)).y()
        if top_after + after.height() <= top_before:
            found.append(
                f"{describe(after)} (y {top_after}) after {describe(before)} (y {top_before})"
            )
    return found


def test_the_closeness_ideas_are_reached_before_the_form_to_add_your_own(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    library = area(unlocked_window, "library")
    unlocked_window.show_area(library)
    library.show_ideas()  # type: ignore[attr-defined]
    settle()
    ideas = library.ideas  # type: ignore[attr-defined]
    stops = tab_stops_in(qtbot, ideas.widget())
    first_card = ideas.cards[0]
    first_answer = next(iter(first_card.buttons.values()))
    assert stops.index(first_answer) < stops.index(ideas.new_title)
    assert stops[-3:] == [ideas.new_title, ideas.new_description, ideas.add_button] or (
        not ideas.add_button.isEnabled() and stops[-2:] == [ideas.new_title, ideas.new_description]
    )
    assert out_of_page_order(qtbot, ideas.widget()) == []


def test_an_own_idea_added_comes_before_the_form_too(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    library = area(unlocked_window, "library")
    unlocked_window.show_area(library)
    library.show_ideas()  # type: ignore[attr-defined]
    settle()
    ideas = library.ideas  # type: ignore[attr-defined]
    ideas.new_title.setFocus()
    qtbot.keyClicks(ideas.new_title, "Reading aloud")
    qtbot.keyClick(ideas.new_title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ideas.cards[-1].title == "Reading aloud")
    settle()
    assert out_of_page_order(qtbot, ideas.widget()) == []


def test_the_other_long_pages_are_walked_top_to_bottom(qtbot, unlocked_window, store):  # type: ignore[no-untyped-def]
    from tests.ui.together.support import open_together, seeded

    window = unlocked_window
    db = window.journal.db
    BodyRepository(db).save_log(fever_log())
    BodyRepository(db).save_recovery(RecoveryDetails(loss_date=fever_log().logged_at.date()))
    problems: list[str] = []

    library = area(window, "library")
    window.show_area(library)
    library.show_article("warning-signs")  # type: ignore[attr-defined]
    settle()
    problems += [f"article: {p}" for p in out_of_page_order(qtbot, library.reader)]  # type: ignore[attr-defined]

    body = area(window, "body")
    window.show_area(body)
    body.refresh()  # type: ignore[attr-defined]
    for name, page in (("body form", body.form), ("timeline", body.timeline)):  # type: ignore[attr-defined]
        body.tabs.setCurrentWidget(page if page is body.timeline else body.tabs.widget(0))  # type: ignore[attr-defined]
        settle()
        problems += [f"{name}: {p}" for p in out_of_page_order(qtbot, page)]

    folder = seeded(window, store)
    together = area(window, "together")
    window.show_area(together)
    for name, show, page in (
        ("Together start", together.show_start, together.start),  # type: ignore[attr-defined]
        ("What I share", together.show_shared, together.shared),  # type: ignore[attr-defined]
        ("My answers", together.show_my_answers, together.answers),  # type: ignore[attr-defined]
    ):
        show()
        settle()
        problems += [f"{name}: {p}" for p in out_of_page_order(qtbot, page)]
    together.show_start()  # type: ignore[attr-defined]
    opened = open_together(qtbot, window, folder)
    tabs = opened.session_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        name = tabs.tabText(index).replace("&", "")
        walked = out_of_page_order(qtbot, tabs.widget(index), may_be_empty=True)
        problems += [f"Together {name}: {p}" for p in walked]
    assert problems == []

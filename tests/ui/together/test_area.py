"""Together in the real window, with two real journals."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.domain.library.ideas import load_closeness_ideas
from journal.domain.together.items import Side
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.sharing import Sharing
from journal.ui.shell import idle
from journal.ui.shell.actions import ActionId
from journal.ui.together.marks import mark
from tests.conftest import PASSPHRASE
from tests.couples import (
    BOTH_ANSWERED,
    BOTH_YES,
    CANARY,
    OWNER_SHARED,
    PARTNER_SHARED,
    file_bytes,
)
from tests.ui.together.support import (
    every_text,
    open_together,
    seeded,
    together,
    unlock_owner,
)

TITLES = {i.id: i.title for i in load_closeness_ideas()}


def visit_everything(qtbot, area) -> str:
    """Step through every item in both views and every tab; collect every text on the way."""
    page = area.session_page
    reader = page.reader
    texts = []
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        texts.append(every_text(area))
    page.tabs.setCurrentIndex(0)
    reader.go(0)
    for _ in range(reader.model.rowCount()):
        texts.append(every_text(area))
        qtbot.keyClick(reader.page, Qt.Key.Key_Right)
    reader.as_list.click()
    texts.append(every_text(area))
    reader.as_list.click()
    return "\n".join(texts)


def test_nothing_private_of_either_partner_appears_anywhere_in_together(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    seen = visit_everything(qtbot, area)
    assert CANARY not in seen
    for title in (*OWNER_SHARED, *PARTNER_SHARED):
        assert title in seen
    # "not yet" and "maybe": no card, no count, no title of an idea only one welcomed
    area.session_page.tabs.setCurrentWidget(area.session_page.ideas)
    ideas_text = every_text(area.session_page.ideas)
    assert TITLES["cuddling"] not in ideas_text and TITLES["massage"] not in ideas_text
    assert "maybe" not in ideas_text.lower() and "not yet" not in ideas_text.lower()


def test_entries_are_interleaved_and_marked_by_name(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    reader = area.session_page.reader
    items = [reader.model.item(r) for r in range(reader.model.rowCount())]
    assert [i.title for i in items] == [*OWNER_SHARED, *PARTNER_SHARED]
    assert reader.page.heading.text().startswith(f"{mark(Side.OWNER)} Sam")
    qtbot.keyClick(reader.page, Qt.Key.Key_End)
    assert reader.page.heading.text().startswith(f"{mark(Side.PARTNER)} Alex")
    assert reader.position.text() == "4 of 4"
    qtbot.keyClick(reader.page, Qt.Key.Key_PageUp)
    assert reader.page.item.title == PARTNER_SHARED[0]
    qtbot.keyClick(reader.page, Qt.Key.Key_Home)
    assert reader.position.text() == "1 of 4"
    reader.whose.setCurrentIndex(reader.whose.findData(Side.PARTNER))
    assert {reader.model.item(r).writer for r in range(reader.model.rowCount())} == {"Alex"}


def test_making_an_entry_private_removes_it_at_once(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    reader = area.session_page.reader
    assert reader.page.item.title == OWNER_SHARED[0]
    qtbot.mouseClick(reader.page.private_button, Qt.MouseButton.LeftButton)
    titles = [reader.model.item(r).title for r in range(reader.model.rowCount())]
    assert OWNER_SHARED[0] not in titles and len(titles) == 3
    assert OWNER_SHARED[0] not in every_text(area)


def test_prompts_show_waiting_until_both_answered(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    qtbot.keyClick(area.session_page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert area.session_page.tabs.currentWidget() is area.session_page.prompts
    texts = [w.text() for w in area.session_page.prompts.findChildren(QLabel)]
    joined = "\n".join(texts)
    assert "Sam misses the plans we made." in joined
    assert "Alex misses the future we pictured." in joined
    assert texts.count("One answer is waiting.") == 2
    assert BOTH_ANSWERED  # the prompt both answered is the revealed one above


def test_ideas_show_exactly_the_yes_overlap(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    area.session_page.tabs.setCurrentWidget(area.session_page.ideas)
    shown = {w.text() for w in area.session_page.ideas.findChildren(QLabel)}
    assert {TITLES[i] for i in TITLES if TITLES[i] in shown} == {TITLES[i] for i in BOTH_YES}


def test_a_response_shows_under_its_entry_and_survives_locking_both(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    reader = area.session_page.reader
    qtbot.keyClick(reader.page, Qt.Key.Key_End)
    assert reader.page.item.writer == "Alex"
    qtbot.keyClicks(reader.page.respond_box, "Thank you for writing this.")
    qtbot.mouseClick(reader.page.respond_button, Qt.MouseButton.LeftButton)
    assert [r.text for r in reader.page.item.responses] == ["Thank you for writing this."]
    assert "Sam responded" in every_text(reader.page)
    partner = area.session.partner
    qtbot.keyClick(unlocked_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked_window.is_locked and not partner.is_open
    unlock_owner(qtbot, unlocked_window)
    area = open_together(qtbot, unlocked_window, folder)
    reader = area.session_page.reader
    qtbot.keyClick(reader.page, Qt.Key.Key_End)
    assert [r.text for r in reader.page.item.responses] == ["Thank you for writing this."]
    # the writer removes it
    [row] = [
        w
        for w in reader.page.findChildren(QLabel)
        if w.text().startswith(mark(Side.PARTNER)) is False and "responded" in w.text()
    ]
    assert row.text().startswith(f"{mark(Side.OWNER)} Sam responded")


def test_leaving_locks_the_partner_and_asks_for_the_owners_passphrase(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    engine = weakref.ref(area.session.partner.db.engine)
    nav = unlocked_window.navigation
    assert [nav.item(r).isHidden() for r in range(nav.count())] == [True, True, True, False]
    qtbot.keyClick(unlocked_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert unlocked_window.pages.currentWidget() is area  # private areas are out of reach
    actions = unlocked_window.action_by_id
    off = (ActionId.NEW_ENTRY, ActionId.FIND, ActionId.SETTINGS, ActionId.SHOW_JOURNAL)
    assert not any(actions[a].isEnabled() for a in off)
    assert actions[ActionId.LOCK].isEnabled() and actions[ActionId.SHOW_TOGETHER].isEnabled()
    qtbot.mouseClick(area.session_page.leave_button, Qt.MouseButton.LeftButton)
    assert unlocked_window.is_locked
    assert unlocked_window.stack.currentWidget() is unlocked_window.lock_area
    gc.collect()
    assert engine() is None
    unlock_owner(qtbot, unlocked_window)
    assert not any(nav.item(r).isHidden() for r in range(nav.count()))
    assert all(actions[a].isEnabled() for a in off)


def test_a_wrong_partner_passphrase_changes_nothing_and_says_so(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    start.partner.setCurrentIndex(start.partner.findData(str(folder)))
    qtbot.keyClicks(start.passphrase, PASSPHRASE)
    before = file_bytes(unlocked_window.journal.folder, folder)
    start.open_button.click()
    qtbot.waitUntil(lambda: start.problem.isVisible(), timeout=10_000)
    assert (
        "did not open" in start.problem.text()
        and "Nothing has been changed" in start.problem.text()
    )
    assert start.passphrase.text() == ""
    assert area.session is None
    after = file_bytes(unlocked_window.journal.folder, folder)
    assert [p.name for p in before if before[p] != after.get(p)] == []
    assert after == before


def test_five_quiet_minutes_in_together_lock_both_journals(
    qtbot, unlocked_window, store, monkeypatch
):
    monkeypatch.setattr(idle, "CHECK_EVERY_MS", 20)
    window = unlocked_window
    area = open_together(qtbot, window, seeded(window, store))
    partner = area.session.partner
    now = [1_000_000.0]  # the idle watcher's clocks, moved by hand
    window.idle.wall_clock = window.idle.monotonic_clock = lambda: now[0]
    window.idle.set_interval_ms(5 * 60_000)
    now[0] += 4 * 60
    qtbot.keyClicks(area.session_page.reader.page.respond_box, "still here")  # counts
    now[0] += 4 * 60
    assert window.idle.idle_seconds() == 4 * 60 and not window.is_locked
    now[0] += 61
    with qtbot.waitSignal(window.locked, timeout=3_000):
        pass
    assert window.is_locked and not partner.is_open and area.session is None


def test_one_journal_couple(qtbot, unlocked_window):
    journal = unlocked_window.journal
    from tests.couples import entry

    repo = EntryRepository(journal.db)
    sharing = Sharing(journal.db)
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert not area.start.one_journal_button.isEnabled()
    qtbot.keyClicks(area.start.first_writer, "Sam")
    qtbot.keyClicks(area.start.second_writer, "Alex")
    area.start.name_button.click()
    assert "Sam and Alex" in area.start.writers_text.text()
    for number, writer, shared in ((1, 1, True), (2, 2, True), (3, 2, False)):
        made = entry(number, f"entry {number}" if shared else f"{CANARY} {number}", shared)
        repo.save(made)
        sharing.set_writer(made.id, writer)
    with qtbot.waitSignal(area.exclusive):
        area.start.one_journal_button.click()
    reader = area.session_page.reader
    rows = [reader.model.item(r) for r in range(reader.model.rowCount())]
    assert [(i.title, i.writer) for i in rows] == [("entry 1", "Sam"), ("entry 2", "Alex")]
    assert CANARY not in every_text(area)


def test_a_screen_lock_locks_both_journals(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    area = open_together(qtbot, unlocked_window, folder)
    partner = area.session.partner
    unlocked_window._screen_locked()  # what the desktop's screen-lock signal calls
    assert unlocked_window.is_locked and not partner.is_open

"""What a person chooses before Together opens: what they share, couple-prompt answers
(also reached from the Journal area), and the recovery summary switch."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.domain.body.log import RecoveryDetails
from journal.domain.together.items import Side
from journal.domain.together.prompts import AnswerState
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.answers import CoupleAnswers
from journal.storage.together.sharing import Sharing
from journal.ui.together.marks import mark
from tests.couples import entry
from tests.ui.entries.test_editor import journal_area
from tests.ui.together.support import open_together, seeded, together


def test_what_i_share_lists_shared_entries_with_make_private(qtbot, unlocked_window):
    repo = EntryRepository(unlocked_window.journal.db)
    for number, shared in ((1, True), (2, False), (3, True)):
        repo.save(entry(number, f"entry {number}", shared))
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(area.start.shared_button, Qt.MouseButton.LeftButton)
    assert area.pages.currentWidget() is area.shared
    assert [b.accessibleName() for b in area.shared.buttons] == [
        "Make private: entry 3",
        "Make private: entry 1",
    ]
    qtbot.mouseClick(area.shared.buttons[0], Qt.MouseButton.LeftButton)
    assert [b.accessibleName() for b in area.shared.buttons] == ["Make private: entry 1"]
    assert [s.headline for s in Sharing(unlocked_window.journal.db).shared_entries()] == ["entry 1"]


def test_couple_prompts_are_answered_privately_from_the_journal_area(qtbot, unlocked_window):
    journal = journal_area(unlocked_window)
    qtbot.mouseClick(journal.couple_button, Qt.MouseButton.LeftButton)
    area = together(unlocked_window)
    assert unlocked_window.pages.currentWidget() is area
    page = area.answers
    assert area.pages.currentWidget() is page
    prompt_id = page.prompt.currentData()
    page.keep_button.click()
    assert page.problem.isVisible() and "few words" in page.problem.text()
    qtbot.keyClicks(page.text, "The evenings we planned.")
    page.keep_button.click()
    mine = CoupleAnswers(unlocked_window.journal.db).mine()
    assert mine[prompt_id].text == "The evenings we planned."
    page.pass_button.click()
    assert CoupleAnswers(unlocked_window.journal.db).mine()[prompt_id].state is AnswerState.PASSED
    page.forget_button.click()
    assert prompt_id not in CoupleAnswers(unlocked_window.journal.db).mine()


def test_the_recovery_summary_is_shared_only_when_switched_on(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    BodyRepository(unlocked_window.journal.db).save_recovery(
        RecoveryDetails(loss_date=date(2026, 1, 2), treatment_note="CANARY treatment")
    )
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert not area.start.recovery.isChecked()  # off by default
    area = open_together(qtbot, unlocked_window, folder)
    area.session_page.tabs.setCurrentWidget(area.session_page.recovery)
    texts = [w.text() for w in area.session_page.recovery.findChildren(QLabel)]
    assert not any("since the loss" in t for t in texts)
    area.leave()
    from tests.ui.together.support import unlock_owner

    unlock_owner(qtbot, unlocked_window)
    area = together(unlocked_window)  # a lock rebuilds the areas
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    area.start.recovery.click()
    assert Sharing(unlocked_window.journal.db).shares_recovery
    area = open_together(qtbot, unlocked_window, folder)
    area.session_page.tabs.setCurrentWidget(area.session_page.recovery)
    texts = [w.text() for w in area.session_page.recovery.findChildren(QLabel)]
    assert any("since the loss" in t for t in texts)
    assert f"{mark(Side.OWNER)} Sam's recovery" in texts
    assert not any("CANARY" in t for t in texts)


def test_an_own_idea_is_suggested_and_arrives_in_the_partners_library(
    qtbot, unlocked_window, store
):
    from journal.storage.library.repository import LibraryStore
    from tests.ui.library.test_ideas import _open_ideas, library

    folder = seeded(unlocked_window, store)
    area = library(unlocked_window)
    _open_ideas(qtbot, unlocked_window)
    qtbot.keyClicks(area.ideas.new_title, "Cooking together")
    qtbot.keyClick(area.ideas.new_title, Qt.Key.Key_Return)
    mine = area.ideas.cards[-1]
    assert mine.offer is not None and not mine.offer.isChecked()
    mine.offer.click()
    assert [
        i.offered
        for i in LibraryStore(unlocked_window.journal.db).own_ideas()
        if i.title == "Cooking together"
    ] == [True]
    together_area = open_together(qtbot, unlocked_window, folder)
    partner = together_area.session.partner
    [copy] = [i for i in LibraryStore(partner.db).own_ideas() if i.title == "Cooking together"]
    assert copy.suggested_by == "Sam"
    # and Alex's suggestion is in Sam's ideas, marked as such, for Sam to answer privately
    [theirs] = [
        i for i in LibraryStore(unlocked_window.journal.db).own_ideas() if i.suggested_by == "Alex"
    ]
    assert theirs.title == "Reading aloud"


def test_an_entry_made_private_in_together_is_never_shared_again_by_the_journal(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Issue 15 break test of session 24, F11 (privacy): "Make private" in What I share
    left the Journal's switch at "Share with my partner", and the next edit of the entry
    shared it again. The Journal shows it private, and an edit keeps it private."""
    repo = EntryRepository(unlocked_window.journal.db)
    shared = entry(1, "entry 1", True)
    repo.save(shared)
    journal = journal_area(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert journal.editor.load(repo.get(shared.id))
    assert journal.editor.shared.isChecked()
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(area.start.shared_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.shared.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not journal.editor.shared.isChecked()
    journal.editor.body.setFocus()
    with qtbot.waitSignal(journal.editor.saved, timeout=5_000):
        qtbot.keyClicks(journal.editor.body, " and a word more")
    assert not repo.get(shared.id).shared


def test_the_journal_list_says_private_what_together_made_private(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Issue 15 break test of session 25, F12: after "Make private" in What I share, the
    Journal's list still showed and said "Shared" of the entry (the switch said
    private), also of entries not open in the editor."""
    from journal.ui.entries.timeline import ID_ROLE

    repo = EntryRepository(unlocked_window.journal.db)
    for number in (1, 2):
        repo.save(entry(number, f"entry {number}", True))
    journal = journal_area(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    unlocked_window._reload_areas()  # as after an import: the list shows them
    model = journal.model
    qtbot.waitUntil(lambda: model.rowCount() >= 2)

    def shown_shared() -> dict[str, bool]:
        return {
            model.index(r).data(ID_ROLE): model.row_view(r)[0].summary.shared
            for r in range(model.rowCount())
        }

    assert all(shown_shared().values())
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(area.start.shared_button, Qt.MouseButton.LeftButton)
    while area.shared.buttons:
        qtbot.mouseClick(area.shared.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shown_shared() and not any(shown_shared().values())

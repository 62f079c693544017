"""A response typed but not kept, whose entry is no longer shared at the next session,
is never dropped (break test 53, T1): it was kept out of sight, with a note promising
it "back in its box", and lost once another response was given back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.together.sharing import Sharing
from journal.ui.together.area import RESPONSE_KEPT
from tests.couples import PARTNER_PASSPHRASE
from tests.ui.together.support import open_together, seeded, together, unlock_owner


def test_a_response_under_an_entry_made_private_is_said_and_kept(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    window = unlocked_window
    folder = seeded(window, store)
    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    gone = page.item.entry_id
    qtbot.keyClicks(page.respond_box, "A short draft never kept")
    qtbot.keyClick(page, Qt.Key.Key_End)  # another entry: the first draft stays behind
    stays = page.item.entry_id
    qtbot.keyClicks(page.respond_box, "Words under the last one")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock_owner(qtbot, window)
    assert together(window).start.kept_note.text() == RESPONSE_KEPT
    # Meanwhile the first entry is made private (in its own journal, by its writer).
    for journal in (window.journal, store.unlock(folder, PARTNER_PASSPHRASE)):
        Sharing(journal.db).set_shared(gone, False)
        if journal is not window.journal:
            journal.lock()

    area = open_together(qtbot, window, folder)
    page = area.session_page.reader.page
    assert page.item.entry_id == stays
    assert page.respond_box.toPlainText() == "Words under the last one"
    said = " ".join(window.notices.texts())
    assert "“A short draft never kept”" in said and "no longer shared" in said
    assert "“A short draft never kept”" in area.start.kept_note.text()

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock_owner(qtbot, window)  # still kept, at this lock and the next
    assert "“A short draft never kept”" in together(window).start.kept_note.text()


def test_two_stranded_responses_are_said_as_two() -> None:
    """Re-test 53, R8: two were listed in a sentence written for one."""
    from journal.ui.together.area import stranded_words

    one, two = stranded_words(["Only this"]), stranded_words(["First", "Second"])
    assert "It was not shared: “Only this”." in one
    assert "under 2 entries that are no longer shared" in two
    assert "None of it was shared: “First”, “Second”." in two

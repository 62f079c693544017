"""A journal whose file an older Solace made is told, once, after the unlock that
updated it: where the copy from before is, and that an older Solace can no longer open
it; a partner's journal updated as Together opens it, of the partner, by name (break
test 41, findings 4 and 5: the file changed with no word, and the partner's older
Solace then refused their own journal)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.journal import OpenJournal
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.couples import PARTNER_PASSPHRASE
from tests.storage.downgraded import downgrade
from tests.ui.together.support import open_together, seeded, unlock_owner

OLDER = ("0026_backslash_headlines", "0025_answer_and_sign_zones")  # before 0027 and 0028


def as_an_older_solace_left_it(journal: OpenJournal) -> None:
    for revision in OLDER:
        downgrade(journal.db.engine, revision)
    journal.lock()


def test_an_unlock_that_updates_the_journal_says_so_once(qtbot, store, window):  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    as_an_older_solace_left_it(store.unlock(info.folder, PASSPHRASE))
    page = window.lock_screen.unlock_page
    for _ in range(2):
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
            qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        said = window.notices.texts()
        window.lock()
        if _ == 0:
            (note,) = said
            assert note.startswith("Solace updated your journal for this version")
            assert "“before an update of Solace” in Restore a backup…" in note
            assert "An older version of Solace can no longer open it" in note
    assert said == []  # said once: the journal is up to date now


def test_a_partner_journal_updated_as_together_opens_is_told_by_name(qtbot, store, window):  # type: ignore[no-untyped-def]
    unlock_owner(qtbot, window)
    folder = seeded(window, store)
    as_an_older_solace_left_it(store.unlock(folder, PARTNER_PASSPHRASE))
    open_together(qtbot, window, folder)
    (note,) = window.notices.texts()
    assert note.startswith(
        "Solace updated the journal “Alex's journal” for this version as Together opened it"
    )
    assert "An older version of Solace can no longer open it" in note

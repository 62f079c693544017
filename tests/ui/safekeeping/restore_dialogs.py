"""A Restore dialog shown for a journal just locked: the set-up the Restore dialog tests
share (real widgets, real SQLCipher journals)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.common.confirm import Question
from journal.ui.safekeeping.restore_dialog import RestoreDialog


def shown_restore_dialog(qtbot, store: JournalStore, journal: OpenJournal) -> RestoreDialog:  # type: ignore[no-untyped-def]
    """Lock ``journal`` (of ``store``) and show the Restore dialog for it, as the lock
    screen's Restore a backup… does; returns the dialog once it is on screen."""
    folder = journal.folder
    journal.lock()
    dialog = RestoreDialog(store, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def asked(qtbot, dialog: RestoreDialog) -> Question:  # type: ignore[no-untyped-def]
    """The question Restore asks once the passphrase typed is found able to restore
    (checked off the GUI thread first: `RestoreDialog._check_secret`)."""
    qtbot.waitUntil(
        lambda: dialog.question is not None and dialog.question.isVisible(), timeout=20_000
    )
    assert dialog.question is not None
    return dialog.question


def declined_then_restored(qtbot, dialog: RestoreDialog, window) -> None:  # type: ignore[no-untyped-def]
    """The question Restore asks (``dialog.question``) answered with Escape, its default,
    which keeps the journal and says so under the dialog; then Restore again (Enter)
    and the yes, until ``window`` opens the journal restored."""
    question = dialog.question
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # the default keeps the journal as it is
    qtbot.waitUntil(lambda: not shiboken6.isValid(question) or not question.isVisible())
    assert window.journal is None and not dialog.restoring
    assert dialog.error.text() == "Nothing was restored: your journal stays as it is."

    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    question = dialog.question
    assert question is not None and question.isVisible()
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)

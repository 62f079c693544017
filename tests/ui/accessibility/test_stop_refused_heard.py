"""Cancel, Escape and the window's close button during work that cannot be stopped
halfway say so, beside the busy line and to a screen reader, once (break test 16 of
session 18, finding 4): during "Restoring the backup… this takes a few seconds." they
did nothing and said nothing, and a person who had changed her mind could only guess
whether Solace had frozen. The same for every dialog that runs such work (`StopRefusal`,
through `WorkFooter` and the key dialogs). Real encrypted files, real dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.ui.lock.security_dialogs import STILL_WORKING, ChangePassphraseDialog
from journal.ui.safekeeping.restore_dialog import STILL_RESTORING
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog


def test_stopping_a_restore_is_refused_and_said_once(qtbot, store, journal, a11y_events):  # type: ignore[no-untyped-def]
    write_entries(journal, 5)
    journal.backup(Reason.DAILY)
    dialog = shown_restore_dialog(qtbot, store, journal)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    opened: list = []
    dialog.restored.connect(lambda journal, _words: opened.append(journal))
    a11y_events.listen()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.restoring
    from journal.ui.common.unstoppable import stop_words  # the time as its busy line says it

    said_once = stop_words(STILL_RESTORING, "Restoring the backup\u2026 this takes a few seconds.")
    # While it runs (its end reaches the dialog only once the event loop turns):
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.error.text() == said_once  # in the line above the busy line
    assert dialog.footer.bar.isVisible()
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    window = dialog.windowHandle()
    assert window is not None
    window.close()  # the title bar's close button
    assert dialog.isVisible() and dialog.error.text() == said_once
    said = [words for words in a11y_events.announcements() if words == said_once]
    assert said == [said_once]  # once, however often she tried
    assert said_once not in a11y_events.announcements(assertive=True)  # calm
    # The restore was not stopped: it finished, and the journal opens.
    qtbot.waitUntil(lambda: bool(opened), timeout=UNLOCK_WAIT_MS)
    (restored,) = opened
    assert EntryRepository(restored.db).count() == 5
    restored.lock()


def test_stopping_a_change_of_passphrase_is_refused_and_said(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    dialog = ChangePassphraseDialog(unlocked_window.journal, unlocked_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.keyClicks(dialog.new.first, "a fresh new passphrase")
    qtbot.keyClicks(dialog.new.second, "a fresh new passphrase")
    a11y_events.listen()
    from journal.ui.common.unstoppable import stop_words

    said_once = stop_words(STILL_WORKING, ChangePassphraseDialog.doing)
    # The change waits for the journal's key lock until the words have been heard: on a
    # busy machine it had finished, and the dialog closed, before the event loop
    # turned, and words whose line is gone are not sent (a fresh-clone run).
    with unlocked_window.journal._key_work:
        qtbot.keyClick(dialog.new.second, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.new.second, Qt.Key.Key_Escape)
        window = dialog.windowHandle()
        assert window is not None
        window.close()
        assert dialog.isVisible() and dialog.error.text() == said_once
        assert [w for w in a11y_events.announcements() if w == said_once] == [said_once]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=UNLOCK_WAIT_MS)  # it finished


def test_a_refused_stop_says_the_time_its_busy_line_says(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, R7: "it ends in a moment" showed beside "this can
    take a while" (Import, Export); "Rotate the encryption key" (and Rescue) said the
    same clash in words of their own: "it ends in a few seconds" for work that "can
    take a while". A refused stop says the time as the busy line says it."""
    from journal.ui.lock.security_dialogs import RotateKeyDialog

    dialog = RotateKeyDialog(unlocked_window.journal, unlocked_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.doing.endswith("this can take a while.")
    assert "it can take a while" in dialog.error.text()
    assert "few seconds" not in dialog.error.text()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=UNLOCK_WAIT_MS)  # it finished

"""Unlocking with the recovery key, heard (break test 15 of session 12, finding 10):
the key field says what to type and for which journal, in fixed words that never hold
a typed character, and the page that follows says once, after its field's name, that
the key worked and why a new passphrase is asked. Only "Recovery key", then "New
passphrase", were heard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _window

DESCRIBED = (
    "For the journal \u201cMine\u201d. Type the recovery key you wrote down. Spaces, "
    "dashes and case do not matter."
)
WRONG_KEY = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"


def heard_description(field) -> str:  # type: ignore[no-untyped-def]
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Description))


def test_the_recovery_key_path_says_what_to_do_and_that_it_worked(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events: Recorder
):
    store = JournalStore(data_dir)
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.unlock_page.recovery_button.setFocus()
    qtbot.keyClick(screen.unlock_page.recovery_button, Qt.Key.Key_Return)
    page = screen.recovery_page
    assert screen.currentWidget() is page
    assert heard_description(page.key) == DESCRIBED
    # A wrong key, then the right one: the description holds fixed words only, and
    # while the refusal shows, it too, as on the passphrase page (break test 15 of
    # session 30, finding 3: back in the field, the refusal was not said again).
    qtbot.keyClicks(page.key, WRONG_KEY)
    assert heard_description(page.key) == DESCRIBED
    qtbot.keyClick(page.key, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy and page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    refused = page.error.text()
    assert refused.startswith("That recovery key did not open this journal.")
    heard = heard_description(page.key)
    assert heard.startswith("For the journal \u201cMine\u201d. That recovery key did not")
    assert refused in heard and heard.endswith("case do not matter.")
    assert "ABCD" not in heard
    page.key.selectAll()
    qtbot.keyClicks(page.key, recovery)
    assert "ABCD" not in heard_description(page.key)
    screen.new_passphrase_page  # built before names are recorded  # noqa: B018
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(page.key, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )
    said = (
        "Choose a new passphrase. For the journal \u201cMine\u201d. Your recovery key "
        "worked: your journal is open. Please choose a new passphrase to open it with "
        "from now on, in place of the old one. Your recovery key stays the same."
    )
    assert a11y_events.announcements(assertive=False).count(said) == 1
    kinds = [e.kind for e in a11y_events.events]
    announced = next(i for i, e in enumerate(a11y_events.events) if e.message == said)
    focused = [i for i, kind in enumerate(kinds) if kind == QAccessible.Event.Focus]
    assert a11y_events.events[focused[-1]].name == "New passphrase"
    assert focused[-1] < announced  # after the field's own name, never cut off by it
    win.lock()

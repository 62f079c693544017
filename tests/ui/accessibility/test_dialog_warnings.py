"""One rule for every dialog with a warning: its words are the dialog's description and
are said as it opens (after the focused control), before anything is typed or chosen:
an export or summary is not encrypted, a removal cannot be undone, a key change stops
the old one working, a restore puts a backup in place of the journal."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from journal.ui.body.export_dialog import NOT_ENCRYPTED as SUMMARY_NOT_ENCRYPTED
from journal.ui.safekeeping.export_dialog import NOT_ENCRYPTED as EXPORT_NOT_ENCRYPTED
from tests.ui.accessibility.screens import made_dialogs

Event = QAccessible.Event

WARNINGS = {
    "Change passphrase": "The old passphrase stops working straight away.",
    "Rotate key": "the old recovery key and old snapshots stop working.",
    "New recovery key": "Your current recovery key will stop working",
    "Remove journal": "It cannot be undone, and the recovery key will not bring it back.",
    "Summary for the doctor": SUMMARY_NOT_ENCRYPTED,
    "Export your journal": EXPORT_NOT_ENCRYPTED,
    "Restore a backup": "Your journal as it is now is kept aside as a backup first",
}


def test_every_dialog_with_a_warning_says_it_as_it_opens(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    makers = made_dialogs(unlocked_window, store)
    for title, words in WARNINGS.items():
        dialog = makers[title]()
        qtbot.addWidget(dialog)
        a11y_events.clear()
        dialog.show()
        qtbot.waitExposed(dialog)
        warning = next(
            w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and words in w.text()
        )
        qtbot.waitUntil(lambda w=warning: w in a11y_events.announcements(), timeout=5_000)
        assert warning not in a11y_events.announcements(assertive=True), title
        description = QAccessible.queryAccessibleInterface(dialog).text(
            QAccessible.Text.Description
        )
        assert description == warning, title
        # Said after the dialog's focus moved in, so not cut off by it.
        kinds = [e.kind for e in a11y_events.events]
        said_at = next(
            n for n, e in enumerate(a11y_events.events) if e.message == warning
        )
        assert Event.Focus not in kinds[said_at:], title
        dialog.reject()


def test_the_prompt_offered_first_is_said_as_write_with_a_prompt_opens(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    dialog = made_dialogs(unlocked_window, store)["Prompts"]()
    qtbot.addWidget(dialog)
    a11y_events.clear()
    dialog.show()
    qtbot.waitExposed(dialog)
    offered = dialog.text.text()
    assert offered
    qtbot.waitUntil(lambda: offered in a11y_events.announcements(), timeout=5_000)
    dialog.reject()

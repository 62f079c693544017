"""The Restore dialog's words fit what is there (break test 16, S6)."""

from __future__ import annotations


def test_restoring_with_no_journal_does_not_promise_to_keep_one_aside(qtbot, store):
    """Break test 16, S6: on an empty data folder it said "Your journal as it is now is
    kept aside as a backup first" although there was no journal."""
    from PySide6.QtWidgets import QLabel

    from journal.ui.safekeeping.restore_dialog import RestoreDialog

    dialog = RestoreDialog(store, None)
    qtbot.addWidget(dialog)
    said = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "kept aside" not in said and "as it is now" not in said
    assert "Restoring brings back the journal a backup file holds" in said

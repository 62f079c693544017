"""The new passphrase of a rescued journal is rated with the name it will be shown by."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_rescued_journals_new_name_with_a_year_is_refused(qtbot, store, data_dir):  # type: ignore[no-untyped-def]
    """Break test 14 of session 11, finding 4 (the same kind elsewhere): the new
    journal's name is on the lock screen too, so its name with only digits and marks is
    refused like the damaged journal's; only the damaged journal's name was looked for."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    dialog = RescueDialog(store, data_dir / "journals" / "damaged", "Sarah")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_name.selectAll()
    qtbot.keyClicks(dialog.new_name, "Lily's garden")
    fields = dialog.new_passphrase
    qtbot.keyClicks(fields.first, "Lily2026!")
    qtbot.keyClicks(fields.second, "Lily2026!")
    qtbot.keyClick(fields.second, Qt.Key.Key_Return)  # rated at once, no pause waited for
    assert not fields.ready()
    assert fields.feedback.text().startswith("Very easy to guess. ")
    assert "journal's name" in fields.feedback.text()

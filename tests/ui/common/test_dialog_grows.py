"""A dialog grows for an error shown below its fields rather than scrolling its
fields out of sight (break test 16, S1): after an error in the Restore dialog the
passphrase field slid into the dialog's inner scroll area although the dialog
could grow."""

from __future__ import annotations

from journal.ui.common.fit import DialogBody


def fully_shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_an_error_below_the_fields_grows_the_restore_dialog(qtbot, store, journal):
    from journal.ui.safekeeping.export_dialog import ExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog
    from journal.ui.safekeeping.restore_dialog import RestoreDialog

    restore = RestoreDialog(store, journal.folder)
    for dialog, field in (
        (restore, restore.passphrase),
        (ExportDialog(journal), None),
        (ImportDialog(journal), None),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        (body,) = dialog.findChildren(DialogBody)
        assert body.verticalScrollBar().maximum() == 0  # all of it shown at first
        before = dialog.height()
        dialog.footer.show_error(
            "That passphrase did not open this journal, or the file is damaged. Nothing "
            "has been changed. Please try again. " * 2
        )
        qtbot.waitUntil(lambda d=dialog, h=before: d.height() > h, timeout=5_000)
        # nothing scrolled out of sight once the dialog has grown
        qtbot.waitUntil(lambda b=body: b.verticalScrollBar().maximum() == 0, timeout=5_000)
        if field is not None:
            assert fully_shown(field)
        dialog.close()


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

"""Focus in the Import dialog after a refused file (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.safekeeping.import_dialog import ImportDialog


def import_dialog_on_its_file_button(qtbot, journal) -> ImportDialog:  # type: ignore[no-untyped-def]
    """The Import dialog, shown and active, with the focus on "Choose a file…"."""
    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.file_button.setFocus()
    qtbot.waitUntil(dialog.file_button.hasFocus, timeout=5000)
    return dialog


def test_after_a_refused_file_the_focus_is_back_on_the_file_button(  # type: ignore[no-untyped-def]
    qtbot, journal, tmp_path, monkeypatch, a11y_events
) -> None:
    """Import after a refused file (break test 15 of session 11, finding 11): the focus
    walked from "Choose a file…" through "Choose a folder…" to Cancel as they were
    disabled for the work, and Enter (to try again) closed the dialog. Now the focus
    waits on the dialog and comes back to "Choose a file…"; no other button is
    focused on the way, Enter never closes the dialog, and Space there opens the
    chooser again."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    from journal.ui.common import file_places

    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff")
    asked: list[str] = []

    def chooser(_mode, _parent, caption, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(bad)

    monkeypatch.setattr(file_places, "ask", chooser)
    dialog = import_dialog_on_its_file_button(qtbot, journal)
    a11y_events.clear()
    qtbot.keyClick(dialog.file_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.working, timeout=10_000)
    assert QApplication.focusWidget() is dialog.file_button
    focused = a11y_events.names(QAccessible.Event.Focus)
    assert "Cancel" not in focused and "Choose a folder…" not in focused
    qtbot.keyClick(dialog.file_button, Qt.Key.Key_Return)  # never Cancel's
    assert dialog.isVisible()
    qtbot.keyClick(dialog.file_button, Qt.Key.Key_Space)
    assert len(asked) == 2
    qtbot.waitUntil(lambda: not dialog.working, timeout=10_000)
    dialog.reject()


def test_the_import_dialog_is_described_by_what_an_import_does(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 30, finding 8: the dialog said nothing of what it does
    (that a backup is made first) as it opened, and its buttons nothing either; its
    introduction was a free label. Now it is the dialog's description, and read with
    the buttons that choose what to bring in, as in Export."""
    from PySide6.QtGui import QAccessible

    from journal.ui.safekeeping.import_dialog import INTRO

    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    words = " ".join(INTRO.split())
    for widget in (dialog, dialog.file_button, dialog.folder_button):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        assert interface.text(QAccessible.Text.Description) == words
    assert "backup" in words


def test_the_export_folder_chosen_is_heard_and_stays_with_its_button(  # type: ignore[no-untyped-def]
    qtbot, journal, tmp_path, monkeypatch, a11y_events
) -> None:
    """Break test 15 of session 30, finding 7: the folder chooser closed, the focus
    went on to the passphrase, and nothing said which folder was chosen; back on
    "Choose a folder…", nothing said it either."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    from journal.ui.common import file_places
    from journal.ui.safekeeping.export_dialog import ExportDialog

    monkeypatch.setattr(file_places, "ask", lambda *_args, **_kwargs: str(tmp_path))
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.choose_button.hasFocus, timeout=5000)

    def described() -> str:
        interface = QAccessible.queryAccessibleInterface(dialog.choose_button)
        return str(interface.text(QAccessible.Text.Description))

    assert described().startswith("No folder chosen yet. ")
    a11y_events.clear()
    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is dialog.passphrase
    assert f"Folder: {tmp_path}" in a11y_events.announcements(assertive=False)
    assert described().startswith(f"Folder: {tmp_path}. ")


def test_a_file_chosen_while_another_window_is_active_leaves_no_focus_on_a_held_button(  # type: ignore[no-untyped-def]
    qtbot, journal, tmp_path
) -> None:
    """Break test 15 of session 30, finding 4: the file chooser closed, the preview held
    the dialog's buttons while the dialog was not active yet, and the dialog, active
    again, gave the focus to the disabled "Choose a file…" before moving it on."""
    from PySide6.QtWidgets import QApplication, QWidget

    dialog = import_dialog_on_its_file_button(qtbot, journal)
    chooser = QWidget()  # the file chooser, active over the dialog
    qtbot.addWidget(chooser)
    chooser.show()
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow, timeout=5000)
    export = tmp_path / "journal.json"
    export.write_text('{"format": "nothing we know"}', encoding="utf-8")
    focused: list[QWidget] = []
    QApplication.instance().focusChanged.connect(lambda _old, new: focused.append(new))
    chooser.close()
    dialog.choose(export)  # as the chooser returns, before the dialog is active again
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: not dialog.working, timeout=10_000)
    assert all(w is None or w.isEnabled() for w in focused), [type(w).__name__ for w in focused]
    assert QApplication.focusWidget() is dialog.file_button

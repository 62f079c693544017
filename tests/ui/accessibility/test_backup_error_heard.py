"""A "Back up now…" that writes nothing is an error, heard assertively (issue 15:
errors are assertive; break test 15 of session 11, finding 3: it was polite, queued
behind the focus speech, and "Back up now… button" could be taken for success)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.common import file_places
from tests.ui.safekeeping.test_export_import_dialogs import panel_of


def test_a_backup_not_written_is_announced_assertively(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path, monkeypatch, a11y_events
):
    target = tmp_path / "not there" / "copy.solacebackup"  # its folder does not exist
    monkeypatch.setattr(file_places, "ask", lambda *_args, **_kwargs: str(target))
    panel = panel_of(unlocked_window)
    panel.window().activateWindow()
    panel.backup_button.setFocus()
    qtbot.waitUntil(panel.backup_button.hasFocus, timeout=5000)
    a11y_events.clear()
    qtbot.keyClick(panel.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    said = panel.message.text()
    assert "no backup was written there" in said
    assert said in a11y_events.announcements(assertive=True)
    assert said not in a11y_events.announcements(assertive=False)


def test_file_back_up_not_written_is_a_note_heard_assertively(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path, monkeypatch, a11y_events
):
    """File > Back up… leaves its result as a note at the top of the window: a backup
    not written is an error note, said assertively, as in Settings."""
    from journal.ui.shell.actions import ActionId

    target = tmp_path / "not there" / "copy.solacebackup"
    monkeypatch.setattr(file_places, "ask", lambda *_args, **_kwargs: str(target))
    a11y_events.clear()
    unlocked_window.action_by_id[ActionId.BACK_UP].trigger()  # as the menu item does
    qtbot.waitUntil(lambda: bool(unlocked_window.notices.texts()), timeout=60_000)
    (said,) = unlocked_window.notices.texts()
    assert "no backup was written there" in said
    assert said in a11y_events.announcements(assertive=True)
    assert said not in a11y_events.announcements(assertive=False)

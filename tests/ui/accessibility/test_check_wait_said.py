"""A save that waits for the check of a large journal's pages is announced, not only
painted: the window cannot answer a screen reader while it waits (break test 34,
finding 3). The real window and check, held as on a slow disk."""

from __future__ import annotations

from journal.ui.common.check_wait import WRITE_WAITS
from tests.ui.shell.test_check_wait import ctrl_s_while_checked, open_while_checked


def test_ctrl_s_while_the_check_runs_is_announced(qtbot, window, monkeypatch, a11y_events):  # type: ignore[no-untyped-def]
    let_go = open_while_checked(qtbot, window, monkeypatch)
    try:
        area, _painted = ctrl_s_while_checked(
            qtbot, window, let_go, "Heard while the journal was checked", a11y_events.clear
        )
    finally:
        let_go.set()
    assert a11y_events.announcements().count(WRITE_WAITS) == 1
    assert area.editor.status.text().startswith("Saved")

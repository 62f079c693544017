"""Keys typed while a dialog checks a passphrase go into no field, and are said once
(break test 16 of session 17, finding 2): during a Restore check of seven seconds the
field "Your passphrase now" stayed editable, so what was typed next was added to the
passphrase just checked, and the rest went into the next field when the focus jumped
there with the refusal. The next try was then refused although both passphrases had
been typed right.

The keys are sent right after Enter, before the event loop runs again: the check's
result cannot have arrived yet, so they come while it runs, every time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.ui.common.keys_held import KEYS_WHILE_CHECKED
from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.safekeeping.restore_dialogs import shown_restore_dialog

TYPED = "not the one I use"


def test_keys_typed_during_a_restore_check_go_nowhere_and_are_said_once(
    qtbot, store, journal
) -> None:  # type: ignore[no-untyped-def]
    journal.backup(Reason.DAILY)
    dialog = shown_restore_dialog(qtbot, store, journal)
    field = dialog.passphrase
    qtbot.keyClicks(field, TYPED)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.restoring  # the check runs on the thread pool
    qtbot.keyClicks(field, "typed on")  # she goes on typing: the next passphrase
    qtbot.waitUntil(lambda: not dialog.restoring, timeout=UNLOCK_WAIT_MS)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=UNLOCK_WAIT_MS)
    assert field.text() == TYPED  # nothing added to the passphrase checked
    assert dialog.backup_passphrase.text() == ""  # nor moved to the next field
    said = dialog.error.text()
    assert "not the passphrase" in said
    assert said.count(KEYS_WHILE_CHECKED) == 1
    # Typed once the refusal is shown, keys go where the focus is, and nothing more is
    # said of the keys dropped before.
    qtbot.keyClicks(field, "x")
    assert field.text().endswith("x")
    assert dialog.footer.keys_not_used() == ""

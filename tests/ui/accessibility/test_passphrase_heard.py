"""The passphrase-strength verdict is heard when it changes, not at every pause in
typing, and not when the form is reset (break test 15, minor item a: five
announcements while one passphrase was typed, and "Choose a passphrase…" again as
the recovery-key page appeared)."""

from __future__ import annotations

from journal.ui.common.widgets import NewPassphraseFields
from tests.ui.accessibility.conftest import Recorder

STRONG = "velvet orchard quietly hums"


def test_the_verdict_is_heard_once_while_it_stays_the_same_and_not_on_reset(  # type: ignore[no-untyped-def]
    qtbot, a11y_events: Recorder
):
    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    qtbot.waitExposed(fields)
    a11y_events.clear()
    qtbot.keyClicks(fields.first, STRONG)
    qtbot.waitUntil(lambda: fields.feedback.text().startswith("Strong"))
    for more in (" softly", " at dawn"):  # typing on after a pause
        qtbot.keyClicks(fields.first, more)
        assert fields.pending
        qtbot.waitUntil(lambda: not fields.pending)
        assert fields.feedback.text().startswith("Strong")
    heard = a11y_events.announcements()
    assert len(heard) == 1 and heard[0].startswith("Strong"), heard
    qtbot.keyClicks(fields.second, "velvet")
    qtbot.waitUntil(lambda: not fields.pending)
    assert a11y_events.announcements()[1:] == ["The two passphrases are not the same yet."]
    a11y_events.clear()
    fields.clear()  # as the create page does when the recovery key is shown
    assert fields.feedback.text().startswith("Choose a passphrase")  # still shown
    assert a11y_events.announcements() == []  # but not said
    qtbot.keyClicks(fields.first, "x")
    qtbot.waitUntil(lambda: not fields.pending)
    assert len(a11y_events.announcements()) == 1  # a new verdict is heard again

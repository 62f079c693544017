"""Each person keeps one mark and colour whoever opens Together: opened from Sam's
journal Sam was the blue circle and Alex the orange diamond, opened from Alex's the
other way round (break test 43, F4), which undoes what a shape and a colour for each
person are for."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.together.items import Side
from journal.ui.together.marks import mark, side_colour
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.couples import PARTNER_PASSPHRASE
from tests.ui.together.support import open_together, seeded


def _marks(area) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each name on the session's top line with the mark drawn before it."""
    page = area.session_page
    shown = (page.owner_name.text(), page.partner_name.text())
    return {text.split(" ", 1)[1].strip("\u2068\u2069"): text.split(" ", 1)[0] for text in shown}


def test_each_person_keeps_one_mark_whoever_opens_together(qtbot, unlocked_window, store):  # type: ignore[no-untyped-def]
    window = unlocked_window
    alex = seeded(window, store)
    sam = window.journal.folder
    opened = store.unlock(alex, PARTNER_PASSPHRASE)
    if opened.recovery_key_problem:  # Alex's key was never confirmed: a new one, shown
        opened.new_recovery_key()
        opened.recovery_key_shown()
    opened.confirm_recovery_key()  # else Alex's unlock shows a key first
    opened.lock()
    area = open_together(qtbot, window, alex)
    from_sam = _marks(area)
    assert set(from_sam.values()) == {"●", "◆"}
    colours = {side: side_colour(side, False).name() for side in Side}
    qtbot.mouseClick(area.session_page.leave_button, Qt.MouseButton.LeftButton)
    assert window.is_locked

    page = window.lock_screen.unlock_page
    page.journal_choice.setCurrentIndex(page.journal_choice.findText("Alex's journal"))
    page.passphrase.setText(PARTNER_PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    area = open_together(qtbot, window, sam, PASSPHRASE)
    assert _marks(area) == from_sam
    # The owner's side is Alex's now: the colours went with the people, not the sides.
    assert {side_colour(side, False).name() for side in Side} == set(colours.values())
    assert side_colour(Side.OWNER, False).name() == colours[Side.PARTNER]
    assert mark(Side.OWNER) == from_sam["Alex"]

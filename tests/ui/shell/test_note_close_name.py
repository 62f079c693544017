"""The button that closes a note from Solace is named "Close note" and described by the
whole note: named by the note's start, the name was heard cut off ("…it was clo", break
test 15 of session 18, finding 10), and cut at a word it still read as a sentence
broken off ("Close note: Your new passphrase is saved: it opens this journal from…",
break test 15 of session 25, F16)."""

from __future__ import annotations

from journal.ui.shell.notices import Notices

LOCKED = (
    "Solace locked while “Change passphrase” was open; it was closed and nothing in it "
    "was saved. Passphrases typed there were not kept, for your safety."
)


def test_close_note_is_named_by_what_it_does_and_described_by_the_whole_note(qtbot) -> None:  # type: ignore[no-untyped-def]
    notices = Notices()
    qtbot.addWidget(notices)
    notices.show()
    note = notices.tell(LOCKED)
    assert note.close_button.accessibleName() == "Close note"
    assert note.close_button.accessibleDescription() == LOCKED
    short = notices.tell("Your journal was backed up.")
    assert short.close_button.accessibleName() == "Close note"
    assert short.close_button.accessibleDescription() == "Your journal was backed up."

"""The button that closes a note from Solace is named by the note's first words, cut
between words, and described by the whole note (break test 15 of session 18, finding
10: "Close note: Solace locked while “Change passphrase” was open; it was clo")."""

from __future__ import annotations

from journal.ui.shell.notices import Notices

LOCKED = (
    "Solace locked while “Change passphrase” was open; it was closed and nothing in it "
    "was saved. Passphrases typed there were not kept, for your safety."
)


def test_close_note_is_named_by_whole_words_and_described_by_the_whole_note(qtbot) -> None:  # type: ignore[no-untyped-def]
    notices = Notices()
    qtbot.addWidget(notices)
    notices.show()
    note = notices.tell(LOCKED)
    name = note.close_button.accessibleName()
    assert name == "Close note: Solace locked while “Change passphrase” was open; it was…"
    assert note.close_button.accessibleDescription() == LOCKED
    short = notices.tell("Your journal was backed up.")
    assert short.close_button.accessibleName() == "Close note: Your journal was backed up."

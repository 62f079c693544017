"""What a journal's writer is called in Together (`Sharing.my_name`)."""

from __future__ import annotations

from journal.storage.together.sharing import Sharing


def test_a_journal_name_too_long_for_a_writer_s_name_is_not_offered_cut(journal) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, break test of session 25, F4: Together's "Your name" was filled with
    the journal's name cut to 40 characters ("Remembering our little one, winter
    2026,"), the name the partner reads. A name that fits is still offered."""
    sharing = Sharing(journal.db)
    long_name = "Remembering our little one, winter 2026, and after"
    assert sharing.my_name(long_name) == ""
    assert sharing.my_name("Our journal") == "Our journal"
    sharing.set_my_name("Robin")
    assert sharing.my_name(long_name) == "Robin"

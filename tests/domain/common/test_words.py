"""Counts said with the noun that fits them (break test 16 of the eighth session,
finding 16: "1 entries … were rescued")."""

from __future__ import annotations

from journal.domain.common.words import count


def test_one_is_singular_and_every_other_number_plural_with_separators() -> None:
    assert count(1, "entry", "entries") == "1 entry"
    assert count(0, "entry", "entries") == "0 entries"
    assert count(20_000, "entry", "entries") == "20,000 entries"

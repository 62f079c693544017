"""Counts said with the noun that fits them (break test 16 of the eighth session,
finding 16: "1 entries … were rescued")."""

from __future__ import annotations

from journal.domain.common.words import count, size


def test_one_is_singular_and_every_other_number_plural_with_separators() -> None:
    assert count(1, "entry", "entries") == "1 entry"
    assert count(0, "entry", "entries") == "0 entries"
    assert count(20_000, "entry", "entries") == "20,000 entries"


def test_sizes_are_said_in_the_unit_that_fits_them() -> None:
    """Break test 16 of the eighth session, finding 17: 250 KB needed was "about 1 MB"."""
    assert size(245_760) == "246 KB"
    assert size(12) == "1 KB"
    assert size(48_200_000) == "48.2 MB"
    assert size(1_300_000_000) == "1.3 GB"

"""A journal two people keep together: its two writers' names.

Pure Python. Each entry of such a journal records which writer wrote it (1 or 2);
Together then opens on that one journal, with each writer's shared entries as
one side.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_NAME", "Writers", "check_writers", "same_name"]

MAX_NAME = 40


@dataclass(frozen=True, slots=True)
class Writers:
    """The names of the two writers of a one-journal couple, writer 1 first."""

    first: str
    second: str

    def name(self, number: int) -> str:
        """The name of writer 1 or 2; raises ValueError for any other number."""
        if number == 1:
            return self.first
        if number == 2:
            return self.second
        raise ValueError("a journal has writers 1 and 2")


def same_name(one: str, two: str) -> bool:
    """Whether two names would read as one person's: the same letters once spaces are
    collapsed and case is folded ("Sam" and " sam")."""
    return " ".join(one.split()).casefold() == " ".join(two.split()).casefold()


def check_writers(first: str, second: str) -> tuple[Writers | None, str]:
    """Cleaned names, or None and a kind message saying what to change."""
    one, two = " ".join(first.split()), " ".join(second.split())
    if not one or not two:
        return None, "Please give both of you a name, as you would like it shown."
    if len(one) > MAX_NAME or len(two) > MAX_NAME:
        return None, f"Please keep each name to {MAX_NAME} characters or fewer."
    if same_name(one, two):
        return None, "Please choose two different names, so each entry shows who wrote it."
    return Writers(one, two), ""

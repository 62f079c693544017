"""What sharing an entry means, said once in plain words wherever someone shares."""

from __future__ import annotations

__all__ = ["SHARING_MEANS"]

SHARING_MEANS = (
    "A shared entry can be read by your partner when the two of you open Together. "
    "You can make it private again at any time, and from then on it is hidden, but "
    "what was already read cannot be unread. Everything you do not share stays private."
)

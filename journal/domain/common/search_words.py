"""What a search field says when what was typed holds nothing to search for.

The Journal's and the Library's searches look for words, numbers, and emoji or
symbols (``journal.storage.symbols``); punctuation alone (``"``, ``*``, ``(``, a
backslash) is none of them. The Journal showed every entry under "Type a little more
to search", and the Library said "A shorter word may help" (break test 38, finding 10).
"""

from __future__ import annotations

import unicodedata

__all__ = ["PUNCTUATION_ONLY", "punctuation_only"]

PUNCTUATION_ONLY = "The search looks for words; punctuation alone is not searched for."


def punctuation_only(text: str) -> bool:
    """Whether ``text`` (typed into a search field) holds something, and nothing but
    punctuation (Unicode categories P*) and spaces."""
    return bool(text.strip()) and all(
        char.isspace() or unicodedata.category(char).startswith("P") for char in text
    )

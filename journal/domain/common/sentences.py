"""Words joined into sentences the way a screen reader speaks them."""

from __future__ import annotations

__all__ = ["sentence"]


def sentence(words: str) -> str:
    """``words`` (stripped) ending as a sentence: a full stop added unless they end with
    one (or with "?", "!", "…"), so a text's own last full stop is never doubled
    ("Alpha beta gamma." stays as it is). Empty words stay empty."""
    words = words.strip()
    return words if not words or words[-1] in ".?!…" else f"{words}."

"""Reduce an article's Markdown to the plain words a reader sees, for the search index."""

from __future__ import annotations

import re

__all__ = ["markdown_to_text", "without_private_use"]

_CODE_FENCE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<[a-z][a-z0-9+.-]*:[^>\s]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)
_LINE_PREFIX = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.MULTILINE
)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`|~~)")
_RULE = re.compile(r"^[ \t]*([-*_])[ \t]*(?:\1[ \t]*){2,}$", re.MULTILINE)
# The search index uses private-use characters as highlight markers, so the
# indexed text must never contain them itself.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def without_private_use(text: str) -> str:
    """Drop private-use characters, which the search index reserves as highlight markers."""
    return _PRIVATE_USE.sub("", text)


def markdown_to_text(markdown: str) -> str:
    """Return ``markdown`` without its syntax: link targets, heading marks, emphasis, tags."""
    text = _CODE_FENCE.sub("", markdown)
    text = _RULE.sub("", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _LINE_PREFIX.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _PRIVATE_USE.sub("", text)
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()

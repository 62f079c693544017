"""An entry's text in the Markdown export, so that a Markdown reader shows the HTML
the person typed as she sees it in Solace: as text (break test 9 of session 19,
finding 7: ``<b>bold?</b> &amp;`` became a bold "bold?" and "&" in any viewer).

The text is Markdown, and stays so: its bold, italics, headings, lists and quotes are
markup in the export as in the editor. Only what the editor draws as literal text and
a CommonMark reader would read as markup is written otherwise, outside code spans
(where both show it as written): a ``<`` that could open a tag, comment or autolink
(followed by a letter, ``/``, ``!`` or ``?``) is written ``&lt;``, and the ``&`` of a
character reference (``&amp;``, ``&#38;``) is written ``&amp;``; a character already
escaped by a backslash is left alone. `as_typed` undoes exactly that, for the import of
Solace's own export (``escaped: "html"`` in its front matter): every ``&amp;`` and
``&lt;`` the export holds outside code spans, unescaped, was made by `as_shown`, since
one typed was written ``&amp;amp;`` / ``&amp;lt;``.
"""

from __future__ import annotations

import re

from journal.domain.entries.markup import CODE, mask_escapes

__all__ = ["ESCAPED_FIELD", "ESCAPED_VALUE", "as_shown", "as_typed"]

ESCAPED_FIELD, ESCAPED_VALUE = "escaped", "html"  # the export's front matter says so
# After an even run of backslashes (none escaped): what a reader reads as markup.
_UNESCAPED = r"(?:(?<=[^\\])|^)(?:\\\\)*"
_REFERENCE = r"#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};"
_MARKUP = re.compile(_UNESCAPED + rf"(?:(<)(?=[A-Za-z/!?])|(&)(?={_REFERENCE}))")
_MADE = re.compile(_UNESCAPED + "(&lt;|&amp;)")


def _outside_code(line: str, change: re.Pattern[str], replace: dict[str, str]) -> str:
    """``line`` with each group ``change`` finds outside code spans replaced by
    ``replace`` of it (the backslashes before it kept)."""
    spans = [found.span() for found in CODE.finditer(mask_escapes(line))]

    def swap(found: re.Match[str]) -> str:
        index = next(i for i in range(1, (found.lastindex or 0) + 1) if found.group(i))
        if any(start <= found.start(index) < end for start, end in spans):
            return found.group()
        kept = line[found.start() : found.start(index)]
        return kept + replace[found.group(index)]

    return change.sub(swap, line)


def as_shown(body: str) -> str:
    """``body`` (an entry's text, str) as written into the Markdown export: its HTML
    and character references as text a CommonMark reader shows as typed."""
    if "<" not in body and "&" not in body:
        return body
    replace = {"<": "&lt;", "&": "&amp;"}
    return "\n".join(_outside_code(line, _MARKUP, replace) for line in body.split("\n"))


def as_typed(written: str) -> str:
    """The text `as_shown` made ``written`` from (str in, str out), exactly."""
    if "&" not in written:
        return written
    replace = {"&lt;": "<", "&amp;": "&"}
    return "\n".join(_outside_code(line, _MADE, replace) for line in written.split("\n"))

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

Code blocks go out verbatim too (break test of session 20, N3): a reader shows a
fenced block (```` ``` ```` or ``~~~``) or an indented one (four spaces or a tab,
after a blank line) exactly as written, entities and backslashes included, so an
escape there would show. `code_block_lines` finds them from what escaping never
changes (fences, indents, blank lines), so `as_typed` skips the very lines
`as_shown` skipped.
"""

from __future__ import annotations

import re

from journal.domain.entries.markup import CODE, mask_escapes

__all__ = [
    "EARLIER_VALUE",
    "ESCAPED_FIELD",
    "ESCAPED_VALUE",
    "as_shown",
    "as_typed",
    "code_block_lines",
]

ESCAPED_FIELD = "escaped"  # the export's front matter says how its text was escaped
ESCAPED_VALUE = "html outside code"  # since session 20: code blocks go out verbatim
EARLIER_VALUE = "html"  # exported before: code blocks escaped too (still read back)
# After an even run of backslashes (none escaped): what a reader reads as markup.
_UNESCAPED = r"(?:(?<=[^\\])|^)(?:\\\\)*"
_REFERENCE = r"#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};"
_MARKUP = re.compile(_UNESCAPED + rf"(?:(<)(?=[A-Za-z/!?])|(&)(?={_REFERENCE}))")
_MADE = re.compile(_UNESCAPED + "(&lt;|&amp;)")
_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_INDENTED = re.compile(r"(?: {4}| {0,3}\t)")


def code_block_lines(lines: list[str]) -> set[int]:
    """The indices of ``lines`` (an entry's text split at ``\n``) inside a fenced code
    block (its fence lines too; an unclosed fence runs to the end, as CommonMark
    reads it) or an indented one (four spaces or a tab, at the text's start or after
    a blank line or another such line; a paragraph's indented line is no code)."""
    found: set[int] = set()
    fence: str | None = None
    previous_blank, previous_code = True, False
    for index, line in enumerate(lines):
        if fence is not None:
            found.add(index)
            closing = _FENCE.match(line)
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= len(fence)
                and not line[closing.end() :].strip()
            ):
                fence = None
            previous_blank, previous_code = False, False
            continue
        blank = not line.strip()
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            found.add(index)
        elif not blank and _INDENTED.match(line) and (previous_blank or previous_code):
            found.add(index)
            previous_code = True
            previous_blank = False
            continue
        elif blank and previous_code:
            previous_blank = True  # a blank line inside or after an indented block
            continue
        previous_blank, previous_code = blank, False
    return found


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
    lines = body.split("\n")
    code = code_block_lines(lines)
    return "\n".join(
        line if index in code else _outside_code(line, _MARKUP, replace)
        for index, line in enumerate(lines)
    )


def as_typed(written: str, *, blocks_verbatim: bool = True) -> str:
    """The text `as_shown` made ``written`` from (str in, str out), exactly; with
    ``blocks_verbatim`` False, the text an export before session 20 (``escaped:
    "html"``, code blocks escaped too) made it from."""
    if "&" not in written:
        return written
    replace = {"&lt;": "<", "&amp;": "&"}
    lines = written.split("\n")
    code = code_block_lines(lines) if blocks_verbatim else set()
    return "\n".join(
        line if index in code else _outside_code(line, _MADE, replace)
        for index, line in enumerate(lines)
    )

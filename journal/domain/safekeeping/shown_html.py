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

Since the second break test of session 20 (N4) the export escapes more than HTML:
each punctuation character the editor shows as text and a CommonMark reader could
read as markup (``2*3*4``, ``a_b_c``, a ``[``, a ``<``, an ``&``, a ``#`` or ``-``
where a line's words start) is written with a backslash before it, so the reader
shows it as text too (CommonMark 0.31, 2.4: any ASCII punctuation may be escaped).
The markers the editor dims (`markup.hidden`: ``**``, ``_``, ``~~``, code spans'
backticks, heading hashes, quote markers, a bullet) and a numbered item's ``1.``
stay markup, and every typed backslash is written ``\\\\`` (``\\_`` typed goes
out ``\\\\\\_`` and reads ``\\_``). So outside code every backslash in the file
opens a pair the export made, and `as_typed` takes each pair back to its character
(``escaped: "punctuation as text outside code"``). Files exported before say
``escaped: "html outside code"`` or ``"html"`` and are read back by `html_typed`.
"""

from __future__ import annotations

import re

from journal.domain.entries.markup import (
    CODE,
    ESCAPE,
    hidden,
    line_start,
    mask_escapes,
)

__all__ = [
    "EARLIER_VALUE",
    "ESCAPED_FIELD",
    "ESCAPED_VALUE",
    "HTML_VALUE",
    "as_shown",
    "as_typed",
    "code_block_lines",
    "html_shown",
    "html_typed",
]

ESCAPED_FIELD = "escaped"  # the export's front matter says how its text was escaped
# Since session 20 (N4): every punctuation character shown as text is escaped.
ESCAPED_VALUE = "punctuation as text outside code"
HTML_VALUE = "html outside code"  # session 20 (N3): only HTML escaped, code verbatim
EARLIER_VALUE = "html"  # exported before: code blocks escaped too (still read back)
# What a CommonMark reader (with GitHub's strikes and tables) may read as markup
# anywhere in a line, and where a line's words start (a heading, a quote, a list
# item, a rule or a setext underline). All are ASCII punctuation (CommonMark 0.31,
# 2.4), so a backslash before them shows them as themselves.
_ALWAYS = frozenset("\\`*_~<&[]|")
_AT_START = frozenset("#+-=>")
_ANY = _ALWAYS | _AT_START | frozenset(".)")
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


def _line_as_shown(line: str) -> str:
    """``line`` (one line outside code blocks, no ``\n``) with a backslash before
    each character outside its code spans that the editor shows as text and a
    CommonMark reader could read as markup (`_ALWAYS` anywhere; `_AT_START` where
    the line's words start, or a ``#`` anywhere in a heading; a ``.`` or ``)`` after
    digits there), and before every backslash."""
    if not any(char in _ANY for char in line):
        return line
    kept = {at for at in hidden(line) if line[at] != "\\"}
    start = line_start(line)
    if start.item is not None and start.bullet is None:
        kept.update(range(*start.item))  # a numbered item's "1." stays its number
    # A line longer than MARKED_LIMIT has no markers (`hidden` is empty): all its
    # punctuation is escaped but its code spans, whose finding escaping never changes.
    spans = [found.span() for found in CODE.finditer(mask_escapes(line))]
    written: list[str] = []
    leading, digits = True, False  # only spaces and markers so far; then digits
    for at, char in enumerate(line):
        if at in kept or any(begin <= at < end for begin, end in spans):
            written.append(char)
            leading, digits = leading and at in kept, False
            continue
        escaped = (
            char in _ALWAYS
            or (char in _AT_START and (leading or (char == "#" and start.level > 0)))
            or (char in ".)" and digits)
        )
        if escaped:
            written.append("\\")
        written.append(char)
        digits = (leading or digits) and char.isascii() and char.isdigit()
        leading = leading and char in " \t"
    return "".join(written)


def as_shown(body: str) -> str:
    """``body`` (an entry's text, str) as written into the Markdown export (``escaped:
    "punctuation as text outside code"``): outside code blocks and spans, a
    backslash before every ASCII punctuation character the editor shows as text and
    before every typed backslash, so a CommonMark reader shows what the editor
    shows; the editor's markers stay markup. `as_typed` undoes it."""
    lines = body.split("\n")
    code = code_block_lines(lines)
    return "\n".join(
        line if index in code else _line_as_shown(line) for index, line in enumerate(lines)
    )


def as_typed(written: str) -> str:
    """The text `as_shown` made ``written`` from (str in, str out), exactly: outside
    code blocks and spans, each backslash and the character after it (a pair only
    the export made) back to that character."""
    if "\\" not in written:
        return written
    lines = written.split("\n")
    code = code_block_lines(lines)
    return "\n".join(
        line if index in code else _line_as_typed(line) for index, line in enumerate(lines)
    )


def _line_as_typed(line: str) -> str:
    """``line`` (one line of the export outside code blocks) with each escape pair
    outside its code spans taken back to the character it escapes."""
    if "\\" not in line:
        return line
    spans = [found.span() for found in CODE.finditer(mask_escapes(line))]

    def back(found: re.Match[str]) -> str:
        if any(begin <= found.start() < end for begin, end in spans):
            return found.group()
        return found.group(1)

    return ESCAPE.sub(back, line)


def html_shown(body: str) -> str:
    """``body`` (an entry's text, str) as exports from session 20 to its second
    break test wrote it (``escaped: "html outside code"``): its HTML and character
    references as text a CommonMark reader shows as typed; kept to test that such
    files still read back."""
    if "<" not in body and "&" not in body:
        return body
    replace = {"<": "&lt;", "&": "&amp;"}
    lines = body.split("\n")
    code = code_block_lines(lines)
    return "\n".join(
        line if index in code else _outside_code(line, _MARKUP, replace)
        for index, line in enumerate(lines)
    )


def html_typed(written: str, *, blocks_verbatim: bool = True) -> str:
    """The text `html_shown` made ``written`` from (str in, str out), exactly; with
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

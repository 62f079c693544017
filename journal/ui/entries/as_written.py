"""Saying, once an entry, that a very long paragraph is shown as written.

A line longer than ``MARKED_LIMIT`` (4,000 characters) is shown plain everywhere: in the
editor (held in pieces, `long_lines`), the list row, Together and the tags' reading
(`journal.domain.entries.markup`). Its ``**``, ``> `` or ``# `` then show as characters
(break test 9 of session 15, finding 3). Highlighting a window of such a line around the
caret was the other way; it is not taken, because the editor would then show as bold
what the headline and Together show with its stars, and a ``**`` 50,000 characters
back decides whether the one typed now opens or closes: no bounded window can say
which. Instead the editor says so, once for each entry opened, under the words, the
first time it shows such a line that holds what would be formatting in a short one
(`holds_markers`): nothing in it is ever changed.
"""

from __future__ import annotations

import re

from journal.domain.entries.markup import MARKED_LIMIT

__all__ = ["SHOWN_AS_WRITTEN", "holds_markers"]

SHOWN_AS_WRITTEN = (
    f"A paragraph over {MARKED_LIMIT:,} characters is shown as written, its * and other "
    "marks as they are; nothing in it changes. Split it with Enter to see its formatting."
)

# What makes formatting inside a short line: bold, an opening * or _ of italics,
# strikethrough, a code span.
_INLINE = re.compile(r"\*\*|~~|`|(?<![\w*])\*(?=[^\s*])|(?<![\w_])_(?=[^\s_])")
# What makes a whole short line formatted, at its start: a heading, a quote, a list item.
_LINE_START = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]|>|[-*+][ \t]|\d{1,9}[.)][ \t])")


def holds_markers(text: str, *, line_start: bool) -> bool:
    """Whether ``text`` (a long line, or one piece of it) holds what would be shown as
    formatting in a short line; ``line_start``: it is the start of its line, where a
    heading, quote or list marker counts. One regex pass, stopping at the first found."""
    if line_start and _LINE_START.match(text):
        return True
    return _INLINE.search(text) is not None

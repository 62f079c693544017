"""Enter in a list item or a quote, as Markdown editors do (break test 9 of session 19,
finding 2): the next line starts with the same markers, a numbered item's number
counted on; Enter on an item with no words ends the list (its marker goes).

Only a line that starts as a list item or a quote by the one set of line rules
(`markup.line_start`) continues; a heading never does. Nothing here reads or changes
another line.
"""

from __future__ import annotations

import re

from journal.domain.entries.markup import line_start

__all__ = ["item_marks", "next_marks", "without_item"]

_SPACES = re.compile(r"[ \t]*")
_NUMBER = re.compile(r"\d+")
_MOST_DIGITS = 9  # a longer number is no list item (markup.LIST)


def item_marks(line: str) -> str | None:
    """The markers ``line`` (one line, no ``\\n``) starts with when it is a list item or
    a quote: its quote markers, then its item's indent, bullet or number and the spaces
    after them ("> - ", "  2. "); None for any other line (a heading, prose)."""
    start = line_start(line)
    if start.level or (start.item is None and not start.quote):
        return None
    end = start.item[1] if start.item is not None else start.marks
    spaces = _SPACES.match(line, end)
    return line[: spaces.end() if spaces else end]


def next_marks(marks: str) -> str:
    """The markers of the item after one that starts with ``marks`` (`item_marks`): the
    same, with a numbered item's number one more ("9. " -> "10. "); the number is left
    as it is if one more would have too many digits to be read as a list."""
    start = line_start(marks + "x")
    if start.item is None or start.bullet is not None:
        return marks
    number = _NUMBER.search(marks, start.item[0])
    if number is None or len(str(int(number.group()) + 1)) > _MOST_DIGITS:
        return marks
    return marks[: number.start()] + str(int(number.group()) + 1) + marks[number.end() :]


def without_item(line: str) -> str:
    """What an empty item ``line`` (only its `item_marks`) becomes when Enter ends its
    list: a quote's markers are kept when it held a list item ("> - " -> "> "), so the
    quote ends at the next Enter; otherwise nothing is left."""
    start = line_start(line)
    return line[: start.marks] if start.item is not None else ""

"""Enter in a list item or a quote, as Markdown editors do (break test 9 of session 19,
finding 2): the next line starts with the same markers, a numbered item's number
counted on; Enter on an item with no words ends the list (its marker goes). A new
numbered item in the middle of a list counts on the items after it (`renumbered`), as
a word processor does (break test of session 20, N6).

Only a line that starts as a list item or a quote by the one set of line rules
(`markup.line_start`) continues; a heading never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.domain.entries.markup import line_start

__all__ = ["item_marks", "next_marks", "renumbered", "without_item"]

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


def renumbered(marks: str, lines: Iterable[str]) -> list[tuple[int, str]]:
    """The lines after a new numbered item that starts with ``marks`` ("3. ", "> 3. ")
    that are items of the same list, each with the number one more than the item
    before it: (index into ``lines``, the line as it becomes), only for lines whose
    number changes; ``lines`` is read only as far as the list goes. The list goes on
    over its items (the same quote markers and indent before the number, the same
    ``.`` or ``)``) and over lines nested deeper under them (more indent); it ends at
    any other line. Empty for a bulleted item."""
    start = line_start(marks + "x")
    if start.item is None or start.bullet is not None:
        return []
    number = _NUMBER.search(marks, start.item[0])
    if number is None:
        return []
    before, after = marks[: number.start()], marks[number.end() : number.end() + 1]
    count = int(number.group())
    changed: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        own = item_marks(line)
        if own is not None and own.startswith(before):
            digits = _NUMBER.match(own, len(before))
            if digits and own[digits.end() : digits.end() + 1] == after:
                count += 1
                if len(str(count)) > _MOST_DIGITS:
                    break
                if int(digits.group()) != count:
                    changed.append(
                        (index, line[: digits.start()] + str(count) + line[digits.end() :])
                    )
                continue
        if line.startswith(before) and line[len(before) : len(before) + 1] in (" ", "\t"):
            continue  # a line nested deeper under the item before
        break
    return changed

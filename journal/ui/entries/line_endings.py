"""Line breaks kept as they were typed or pasted: ``\\n``, ``\\r\\n``, ``\\r`` or U+2029.

Qt's document knows one kind of line break, the block separator: a pasted ``\\r\\n``,
lone ``\\r`` or paragraph separator (U+2029) became a block like ``\\n`` did, and came
back as ``\\n`` (break test 9 of session 14, finding 6; issue 9: "character for
character"). So each block also records the break *before* it, in its block format
(`ENDING`, like the soft separator of a long line's pieces, `long_lines.SOFT`): no
property means ``\\n``, the common case, which costs nothing; a block after another
break holds it. The text read out joins the blocks with the break each records
(`line_breaks`, `long_lines.join_blocks`), so it is what was typed or pasted. On
screen every break is the same line break; a line break typed with Enter is ``\\n``.

Block formats are in the undo history, so undo and redo bring a break back as it was.
Merging two blocks keeps the first block's format (its own break), which is right;
where Qt takes an empty first block away instead, `long_lines.remove_keeping_format`
puts it back.

One sequence of blocks cannot be stored as itself: a lone ``\\r`` before an empty line
and a ``\\n`` after it spell ``\\r\\n``, which is read back as one break. `crlf_made`
finds it, so the editor can show what will be read back (`MarkdownEditor`).
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextDocument, QTextFormat

from journal.domain.entries.lines import LINE_BREAK

__all__ = [
    "ENDING",
    "crlf_made",
    "ending_before",
    "ending_format",
    "has_other_breaks",
    "line_breaks",
    "split_breaks",
]

SOFT_PROPERTY = int(QTextFormat.Property.UserProperty) + 1  # long_lines.SOFT (no import cycle)
ENDING = int(QTextFormat.Property.UserProperty) + 2  # str: the break before this block, not "\n"


def has_other_breaks(text: str) -> bool:
    """Whether ``text`` holds a line break other than ``\\n`` (one quick scan)."""
    return "\r" in text or "\u2029" in text


def split_breaks(text: str) -> tuple[list[str], list[str]]:
    """``text``'s lines and the break after each but the last (``breaks[i]`` ends
    ``lines[i]``), read as `journal.domain.entries.lines` reads them."""
    if not has_other_breaks(text):
        plain = text.split("\n")
        return plain, ["\n"] * (len(plain) - 1)
    lines: list[str] = []
    breaks: list[str] = []
    start = 0
    for found in LINE_BREAK.finditer(text):
        lines.append(text[start : found.start()])
        breaks.append(found.group())
        start = found.end()
    lines.append(text[start:])
    return lines, breaks


def ending_format(ending: str) -> QTextBlockFormat:
    """The format of a block that starts a line after the break ``ending``."""
    fmt = QTextBlockFormat()
    if ending != "\n":
        fmt.setProperty(ENDING, ending)
    return fmt


def ending_before(block: QTextBlock) -> str:
    """The break before ``block``: ``""`` for a piece of a long line (soft), else the
    break it records, ``\\n`` when none."""
    fmt = block.blockFormat()
    if fmt.boolProperty(SOFT_PROPERTY):
        return ""
    ending = fmt.stringProperty(ENDING)
    return ending or "\n"


def line_breaks(document: QTextDocument) -> list[tuple[int, str]]:
    """Each block (by number, ascending) whose break before it is not ``\\n``, with
    that break (``""`` for a piece of a long line). One pass over the blocks."""
    found: list[tuple[int, str]] = []
    endings: dict[int, str] = {}  # block format index -> the break it records
    block, number = document.firstBlock().next(), 1
    while block.isValid():
        index = block.blockFormatIndex()
        ending = endings.get(index)
        if ending is None:
            ending = endings[index] = ending_before(block)
        if ending != "\n":
            found.append((number, ending))
        block, number = block.next(), number + 1
    return found


def crlf_made(block: QTextBlock) -> bool:
    """Whether ``block`` is empty, follows a lone ``\\r`` and is followed by ``\\n``:
    stored, that is ``\\r\\n``, one break, so the line would be gone when read back."""
    after = block.next()
    return (
        block.isValid()
        and block.length() == 1
        and block.blockNumber() > 0
        and after.isValid()
        and ending_before(block) == "\r"
        and ending_before(after) == "\n"
    )

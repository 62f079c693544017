"""Long lines held in pieces, so that a key costs the same in any paragraph.

Qt's plain-text layout (``QPlainTextDocumentLayout``) itemizes, shapes and lays
out the whole block that changed on every keystroke: typing into one paragraph
of a million characters cost about a second per key, whatever the wrap mode or
highlighter. So a line longer than `LONG_LINE` characters is held in the
document as several blocks ("pieces") of about `PIECE` characters, split after a
space where there is one. The block separator between two pieces of one line is
*soft*: the block after it carries the `SOFT` block-format property and stands
for no character. `join_blocks` joins soft separators with nothing and the
others with ``\\n``, so the text read out (and stored) is byte-identical to what
was typed or pasted. On screen, a long line wraps a little early at each piece's
end; nothing else shows.

Block formats are in the undo history, so undo and redo bring pieces back as they
were. The editor makes every block through `insert_lines` or `new_line` (paste,
drop, Enter, input methods), which give a typed line break a block format
without `SOFT`: Qt's own ``insertBlock()`` copies the current block's format and
would make a typed line break inside a piece soft. Merging blocks keeps the first
block's format, which is always right; where Qt would not (it takes an empty first
block away), the editor removes through `remove_keeping_format`.

`SoftBreaks` finds the soft separators without walking every block: a
``QTextCursor`` sits at the start of each piece (Qt moves cursors with every edit),
and ``contentsChange`` registers any piece an edit or an undo brings back. Should
that bookkeeping ever fail (a Qt object gone behind Python's back), it does not
guess: it walks every block once and reads their formats, which are the truth.

Ownership: the editor makes its document itself and keeps it for its whole life;
`SoftBreaks` is the editor's child and asks the editor for the document each time,
so it never holds a wrapper of its own that could outlive (or be mistaken for)
the document.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit
from shiboken6 import isValid

from journal.ui.common.utf16 import unit_length

log = logging.getLogger(__name__)

__all__ = [
    "LONG_LINE",
    "PIECE",
    "SOFT",
    "SoftBreaks",
    "cuts_a_character",
    "hard_format",
    "is_soft",
    "join_blocks",
    "piece_starts",
    "remove_keeping_format",
]

SOFT = int(QTextFormat.Property.UserProperty) + 1  # bool: this block continues the line before
LONG_LINE = 4_000  # characters in one block before it is split (a key then costs ~1-2 ms)
PIECE = 2_000  # about this many characters in each piece
_LOOK_BACK = 200  # how far back from a piece's end to look for a space
SEPARATOR = "\u2029"  # how QTextDocument separates blocks in toRawText / selectedText
_JOINERS = frozenset("\u200d\u200c\ufe0e\ufe0f\u20e3")


def is_soft(block: QTextBlock) -> bool:
    """Whether ``block`` continues the line of the block before it (no character between)."""
    return block.isValid() and block.blockFormat().boolProperty(SOFT)


def soft_format() -> QTextBlockFormat:
    """The block format of a block that continues the line before it (a long line split into
    pieces for speed; nothing lies between them)."""
    fmt = QTextBlockFormat()
    fmt.setProperty(SOFT, True)
    return fmt


def hard_format() -> QTextBlockFormat:
    """The format of a block that starts a line (after a typed or pasted line break)."""
    return QTextBlockFormat()


def join_blocks(parts: Sequence[str], breaks: Sequence[tuple[int, str]], first: int = 0) -> str:
    """The text of consecutive blocks ``parts`` (block ``first`` onwards): each block
    numbered in ``breaks`` (ascending ``(number, break)`` pairs) joined to the one before
    with its break (``""`` for a piece, see `line_endings`), the others with ``\\n``."""
    out: list[str] = []
    start = 0
    for number, ending in breaks:
        index = number - first
        if start < index < len(parts):
            out.append("\n".join(parts[start:index]))
            out.append(ending)
            start = index
    out.append("\n".join(parts[start:]))
    return "".join(out)


def _splits_a_character(text: str, index: int) -> bool:
    """Whether a piece starting at ``index`` would cut a character apart on screen (a
    combining mark, a joiner or a variation selector, a surrogate half)."""
    char, before = text[index], text[index - 1]
    return (
        char in _JOINERS
        or before in _JOINERS
        or unicodedata.category(char) in ("Mn", "Mc", "Me", "Cs")
        or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tone modifiers
        or 0x1F1E6 <= ord(char) <= 0x1F1FF  # regional indicators (flags)
    )


def cuts_a_character(block: QTextBlock) -> bool:
    """Whether the soft separator before ``block`` (a piece) cuts a character apart: an
    edit beside it left a joiner, combining mark or modifier at the piece's start, or
    a joiner at the end of the piece before. Qt finds a character's extent (for
    Delete, Backspace and the caret) within one block, so such a character would be
    edited as two."""
    before, here = block.previous().text()[-1:], block.text()[:1]
    return bool(before and here) and is_soft(block) and _splits_a_character(before + here, 1)


def remove_keeping_format(cursor: QTextCursor) -> None:
    """Remove ``cursor``'s selection (in the caller's edit block, if any); when it ran
    over a block separator, the block it started in keeps its format (the break before
    it: soft, or which line break, `line_endings`).

    Qt takes an *empty* block away instead of joining the next one into it, so the
    joined block kept the format of the block after: an empty piece (left by Enter at
    a piece's start) and the line break after it were joined by Backspace into a line
    break never typed (a Hypothesis example: 👍🏽 around a piece edge). Merging blocks
    otherwise keeps the first block's format, which is always right."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    crosses = cursor.selectionEnd() > first.position() + first.length() - 1
    kept = first.blockFormat()
    cursor.removeSelectedText()
    if crosses and cursor.block().blockFormat() != kept:
        cursor.setBlockFormat(kept)


def piece_starts(line: str) -> list[int]:
    """Where the pieces of ``line`` start (Python indices, ascending, never 0); [] when
    the line is not longer than `LONG_LINE`."""
    if len(line) <= LONG_LINE:
        return []
    starts: list[int] = []
    start = 0
    while len(line) - start > LONG_LINE:
        target = start + PIECE
        space = line.rfind(" ", target - _LOOK_BACK, target)
        cut = space + 1 if space > start else target
        while cut > start + 1 and _splits_a_character(line, cut):
            cut -= 1
        starts.append(cut)
        start = cut
    return starts


def split_block(cursor: QTextCursor, block: QTextBlock) -> list[int]:
    """Split ``block`` into pieces if it is longer than `LONG_LINE` (inside the caller's
    edit block). Returns the document positions where the new pieces start."""
    text = block.text()
    starts = piece_starts(text)
    positions: list[int] = []
    offset, done = block.position(), 0
    for start in starts:  # Python indices to document (UTF-16) positions
        offset += unit_length(text[done:start])
        done = start
        positions.append(offset)
    for position in reversed(positions):
        cursor.setPosition(position)
        cursor.insertBlock(soft_format())
    return [position + index for index, position in enumerate(positions, start=1)]


class SoftBreaks(QObject):
    """The soft separators of one editor's document, found without walking every block.

    ``editor`` is the plain-text editor whose document holds the pieces; this object is
    its child (a Qt parent, so it lives exactly as long as the editor)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self._cursors: list[QTextCursor] = []
        self._soft_index: dict[int, bool] = {}  # block format index -> soft
        self._lost = False  # a piece could not be registered: read the blocks instead
        self.quiet = False  # while the editor registers the pieces it makes itself
        self.made = 0  # pieces registered so far (`remember`): whether an edit made any
        editor.document().contentsChange.connect(self._changed)

    def _document(self) -> QTextDocument | None:
        editor = self._editor
        return editor.document() if isValid(editor) else None

    def forget(self) -> None:
        """After the document was replaced (load, clear)."""
        self._cursors = []
        self._soft_index = {}
        self._lost = False

    def remember(self, position: int) -> None:
        """A piece starts at ``position``. Never raises: a piece that cannot be
        registered makes `numbers` read every block's format instead."""
        try:
            document = self._document()
            if document is None:
                raise RuntimeError("the editor is gone")
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setKeepPositionOnInsert(True)  # typing at a piece's start keeps it there
        except RuntimeError as error:  # a Qt object deleted behind Python's back
            log.error("a piece of a long line could not be registered: %s", error)
            self._lost = True
            return
        self._cursors.append(cursor)
        self.made += 1

    def _is_soft(self, block: QTextBlock) -> bool:
        index = block.blockFormatIndex()
        soft = self._soft_index.get(index)
        if soft is None:
            soft = self._soft_index[index] = is_soft(block)
        return soft

    def _changed(self, position: int, _removed: int, added: int) -> None:
        """Register the pieces that start inside what an edit (or an undo) added."""
        if self.quiet or added <= 0:
            return
        document = self._document()
        if document is None:
            return  # (a document being destroyed still reports its last change)
        block = document.findBlock(position)
        if block.position() < position:
            block = block.next()
        end = position + added
        while block.isValid() and block.position() <= end:
            if block.blockNumber() > 0 and self._is_soft(block):
                self.remember(block.position())
            block = block.next()

    def numbers(self) -> list[int]:
        """The block numbers of the pieces that continue a line, ascending."""
        if self._lost:
            return self._read_every_block()
        if not self._cursors:
            return []
        kept: dict[int, QTextCursor] = {}
        for cursor in self._cursors:
            block = cursor.block()
            position = cursor.position()
            if block.position() == position and position > 0 and is_soft(block):
                kept.setdefault(position, cursor)
        self._cursors = list(kept.values())
        return sorted(cursor.block().blockNumber() for cursor in self._cursors)

    def _read_every_block(self) -> list[int]:
        """The soft blocks' numbers read from the document itself (one pass over the
        blocks); the cursors are registered again, so the next call is quick."""
        document = self._document()
        if document is None:
            return []
        numbers: list[int] = []
        cursors: list[QTextCursor] = []
        block = document.firstBlock().next()
        while block.isValid():
            if is_soft(block):
                numbers.append(block.blockNumber())
                cursor = QTextCursor(block)
                cursor.setKeepPositionOnInsert(True)
                cursors.append(cursor)
            block = block.next()
        self._cursors, self._lost = cursors, False
        return numbers

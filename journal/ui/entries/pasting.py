"""A paste of many lines goes in a slice at a time, from the event loop, as one undo step.

Qt's own insert of many short lines (a block each, laid out and highlighted) took about
11 s for 166,000 lines at a load of 20, with the window frozen, while Solace's Python
was 0.5 s of it (issue 9: "Saving must cost time in proportion to the text and never
block typing"). So a paste of `SLICED_PASTE_LINES` lines or more is inserted in slices
of whole lines, each sized to take about `SLICE_MS`; between two slices the event loop
runs: the window repaints and the person sees "Pasting… n %". A slice is cut at a
line break, so each line goes in whole (a line too long for one block is held in
pieces by the same rules as any paste, `long_lines`), unless no line break comes
within a slice's length after it: then the slice ends inside the line, and the next
goes on in the same line (its last block, joined and held in pieces again), so a
line of two million characters goes in slices too (fid17 finding 3: opening one
froze the window about 7 s). A ``\r\n`` is never cut in two.

What is pasted is never changed nor dropped, and the rules of a paste hold for the
whole: the size limit was checked on the whole text before the first slice; the
first slice is an edit block and every later one joins it
(``QTextCursor.joinPreviousEditBlock``), so one undo takes the whole paste away;
anything that reads the text to store it (autosave, lock, quit, a draft) finishes the
paste first (`SlicedPaste.finish`), so a partial paste is never what is stored.
Keys typed meanwhile wait and go in after it, in order (`MarkdownEditor`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from journal.domain.entries.lines import LINE_BREAK

__all__ = ["SLICED_OPEN_CHARS", "SLICED_PASTE_LINES", "SLICE_MS", "SlicedPaste", "sliced"]

# A paste of this many line breaks or more goes in slices (below it Qt's insert takes
# well under a second even at a load of 20: about 6 µs a line at load 0.5).
SLICED_PASTE_LINES = 10_000
# An entry of this many characters or more is opened in slices whatever its lines: a
# long line's layout and cutting into pieces cost about 0.15 s at 100k characters.
SLICED_OPEN_CHARS = 40_000
SLICE_MS = 25  # what a slice aims to take, so the window answers about 40 times a second
# Characters in the first slice (it learns how long a character takes here and now),
# and bounds on the others: never so few that the slices' own cost shows, never so
# many that one slice is a long freeze on a slow or busy machine.
_FIRST_SLICE, _FEWEST, _MOST = 16_000, 4_000, 400_000

#: What inserts one slice: (cursor, text with ``\n`` line breaks, join the edit block
#: before) -> None. `MarkdownEditor.insert_at` is the one.
Insert = Callable[[QTextCursor, str, bool], None]


def sliced(text: str, *, opening: bool = False) -> bool:
    """Whether a paste of ``text`` goes in slices (its line breaks counted, a ``\\r\\n``
    as two: a bound, quick to count); with ``opening`` (an entry loaded into the
    editor), also when it holds `SLICED_OPEN_CHARS` characters or more."""
    if opening and len(text) >= SLICED_OPEN_CHARS:
        return True
    breaks = text.count("\n")
    if breaks < SLICED_PASTE_LINES:
        breaks += text.count("\r") + text.count("\u2029")
    return breaks >= SLICED_PASTE_LINES


class SlicedPaste(QObject):
    """One paste of ``text`` (any line breaks, `line_endings`) going in at ``cursor`` (a cursor of
    its own, over the selection it replaces) through ``insert``, a slice of whole lines
    at each turn of the event loop. ``progressed`` gives the percent of the characters
    in so far (0-100); ``done`` is emitted once, when all of it is in (by the event
    loop or by `finish`)."""

    progressed = Signal(int)
    done = Signal()

    def __init__(self, text: str, cursor: QTextCursor, insert: Insert, parent: QObject) -> None:
        super().__init__(parent)
        self._text = text
        self._length = len(text)
        self._cursor = cursor
        self._insert = insert
        self._at = 0  # characters in so far
        self._slice = _FIRST_SLICE
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    @property
    def length(self) -> int:
        """How many characters the whole paste puts in."""
        return self._length

    @property
    def cursor(self) -> QTextCursor:
        """The paste's own cursor: at the end of what is in so far."""
        return self._cursor

    def start(self) -> None:
        """Insert the first slice now (an edit block of its own, replacing the
        selection) and the rest from the event loop."""
        self._put(self._slice_end(), join=False)
        self._after_slice()

    def finish(self) -> None:
        """Insert everything not yet in, now, in the same undo step; no-op when done."""
        if self._finished:
            return
        self._timer.stop()
        self._put(len(self._text), join=True)
        self._after_slice()

    def stop(self) -> None:
        """Put in nothing more (what is in stays); ``done`` is never emitted."""
        self._timer.stop()
        self._finished = True
        self._text = ""

    def _next(self) -> None:
        if self._finished:
            return
        started, at = time.perf_counter(), self._at
        self._put(self._slice_end(), join=True)
        took_ms = (time.perf_counter() - started) * 1000
        # The next slice's size, so that it takes about SLICE_MS here and now.
        wanted = (self._at - at) * SLICE_MS / max(took_ms, 0.1)
        self._slice = int(min(max(wanted, _FEWEST), _MOST))
        self._after_slice()

    def _slice_end(self) -> int:
        """Where the next slice ends: just past the first line break after about
        ``_slice`` characters (a ``\\r\\n`` whole), or, where none comes within
        another ``_slice`` characters, inside the line after ``_slice`` characters
        (never between a ``\\r`` and its ``\\n``); at most the end of the text."""
        text, cut = self._text, self._at + self._slice
        if cut >= len(text):
            return len(text)
        window = cut + self._slice
        found = LINE_BREAK.search(text, cut, window)
        if found is not None and not (found.end() == window and found[0] == "\r"):
            return found.end()
        if text[cut - 1] == "\r" and text[cut] == "\n":
            cut += 1
        return cut

    def _put(self, end: int, *, join: bool) -> None:
        self._insert(self._cursor, self._text[self._at : end], join)
        self._at = end

    def _after_slice(self) -> None:
        total = len(self._text)
        self.progressed.emit(100 if self._at >= total else self._at * 100 // total)
        if self._at >= total:
            self._finished = True
            self._text = ""
            self.done.emit()
        else:
            self._timer.start()

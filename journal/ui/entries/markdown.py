"""The entry editor: plain text that is Markdown, highlighted as it is typed.

What is stored is exactly the text on the screen (``markdown()``), so a
character typed or pasted can never turn into markup and markup can never eat
a character: ``> ``, ``_``, ``~~``, a leading tab or ``#grief`` stay what they
are. Formatting (bold, italics, headings, lists, quotes) is made of visible
Markdown markers that the toolbar and shortcuts insert or take away; a
``QSyntaxHighlighter`` shows them (markers dimmed, bold bold, headings
larger). Line breaks are kept as they came: a pasted ``\\r\\n``, lone ``\\r`` or
Unicode paragraph separator is shown as a line break and stored as itself
(`line_endings`); Enter types ``\\n``.

Costs grow with the text, never faster: reading the text out is one pass,
highlighting touches only the lines that changed, and a line longer than
``HIGHLIGHT_LIMIT`` is shown plain. A line longer than ``LONG_LINE`` is held in
pieces (see `long_lines`), so a key costs the same in any paragraph; the text
read out is still exactly what was typed. The size limit is checked on exactly
what would be stored, before anything is inserted: a paste or a keystroke that
would not fit is refused kindly and changes nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import SIGNAL, SLOT, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.entries.entry import MAX_BODY_CHARS, check_entry_length
from journal.domain.entries.list_items import item_marks, next_marks, renumbered, without_item
from journal.domain.entries.markup import (
    CODE,
    HEADING,
    INLINE,
    MARKED_LIMIT,
    QUOTE,
    hidden,
    inline_spans,
    line_start,
    mask_escapes,
    style_spans,
    words_start,
)
from journal.domain.safekeeping.shown_html import as_shown
from journal.ui.common.accessibility import announce
from journal.ui.common.exact_copy import pasted_text
from journal.ui.common.flow import flow_row
from journal.ui.common.keys_held import is_typed_text
from journal.ui.common.undo_said import difference, say_step, say_text, says_own_undo
from journal.ui.common.undo_steps import end_word_step
from journal.ui.common.utf16 import (
    index_of_unit,
    keep_caret_between_characters,
    slice_units,
    unit_length,
    unit_offsets,
)
from journal.ui.common.widgets import follow_text_size, qt_text
from journal.ui.entries.as_written import holds_markers
from journal.ui.entries.line_endings import (
    crlf_made,
    ending_before,
    ending_format,
    has_other_breaks,
    line_breaks,
    split_breaks,
)
from journal.ui.entries.long_lines import (
    LONG_LINE,
    SEPARATOR,
    SoftBreaks,
    cuts_a_character,
    is_soft,
    join_blocks,
    remove_keeping_format,
    split_block,
)
from journal.ui.entries.pasting import SlicedPaste, sliced
from journal.ui.entries.recolour import Recolouring

log = logging.getLogger(__name__)

PARAGRAPH_SEPARATOR = SEPARATOR  # how QTextDocument separates blocks internally
HIGHLIGHT_LIMIT = MARKED_LIMIT  # characters in one line; longer lines are shown plain
_LONG_LINE_IN = re.compile(rf"(?m)^[^\n]{{{LONG_LINE + 1},}}")
# How much larger a heading line is drawn than the editor's words, in Qt's steps of a
# size relative to the document's font (`QTextFormat.FontSizeAdjustment`: +1 is 1.2
# times, +2 is 1.5 times, +3 twice), the sizes a web browser gives h1-h3: Qt sizes
# them anew from the font whenever the text size changes, so nothing is highlighted
# again for it (break test 9 of session 7, F4: a 1.9-million-character entry took
# seconds to highlight again at every change).
HEADING_STEPS = {1: 3, 2: 2, 3: 1}

_MARKS = {  # formatting -> the mark on its button, and how the mark is drawn
    "bold": ("B", "bold"),
    "italic": ("I", "italic"),
    "heading": ("H", "bold"),
    "bullets": ("\u2022", ""),  # •
    "numbers": ("1.", ""),
    "quote": ("\u201c", "bold"),  # “
}
_BULLET = "- "
_QUOTE_MARK = "> "
_HEADING_MARK = "## "
_NUMBERED = re.compile(r"^\d{1,9}[.)] ")
# A line with none of these has nothing to highlight: most lines of prose. Checked
# first, one search, so a paste of a million short lines costs no Python per line
# beyond it (break test 9 of session 10, finding 4: a minute's freeze).
# A digit matters only as a numbered item's ``1.`` or ``1)`` (domain markup's LIST):
# a line that merely starts with a digit ("000123 miss", a date) is prose.
_MAY_BE_MARKED = re.compile(r"[#>*+\-_~`\\]|^[ \t]*\d{1,9}[.)]")
_BULLET_LINE = re.compile(r"^[ \t]*[-*+] ")
# The same, over many lines at once: where a line that may be marked starts.
_MAY_BE_MARKED_LINE = re.compile(r"(?m)^[^\n]*?[#>*+\-_~`\\]|^[ \t]*\d{1,9}[.)]")
# A paste of this many lines or more is highlighted only where a marker may be.
QUIET_PASTE_LINES = 1_000


def line_numbers(text: str, starts: Iterator[int]) -> list[int]:
    """The line number (from 0, lines split at ``\\n``) of each position in ``starts``
    (ascending), counted in one pass over ``text``."""
    numbers, line, counted = [], 0, 0
    for start in starts:
        line += text.count("\n", counted, start)
        counted = start
        numbers.append(line)
    return numbers


# QSyntaxHighlighter's own connection to its document: every change is highlighted.
_CHANGED, _REFORMAT = "contentsChange(int,int,int)", "_q_reformatBlocks(int,int,int)"


#: Each inline style's bit in the highlighter's per-character flags, in ``INLINE``'s
#: order (bold 1, italic 2, strike 4).
_STYLE_BITS = {name: 1 << bit for bit, (_pattern, name) in enumerate(INLINE)}


@dataclass(frozen=True, slots=True)
class PasteStep:
    """An undo step that pasted many lines: how many characters, and whether it made
    pieces of long lines (`long_lines`)."""

    characters: int
    pieces: bool


class MarkdownHighlighter(QSyntaxHighlighter):
    """Shows Markdown as it is typed, one line at a time, without changing a character.

    ``long_line_marked`` is emitted the first time since `told_as_written` was reset
    that a line shown as written (longer than ``HIGHLIGHT_LIMIT``) holds markers."""

    long_line_marked = Signal()

    def __init__(self, document: QTextDocument, editor: QPlainTextEdit) -> None:
        super().__init__(document)
        self._editor = editor
        # While a big paste goes in (`quiet`): only the lines a marker may be on are
        # highlighted afterwards (`MarkdownEditor.insert_at`).
        self.paused = False
        # A line shown as written with markers in it was met since the entry was loaded.
        self.told_as_written = False

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """While a big paste goes in: Qt asks the highlighter nothing about the new lines.
        QSyntaxHighlighter answers every change of the document through its own slot,
        which called `highlightBlock` (a call from C++ into Python) once per line: two
        thirds of Qt's time in a 166,000-line paste. The slot is taken off the
        document's ``contentsChange`` meanwhile, and put back after; should Qt have no
        such slot, `highlightBlock` returns at once instead."""
        document = self.document()
        detached = QObject.disconnect(document, SIGNAL(_CHANGED), self, SLOT(_REFORMAT))
        self.paused = True
        try:
            yield
        finally:
            self.paused = False
            if detached:
                QObject.connect(document, SIGNAL(_CHANGED), self, SLOT(_REFORMAT))

    def _format(
        self,
        *,
        bold: bool = False,
        italic: bool = False,
        dim: bool = False,
        strike: bool = False,
        larger: int = 0,
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if italic:
            fmt.setFontItalic(True)
        if strike:
            fmt.setFontStrikeOut(True)
        if dim:
            fmt.setForeground(self._dim_colour())
        if larger:
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, larger)
        return fmt

    def _dim_colour(self) -> QColor:
        return self._editor.palette().color(QPalette.ColorRole.PlaceholderText)

    def highlightBlock(self, text: str) -> None:
        if self.paused or not text:
            return
        block = self.currentBlock()
        if len(text) > HIGHLIGHT_LIMIT or in_pieces(block):
            # Shown as written: said once an entry when it holds what would be
            # formatting in a short line (`as_written`); a piece of it costs one pass.
            if not self.told_as_written and holds_markers(text, line_start=not is_soft(block)):
                self.told_as_written = True
                self.long_line_marked.emit()
            return
        if not _MAY_BE_MARKED.search(text):
            return
        at = unit_offsets(text)  # Python indices to Qt's (UTF-16) positions

        def style(start: int, end: int, fmt: QTextCharFormat) -> None:
            self.setFormat(at[start], at[end] - at[start], fmt)

        start = line_start(text)  # the one set of line rules (domain markup)
        if start.level:
            style(0, len(text), self._format(bold=True, larger=HEADING_STEPS.get(start.level, 0)))
            style(0, start.marks, self._format(bold=True, dim=True))
        elif start.quote:
            style(0, len(text), self._format(italic=True))
            style(0, start.marks, self._format(dim=True))
        if start.item:
            style(*start.item, self._format(dim=True))
        masked = mask_escapes(text)  # escaped punctuation is never a marker
        # Inline styles add up (bold inside italic, "***x***": bold italic; bold in a
        # heading keeps its size): each character's styles are gathered, then each run
        # of the same styles is set once (break test 9 of session 14, finding 3).
        styles: list[int] | None = None
        for name, begin, end, width in inline_spans(masked):
            if styles is None:
                styles = [0] * len(text)
            for index in range(begin + width, end - width):
                styles[index] |= _STYLE_BITS[name]
        if styles is not None:
            heading, quote = bool(start.level), start.quote and not start.level
            larger = HEADING_STEPS.get(start.level, 0) if start.level else 0
            index = 0
            for flags, run in groupby(styles):
                length = sum(1 for _ in run)
                if flags:
                    fmt = self._format(
                        bold=heading or bool(flags & 1),
                        italic=quote or bool(flags & 2),
                        strike=bool(flags & 4),
                        larger=larger,
                    )
                    style(index, index + length, fmt)
                index += length
        if "`" in text:
            for match in CODE.finditer(masked):
                fmt = self.format(at[match.start()])
                fmt.setFontFixedPitch(True)
                fmt.setFontFamilies(["monospace"])
                style(match.start(), match.end(), fmt)
        # Every marker (`hidden`: inline markers, code spans' backticks, escaping
        # backslashes, line-start markers) is dimmed last, keeping the style of the span
        # it sits in (an italic's "_" inside "~~…~~").
        for position in hidden(text):
            kept = self.format(at[position])
            kept.setForeground(self._dim_colour())
            style(position, position + 1, kept)


def _reads_as(line: str, wrapped: str, marker: str) -> bool:
    """Whether a CommonMark reader (Qt's md4c, as any viewer of the export) reads
    ``wrapped`` (``line`` with one more pair of ``marker``) as ``line`` with more of it
    bold (``**``) or italic (``*``), and no marker left over as a character. Both
    are read as the export writes them (`shown_html.as_shown`)."""
    plain, marked = QTextDocument(), QTextDocument()
    # As the export writes them: what the editor shows as text escaped (N4).
    plain.setMarkdown(as_shown(line))
    marked.setMarkdown(as_shown(wrapped))
    if marked.toRawText() != plain.toRawText():
        return False  # a marker left over, or pairing with another one
    return _styled_count(marked, marker) > _styled_count(plain, marker)


def _styled_count(document: QTextDocument, marker: str) -> int:
    """How many characters of ``document`` are bold (``**``) or italic (``*``)."""
    count = 0
    block = document.firstBlock()
    while block.isValid():
        for fragment in _fragments(block):
            fmt = fragment.charFormat()
            if fmt.fontWeight() >= QFont.Weight.Bold if len(marker) == 2 else fmt.fontItalic():
                count += fragment.length()
        block = block.next()
    return count


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    return fragments


def _is_low_surrogate(char: str) -> bool:
    return bool(char) and "\udc00" <= char[0] <= "\udfff"


def in_pieces(block: QTextBlock) -> bool:
    """Whether ``block`` is a piece of a line too long for one block (shown plain, like
    every line longer than ``HIGHLIGHT_LIMIT``)."""
    return is_soft(block) or is_soft(block.next())


def shown_plain(block: QTextBlock, adding: int = 0) -> bool:
    """Whether the line of ``block``, once ``adding`` characters of markers are put in
    it, is too long for its markers to be read (longer than ``HIGHLIGHT_LIMIT``, or
    held in pieces): the editor, the list row and Together show it as written, so
    formatting is refused there (`TOO_LONG_TO_FORMAT`; break test 9 of session 14,
    finding 4). The length is the one after the markers (break test 9 of session 15,
    finding 3: a paragraph of 3,997-4,000 characters took them and passed the limit)."""
    return block.length() - 1 + adding > HIGHLIGHT_LIMIT or in_pieces(block)


_LINE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
LEAVING_THE_TEXT = (
    "Tab types a tab. To move on, press Control+Tab (Control+Shift+Tab goes back), "
    "or Escape and then Tab."
)


def cannot_format(marks: str) -> str:
    """The refusal of bold or italic around words that start or end with one of
    ``marks`` (each a character, "*" or "_"), naming exactly those (break test 9 of
    session 19, finding 6: a "- >" was called "a * or _"). Short, under the entry."""
    named = " or ".join(f"“{mark}”" for mark in dict.fromkeys(marks))
    return (
        "Nothing was changed: bold or italic needs words that start and end with a letter "
        f"or a number, not {named}."
    )


CANNOT_FORMAT = cannot_format("*")
# Bold and italic each have two markers; the other is used where only it formats.
_OTHER_MARKER = {"**": "__", "*": "_"}
# A "*", "_", "~" or "`" right beside the chosen words would pair with the new markers.
BESIDE_MARKS = (
    "Nothing was changed: the {mark} right beside these words would be read with new "
    "markers. Choose it too, or put a space between."
)
NOT_READ_AS_FORMAT = (
    "Nothing was changed: these words would not be shown bold or italic where they are."
)
# A line longer than ``HIGHLIGHT_LIMIT`` is shown plain everywhere (the editor, a list
# row, Together), so a marker put in there would show as a character: refused instead.
IN_CODE = (  # the words are in a code span: shown exactly as written, markers too
    "Nothing was changed: words between backticks (`) are shown exactly as written, "
    "so they cannot be bold or italic."
)
TOO_LONG_TO_FORMAT = (
    "Nothing was changed: this paragraph is too long to format. Split it with Enter first."
)
NOTHING_TO_FORMAT = "Choose the words to make bold or italic first, or put the cursor in a word."
ESCAPED = "Press Tab to move on from the text, or keep writing."


def cannot_start_here(name: str) -> str:
    """Said when ``name`` ("Italic") cannot begin at the caret for what is typed next,
    its marks touching the text before it ("quiet|" for italic, "**walk**|"): the
    general "Choose the words… or put the cursor in a word" was said with the cursor
    at a word, where Ctrl+B had just worked (break test 15 of session 29, F12)."""
    return (
        f"{name} cannot begin right here, against the text before it. Type a space "
        f"first, or choose the words to make {name.lower()}."
    )


_FORMAT_NAMES = {"**": "Bold", "*": "Italic"}
LIST_ENDED = "List ended"  # said when Enter on an empty item takes its marker off
QUOTE_ENDED = "Quote ended"
WHAT_COMES_NEXT = "what you type next"  # said as "Bold: what you type next"


def _after_taking_off(caret: int, found: tuple[int, int], width: int) -> int:
    """Where the caret at position ``caret`` is once the markers (``width`` characters
    each) at the outer positions ``found`` are taken off: at the same character of
    the text, or at its edge when it was among the markers."""
    first, last = found
    if caret <= first:
        return caret
    if caret <= first + width:
        return first
    if caret <= last - width:
        return caret - width
    if caret <= last:
        return last - 2 * width
    return caret - 2 * width


def _within(span: tuple[int, int, int], start: int, end: int) -> bool:
    """Whether the cursor (``start == end``) is in the marked text of ``span`` (start,
    end, marker width: `style_spans`), between its markers, or the selection lies
    inside the marked span, markers included."""
    first, last, width = span
    if start == end:
        return first + width <= start <= last - width
    return first <= start and end <= last


ANYWHERE = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
_UNDO, _REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo


class FormatButton(QToolButton):
    """A toolbar button of a formatting action ("Bold", …): pressed while that
    formatting is on at the cursor. A click (or Space) asks for the action; the
    button never flips itself, its state follows the text (`MarkdownEditor`), so it
    changes once, and only when the formatting changed."""

    def __init__(self, action: QAction, mark: str, look: str = "") -> None:
        super().__init__()
        # The mark a writing app shows for it ("B", "“"), not the word: six words
        # took two or three rows above the text at 150 % and 200 % text, and on a
        # 1024x600 screen the words were left a fifth of the height (issue 10). The
        # word is its name (heard, and what speech input says) and its tooltip.
        self.setText(mark)
        self.setAccessibleName(action.text())
        self.setToolTip(action.toolTip())
        if look:  # "bold" or "italic": the mark drawn so, at the app's text size
            font = QFont(self.font())
            font.setBold(look == "bold")
            font.setItalic(look == "italic")
            self.setFont(font)
            follow_text_size(self, 1.0)
        self.setCheckable(True)
        self.setAutoRaise(True)
        # Qt keeps toolbar buttons out of the Tab order; these are reached by Tab too
        # (a click still leaves the focus in the words).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clicked.connect(action.trigger)

    def nextCheckState(self) -> None:
        """A click does not press the button: the formatting it asks for does."""

    def sizeHint(self) -> QSize:
        """At least as wide as it is tall: a mark of one letter is still an easy target."""
        size = super().sizeHint()
        return size.expandedTo(QSize(size.height(), 0))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def _plain_deletion(event: QKeyEvent) -> bool:
    """Whether ``event`` deletes one character as Backspace or Delete do, whatever the
    key (the callers look at it): no modifier but the keypad's, or Shift with Backspace,
    which Qt takes as Backspace (Shift+Delete cuts). Shift+Backspace at a piece's edge
    did nothing where Backspace deleted (break test 42, F3)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Backspace:
        modifiers &= ~Qt.KeyboardModifier.ShiftModifier
    return modifiers == Qt.KeyboardModifier.NoModifier


class MarkdownEditor(QPlainTextEdit):
    """A plain-text editor for an entry's Markdown body, with formatting actions."""

    refused = Signal(str)  # a kind message: the paste or keystroke would not fit
    paste_progress = Signal(int)  # percent of a paste of many lines in so far (`pasting`)
    # Once an entry: a paragraph too long to highlight holds markers (`as_written`).
    shown_as_written = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Characters typed or pasted that were refused because the entry would not
        #: hold them (`_refuse_if_too_long`), since this editor was made (the journal
        #: opened): the lock says them (`not_added_words`), never "everything saved".
        self.refused_characters = 0
        says_own_undo(self)  # a word at a time, said from the document's own changes
        # The document is made here and kept for the editor's whole life (its Qt
        # parent, and this Python reference): never one Qt made and Python found by
        # its address, which another object can have had (see long_lines).
        self._document = QTextDocument(self)
        self._document.setDocumentLayout(QPlainTextDocumentLayout(self._document))
        self.setDocument(self._document)
        # Tab types a tab, as in every editor people write in; Ctrl+Tab and
        # Ctrl+Shift+Tab leave the text (Shift+Tab too), and so does Tab right after
        # Escape. The accessible description says so, and Escape announces it.
        self.setTabChangesFocus(False)
        self._tab_leaves = False  # Escape was the last key: the next Tab leaves
        # Wrap at spaces, and inside a word longer than the view (no sideways scroll
        # bar, the caret always in view). Breaking inside words is quadratic in the
        # length of a block (minutes for a 2-million-character run without a
        # space), so it is on only while every block is short: long lines are held
        # in pieces of about PIECE characters (long_lines), and an entry is loaded
        # with spaces-only wrapping first (see `set_markdown`).
        self.setWordWrapMode(ANYWHERE)
        self.setAccessibleName("Entry text")
        self.setAccessibleDescription(LEAVING_THE_TEXT)
        self.setPlaceholderText(
            "Write whatever you like. Nothing here is shared unless you say so."
        )
        self.highlighter = MarkdownHighlighter(self._document, self)
        self.highlighter.long_line_marked.connect(self.shown_as_written)
        self.recolouring = Recolouring(self, self.highlighter)  # a new theme, a screen at a time
        self.soft_breaks = SoftBreaks(self)
        self._paste: SlicedPaste | None = None  # a paste of many lines going in
        # An entry of many lines being opened (`set_markdown`): its text, stored form.
        self._opening: str | None = None
        self._held: list[QKeyEvent | QInputMethodEvent] = []  # keys typed meanwhile
        self._paste_start = 0  # where that paste went in
        self._paste_pieces = 0  # how many pieces of long lines were made before it
        self._undone_pastes: dict[int, int] = {}  # steps left after undoing one -> its own
        self._other_breaks = False  # a break other than "\n" came in (`line_endings`)
        # The last deletion `_delete_in_one_step` made: the caret it left and the
        # document's revision then (a run of them is one undo step).
        self._deletion_run: tuple[int, int] | None = None
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
            ("bold", "Bold", QKeySequence.StandardKey.Bold, self.toggle_bold),
            ("italic", "Italic", QKeySequence.StandardKey.Italic, self.toggle_italic),
            ("heading", "Heading", QKeySequence("Ctrl+Shift+H"), self.toggle_heading),
            ("bullets", "Bulleted list", QKeySequence("Ctrl+Shift+8"), self.toggle_bullets),
            ("numbers", "Numbered list", QKeySequence("Ctrl+Shift+7"), self.toggle_numbers),
            ("quote", "Quote", QKeySequence("Ctrl+Shift+Q"), self.toggle_quote),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            # Not checkable: Qt flips a checkable action (and its button) before the
            # formatting is tried, so one Ctrl+B was heard checked, unchecked, checked,
            # and checked where nothing changed. Its button shows what the text says.
            action.triggered.connect(lambda _checked=False, slot=slot: self._format(slot))
            self.addAction(action)
            self.actions_by_name[name] = action
        self._buttons: dict[str, FormatButton] = {}
        # Formatting steps by the undo step they end at (QTextDocument's
        # availableUndoSteps right after them): (name, words said, turned on).
        self._format_steps: dict[int, tuple[str, str, bool]] = {}
        # And where the caret (anchor, position) was before and after each of them:
        # its undo and redo put it back there (`_step`).
        self._format_carets: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}
        # The undo steps that are a paste of many lines (`QUIET_PASTE_LINES` or more),
        # by Qt's count of undo steps with it done (`availableUndoSteps`): what it was.
        # Undo and redo of one are done without a call into Python per line (`_big_step`).
        self._paste_steps: dict[int, PasteStep] = {}
        self._document.undoCommandAdded.connect(self._forget_format_steps)
        self._formatting = False  # a formatting edit is under way: its button waits
        self.cursorPositionChanged.connect(self._show_formatting)
        self.textChanged.connect(self._show_formatting)
        self._show_formatting()
        self.textChanged.connect(self._forget_found)

    def formatting_at_cursor(self) -> set[str]:
        """The formatting on at the cursor, by action name ("bold", "italic", "heading",
        "bullets", "numbers", "quote"), read from the Markdown markers around it."""
        cursor = self.textCursor()
        block = cursor.block()
        if shown_plain(block):
            return set()
        text = block.text()
        on = set()
        for name, pattern in (
            ("heading", HEADING),
            ("quote", QUOTE),
            ("bullets", _BULLET_LINE),
            ("numbers", _NUMBERED),
        ):
            if pattern.match(text):
                on.add(name)
        start = index_of_unit(text, cursor.selectionStart() - block.position())
        end = index_of_unit(text, cursor.selectionEnd() - block.position())
        for name in ("bold", "italic"):
            if any(_within(span, start, end) for span in style_spans(name, mask_escapes(text))):
                on.add(name)
        if not cursor.hasSelection():  # on for what is typed next (`_format_what_comes`)
            for name, marker in (("bold", "**"), ("italic", "*")):
                if self.empty_pair_at(cursor.position(), marker):
                    on.add(name)
        return on

    def _format(self, edit: Callable[[], None]) -> None:
        """Make one formatting edit (a toolbar button or its shortcut), then show the
        formatting at the cursor once: the buttons change once, and only when the
        formatting there really changed (not at each step of the edit)."""
        self.finish_paste()
        before = self._caret()
        steps = self._document.availableUndoSteps()
        self._formatting = True
        try:
            edit()
        finally:
            self._formatting = False
        step = self._document.availableUndoSteps()
        if step != steps and step in self._format_steps:
            self._format_carets[step] = (before, self._caret())
        self._show_formatting()

    def _caret(self) -> tuple[int, int]:
        """The caret as (anchor, position): the selection's two ends, or twice the caret."""
        cursor = self.textCursor()
        return cursor.anchor(), cursor.position()

    def _place_caret(self, caret: tuple[int, int]) -> None:
        """Put the caret (and the selection) back as `_caret` read it."""
        last = self._document.characterCount() - 1
        anchor, position = (min(max(at, 0), last) for at in caret)
        cursor = self.textCursor()
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _show_formatting(self) -> None:
        if self._formatting:
            return
        on = self.formatting_at_cursor()
        for name, button in self._buttons.items():
            if button.isChecked() != (name in on):
                button.setChecked(name in on)

    def button(self, name: str) -> FormatButton:
        """The toolbar button of the formatting ``name`` ("bold", …; see `toolbar`)."""
        return self._buttons[name]

    def toolbar(self, trailing: tuple[QWidget, ...] = ()) -> QWidget:
        """The formatting buttons, pressed where their formatting is on at the cursor,
        in a row that wraps, with ``trailing`` widgets at its right end (sharing its
        rows): every button shown and a Tab stop at any width and text size. (A
        QToolBar put the last ones behind an overflow button that Qt left disabled and
        out of the Tab order: break test 15 of session 9, finding 11.)"""
        buttons = []
        for name, action in self.actions_by_name.items():
            button = FormatButton(action, *_MARKS[name])
            self._buttons[name] = button
            buttons.append(button)
        bar = flow_row(*buttons, trailing=trailing)
        bar.setObjectName("formatting")
        bar.setAccessibleName("Formatting")
        self._show_formatting()
        return bar

    # the text, exactly --------------------------------------------------------------
    def markdown(self) -> str:
        """The text exactly as shown (one pass over it): what is stored. A paste still
        going in is finished first (`finish_paste`): a part of one is never stored."""
        if self._opening is not None and not self._held:
            return self._opening  # all of it, as it will be shown: nothing typed yet
        self.finish_paste()
        raw = self.document().toRawText()
        breaks = self._breaks()
        if not breaks:
            return raw.replace(PARAGRAPH_SEPARATOR, "\n")
        return join_blocks(raw.split(PARAGRAPH_SEPARATOR), breaks)

    def setTextCursor(self, cursor: QTextCursor) -> None:
        """Qt's, with neither end of the caret left inside a surrogate pair
        (`utf16.keep_caret_between_characters`: a piece of a long line placed from
        Python's text split a character)."""
        super().setTextCursor(cursor)
        keep_caret_between_characters(self)

    def _breaks(self) -> list[tuple[int, str]]:
        """The blocks (by number, ascending) whose break before them is not ``\\n``,
        with it: the pieces of long lines (``""``), found without walking the blocks
        unless a break other than ``\\n`` ever came in (then one pass reads them all,
        `line_endings.line_breaks`)."""
        if self._other_breaks:
            return line_breaks(self.document())
        return [(number, "") for number in self.soft_breaks.numbers()]

    def selected_text(self) -> str:
        """The selection exactly as it would be stored (pieces of a line joined)."""
        cursor = self.textCursor()
        selected = cursor.selectedText()
        if PARAGRAPH_SEPARATOR not in selected:
            return selected
        first = self.document().findBlock(cursor.selectionStart()).blockNumber()
        return join_blocks(selected.split(PARAGRAPH_SEPARATOR), self._breaks(), first)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy, cut and drag give the exact text (Qt's own copy turns no-break spaces
        into spaces and would add a line break between the pieces of a long line)."""
        data = QMimeData()
        data.setText(qt_text(self.selected_text()))
        return data

    # How many places of a found word are highlighted at most (a common word in a
    # long entry would otherwise cost a selection each).
    FOUND_LIMIT = 200

    def show_found(self, words: list[str]) -> bool:
        """Scroll to the first place any of ``words`` is written (the first word that
        is found at all, case-insensitively) and highlight every place it is, as a
        search result is opened. The caret goes to its start with nothing selected, so
        a key typed next cannot replace it. False when none is found. The highlight
        goes at the next change of the text."""
        self.finish_paste()  # found anywhere in it, not only in what is in so far
        document = self.document()
        for word in words:
            if not word.strip():
                continue
            found = document.find(qt_text(word), 0)
            if found.isNull():
                continue
            highlight = QTextCharFormat()
            highlight.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
            highlight.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
            highlight.setFontUnderline(True)  # not by colour alone
            selections: list[QTextEdit.ExtraSelection] = []
            place = found
            while not place.isNull() and len(selections) < self.FOUND_LIMIT:
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = QTextCursor(place), highlight
                selections.append(selection)
                place = document.find(qt_text(word), place)
            self.setExtraSelections(selections)
            caret = QTextCursor(document)
            caret.setPosition(found.selectionStart())
            self.setTextCursor(caret)
            self.centerCursor()
            announce(self, f"Found {quoted(word)} in this entry.")
            return True
        return False

    def found_places(self) -> list[str]:
        """The text of each place highlighted by `show_found` (for tests and readers)."""
        return [selection.cursor.selectedText() for selection in self.extraSelections()]

    def _forget_found(self) -> None:
        if self.extraSelections():
            self.setExtraSelections([])

    def set_markdown(self, text: str) -> None:
        """Load an entry: a fresh undo history that cannot reach the previous one.

        The text shown is then exactly ``text`` (each line break as itself): should
        holding its long lines in pieces fail, or give anything else back, it is
        loaded again in whole lines (slower to type into, never different).

        An entry of many lines, or of many characters in any lines (`sliced`), goes
        in a slice at a time from the event loop, as a paste does (`_open_sliced`):
        the window answers meanwhile."""
        self._drop_opening()
        self.finish_paste()
        self.highlighter.told_as_written = False  # said again for this entry
        if sliced(text, opening=True):
            self._open_sliced(text)
            return
        self.setUndoRedoEnabled(False)
        # The whole text arrives as whole lines before they are cut into pieces:
        # laid out with breaks inside words, a long one would take minutes.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        exact = False
        try:
            try:
                self._load(text, in_pieces=True)
                exact = self.markdown() == text
            except RuntimeError as error:  # a Qt object deleted behind Python's back
                log.error("a long line could not be held in pieces: %s", error)
                exact = False
            if not exact:
                self._load(text, in_pieces=False)
        finally:
            self.setUndoRedoEnabled(True)
        if exact:  # every block is short: a word wider than the view wraps too
            self.setWordWrapMode(ANYWHERE)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()

    @property
    def opening(self) -> bool:
        """Whether an entry of many lines is still going in (`set_markdown`)."""
        return self._opening is not None

    def _open_sliced(self, text: str) -> None:
        """Put ``text`` (as stored, many lines) in a slice at a time, from an empty
        editor with no undo history (break test 9 of session 15, finding 11: opening a
        166,000-line entry froze the window 16-19 s each time). `paste_progress` gives
        its percent; keys typed meanwhile wait and go in after it; `markdown` gives
        the whole text meanwhile without waiting for it."""
        self.setUndoRedoEnabled(False)
        self._load("", in_pieces=False)
        # Wrapping inside words stays on: every slice goes in as an edit block whose
        # long lines are in pieces before Qt lays anything out (`insert_at`), so no
        # block is ever laid out long; turning it on at the end laid out the whole
        # entry again in one go (about 0.1 s at 2M characters).
        self.setWordWrapMode(ANYWHERE)
        self._opening = text
        loading = SlicedPaste(text, QTextCursor(self._document), self.insert_at, self)
        loading.progressed.connect(self.paste_progress)
        loading.done.connect(self._opened)
        self._paste = loading
        loading.start()

    def _opened(self) -> None:
        """The whole entry is in: checked exact (else loaded again in whole lines, as
        `set_markdown`), a fresh undo history, the caret at the end, and the keys
        typed meanwhile go in."""
        loading, self._paste = self._paste, None
        text, self._opening = self._opening, None
        if loading is None or text is None:
            return
        loading.deleteLater()
        exact = self.markdown() == text
        if not exact:  # whole lines, laid out with spaces-only wrapping (`set_markdown`)
            self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
            self._load(text, in_pieces=False)
        self.setUndoRedoEnabled(True)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()
        self._type_held()

    def _drop_opening(self) -> None:
        """Stop an entry still going in, without putting in the rest (another entry
        is shown, or the editor is emptied): nothing of it was changed."""
        if self._opening is None or self._paste is None:
            return
        loading, self._paste, self._opening = self._paste, None, None
        loading.stop()
        loading.deleteLater()
        self._held = []
        self.setUndoRedoEnabled(True)

    def _load(self, text: str, *, in_pieces: bool) -> None:
        self.soft_breaks.forget()
        self.soft_breaks.quiet = True
        try:
            lines, breaks = split_breaks(text)  # one a block, as Qt reads them
            self._other_breaks = has_other_breaks(text)
            if self._other_breaks:
                self.clear()
                self._put_lines(QTextCursor(self._document), lines, breaks)
            else:
                self.setPlainText(qt_text(text))
            long = [number for number, line in enumerate(lines) if len(line) > LONG_LINE]
            if long and in_pieces:
                cursor = QTextCursor(self._document)
                cursor.beginEditBlock()
                try:
                    self._split_blocks(cursor, long)
                finally:
                    cursor.endEditBlock()
        finally:
            self.soft_breaks.quiet = False

    def forget(self) -> None:
        """Empty the editor and its undo stack (a paste still going in is finished
        first: its cursor never writes into what comes next; an entry still being
        opened is only stopped)."""
        self._drop_opening()
        self.finish_paste()
        self.setUndoRedoEnabled(False)
        self.clear()
        self.highlighter.told_as_written = False
        self.soft_breaks.forget()
        self._other_breaks = False
        self.setUndoRedoEnabled(True)

    # making blocks: typed and pasted line breaks, and long lines in pieces ------------
    def _split_blocks(self, cursor: QTextCursor, numbers: list[int]) -> None:
        """Split the blocks numbered ``numbers`` (before any split) that are too long."""
        document = self.document()
        for number in sorted(set(numbers), reverse=True):  # later blocks keep their numbers
            block = document.findBlockByNumber(number)
            if block.isValid() and block.length() - 1 > LONG_LINE:
                for position in split_block(cursor, block):
                    self.soft_breaks.remember(position)

    def insert_lines(self, text: str) -> None:
        """Insert ``text`` at the cursor, over the selection, as one undo step: each line
        break (any of `line_endings`, kept as itself) starts a line; long lines go in
        pieces."""
        cursor = self.textCursor()
        start = cursor.selectionStart()
        pieces = self.soft_breaks.made
        self.insert_at(cursor, text, False)
        self.setTextCursor(cursor)
        self._as_read_back(start)
        if text.count("\n") + text.count("\r") + text.count("\u2029") >= QUIET_PASTE_LINES:
            self._note_paste_step(len(text), self.soft_breaks.made > pieces)

    def _note_paste_step(self, characters: int, pieces: bool) -> None:
        """The undo step just made pasted many lines (see ``_paste_steps``)."""
        self._paste_steps[self._document.availableUndoSteps()] = PasteStep(characters, pieces)

    def insert_at(self, cursor: QTextCursor, text: str, join: bool) -> None:
        """Insert ``text`` at ``cursor``, over its selection, as an undo step of its own,
        or, with ``join``, as part of the step before (a slice of a big paste,
        `pasting`); ``cursor`` ends after the text. Each line break (any of
        `line_endings`, kept as itself) starts a line; long lines go in pieces."""
        lines, breaks = split_breaks(text)
        if has_other_breaks(text):
            self._other_breaks = True
            text = "\n".join(lines)  # where lines start, read as for "\n" alone
        # Lines past LONG_LINE, found by one search (not a Python step per line).
        long = (
            line_numbers(text, (m.start() for m in _LONG_LINE_IN.finditer(text)))
            if len(text) > LONG_LINE
            else []
        )
        # A big paste of plain lines: the highlighter is asked nothing per line (a
        # Python call and a search each: a fifth of a 166,000-line paste), and only the
        # lines that may hold a marker, and the two the paste joins, are highlighted.
        quiet = len(lines) >= QUIET_PASTE_LINES and not long
        self.soft_breaks.quiet = True
        try:
            with self.highlighter.quiet() if quiet else nullcontext():
                if join:
                    cursor.joinPreviousEditBlock()
                else:
                    cursor.beginEditBlock()
                remove_keeping_format(cursor)
                first = cursor.blockNumber()
                self._put_lines(cursor, lines, breaks)
                self._split_blocks(
                    QTextCursor(cursor), [first, first + len(lines) - 1, *(first + n for n in long)]
                )
                cursor.endEditBlock()
        finally:
            self.soft_breaks.quiet = False
        if quiet:
            marked = line_numbers(text, (m.start() for m in _MAY_BE_MARKED_LINE.finditer(text)))
            document = self.document()
            # Each rehighlight is a change of the document (textChanged): the buttons
            # are shown once after, not read again at every line (a third of a
            # 166,000-line paste's time, break test 9 of session 15, finding 1).
            formatting, self._formatting = self._formatting, True
            try:
                for number in dict.fromkeys([0, *marked, len(lines) - 1]):
                    self.highlighter.rehighlightBlock(document.findBlockByNumber(first + number))
            finally:
                self._formatting = formatting
            self._show_formatting()

    @staticmethod
    def _put_lines(cursor: QTextCursor, lines: list[str], breaks: list[str]) -> None:
        """Insert ``lines`` at ``cursor`` with ``breaks[i]`` after ``lines[i]``.

        The first break starts a line (in a piece of a long line too); the lines after
        a run of one kind of break go in with one insertText, whose breaks Qt makes
        blocks of the same format (that break): a block at a time cost 40-60 µs a line,
        a minute for a paste of a million short lines (break test 9 of session 10)."""
        if lines[0]:
            cursor.insertText(qt_text(lines[0]))
        start = 1
        while start < len(lines):
            ending = breaks[start - 1]
            end = start + 1
            while end < len(lines) and breaks[end - 1] == ending:
                end += 1
            cursor.insertBlock(ending_format(ending))
            if end - start > 1 or lines[start]:
                cursor.insertText(qt_text("\n".join(lines[start:end])))
            start = end

    def _as_read_back(self, *positions: int) -> None:
        """Show the text as it will be read back, after an edit at ``positions`` (and at
        the caret): an empty line between a lone ``\\r`` and a ``\\n`` is stored as
        ``\\r\\n``, one break (`line_endings.crlf_made`), so the two breaks become
        that one, in the same undo step. Only where a break other than ``\\n`` came in."""
        if not self._other_breaks:
            return
        document = self.document()
        caret = self.textCursor().position()
        for position in (*positions, caret):
            block = document.findBlock(position)
            for near in (block.previous(), block):
                if crlf_made(near):
                    cursor = QTextCursor(near)
                    cursor.joinPreviousEditBlock()
                    cursor.movePosition(
                        QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.removeSelectedText()  # Qt takes the empty block away
                    cursor.setBlockFormat(ending_format("\r\n"))
                    cursor.endEditBlock()
                    return

    def new_line(self, *, plain: bool = False) -> None:
        """Enter (``plain`` for Shift+Enter): a line break, never a piece boundary:
        ``\\n``, or ``\\r`` at the start of a line after a lone ``\\r`` (a ``\\n``
        there would make ``\\r\\n``, one break, and the new line would be gone when
        read back). Enter in a list item or a quote goes on with it (`_go_on_with_list`)."""
        cursor = self.textCursor()
        after_cr = (
            not cursor.hasSelection()
            and cursor.atBlockStart()
            and ending_before(cursor.block()) == "\r"
        )
        if not (plain or after_cr or cursor.hasSelection()) and self._go_on_with_list(cursor):
            self.ensureCursorVisible()
            return
        self.insert_lines("\r" if after_cr else "\n")
        self.ensureCursorVisible()

    def _go_on_with_list(self, cursor: QTextCursor) -> bool:
        """Enter at ``cursor`` (no selection) in a line that starts as a list item or a
        quote, after its markers (`list_items.item_marks`): the new line starts with the
        next item's markers, in the same undo step as the break; on an item with no
        words the marker is taken off instead and the list ends there, as Markdown
        editors do (break test 9 of session 19, finding 2). False, changing nothing,
        for any other line; a line held in pieces is shown plain and never goes on."""
        block = cursor.block()
        if in_pieces(block):
            return False
        line = block.text()
        marks = item_marks(line)
        at = cursor.position() - block.position()
        if marks is None or at < unit_length(marks):
            return False
        if not line[len(marks) :].strip():
            kept = without_item(line)
            edit = QTextCursor(block)
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(kept)
            self.setTextCursor(edit)
            announce(self, LIST_ENDED if line_start(line).item is not None else QUOTE_ENDED)
            return True
        following = "\n" + next_marks(marks)
        if not self._refuse_if_too_long(following):
            self.insert_lines(following)
            self._count_on(next_marks(marks))
        return True

    def _count_on(self, marks: str) -> None:
        """After Enter made a numbered item with ``marks`` in the middle of a list: the
        items after it count on from it (`list_items.renumbered`), in the same undo
        step as the new item (break test of session 20, N6: 1, 2, 3, 3, 4)."""
        block = self.textCursor().block()

        def after() -> Iterator[str]:
            following = block.next()
            while following.isValid() and not in_pieces(following):
                yield following.text()
                following = following.next()

        changes = renumbered(marks, after())
        if not changes:
            return
        edit = QTextCursor(self.document())
        edit.joinPreviousEditBlock()
        changed = dict(changes)
        following, index = block.next(), 0
        while following.isValid() and changed:
            line = changed.pop(index, None)
            if line is not None:
                edit.setPosition(following.position())
                edit.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                edit.insertText(line)
            following, index = following.next(), index + 1
        edit.endEditBlock()

    def _split_if_long(self, caret: QTextCursor | None = None) -> None:
        """After typing: a block grown (or merged) past ``LONG_LINE`` is split, in the
        same undo step as the edit; the block of ``caret`` (by default the editor's)."""
        block = (caret or self.textCursor()).block()
        if block.length() - 1 <= LONG_LINE:
            return
        cursor = QTextCursor(self.document())
        self.soft_breaks.quiet = True
        try:
            cursor.joinPreviousEditBlock()
            self._split_blocks(cursor, [block.blockNumber()])
            cursor.endEditBlock()
        finally:
            self.soft_breaks.quiet = False

    def _mend_piece_edges(self, caret: QTextCursor | None = None) -> None:
        """After a key next to a piece boundary: a boundary that now cuts a character
        apart (`cuts_a_character`) is moved, by joining its two pieces and splitting
        them again where nothing is cut, in the same undo step as the key. Deleting a
        whole emoji at a piece's start left the joiner of the emoji before it there,
        and Delete then took the joiner alone where a plain editor takes the emoji.
        Next to ``caret`` (by default the editor's)."""
        block = (caret or self.textCursor()).block()
        cut = [edge for edge in (block, block.next()) if edge.isValid() and cuts_a_character(edge)]
        if not cut:
            return
        document = self.document()
        cursor = QTextCursor(document)
        self.soft_breaks.quiet = True
        try:
            cursor.joinPreviousEditBlock()
            for edge in reversed(cut):  # the later first: the earlier keeps its position
                separator = edge.position() - 1
                cursor.setPosition(separator)
                cursor.deleteChar()  # the joined block keeps the first piece's format
                self._split_blocks(cursor, [document.findBlock(separator).blockNumber()])
            cursor.endEditBlock()
        finally:
            self.soft_breaks.quiet = False

    def _stored_neighbour(self, position: int, step: int) -> int | None:
        """The document position of the stored character before (``step`` -1) or at or
        after (``step`` +1) ``position``, stepping over soft separators; None at an end."""
        document = self.document()
        index = position - 1 if step < 0 else position
        while 0 <= index < document.characterCount() - 1:
            if document.characterAt(index) != PARAGRAPH_SEPARATOR:
                return index
            if not is_soft(document.findBlock(index + 1)):
                return index  # a line break
            index += step
        return None

    def _delete_across_piece(self, event: QKeyEvent) -> QTextCursor | None:
        """Backspace at a piece's start or Delete at its end deletes the character beyond
        the soft separator (which stands for none). Returns where the caret goes then
        (for the caller to set, outside any edit block), None when nothing was done."""
        cursor = self.textCursor()
        plain = _plain_deletion(event)
        if cursor.hasSelection() or not plain:
            return None
        block = cursor.block()
        if event.key() == Qt.Key.Key_Backspace and cursor.atBlockStart() and is_soft(block):
            index = self._stored_neighbour(cursor.position() - 1, -1)
            if index is not None and self._document.characterAt(index) == PARAGRAPH_SEPARATOR:
                cursor.setPosition(index)  # a line break, after an empty block maybe
                cursor.setPosition(index + 1, QTextCursor.MoveMode.KeepAnchor)
                remove_keeping_format(cursor)
            elif index is not None:
                cursor.setPosition(index + 1)
                cursor.deletePreviousChar()
            return cursor
        if event.key() == Qt.Key.Key_Delete and cursor.atBlockEnd() and is_soft(block.next()):
            index = self._stored_neighbour(cursor.position() + 1, 1)
            if index is not None and self._document.characterAt(index) == PARAGRAPH_SEPARATOR:
                cursor.setPosition(index)  # a line break, after an empty block maybe
                cursor.setPosition(index + 1, QTextCursor.MoveMode.KeepAnchor)
                remove_keeping_format(cursor)
            elif index is not None:
                cursor.setPosition(index)
                cursor.deleteChar()
            return cursor
        return None

    def _join_after_an_empty_block(self, event: QKeyEvent) -> QTextCursor | None:
        """Backspace or Delete that takes away a block separator right after an empty
        block (at a line's start or end, or a selection from an empty block on): done
        here through `remove_keeping_format`, so the joined block keeps the empty
        block's format (Qt's own kept the next block's: an empty piece and the line
        break after it became a line break never typed). Returns where the caret goes
        then (for the caller to set, outside any edit block), None when Qt's own is
        right."""
        cursor = self.textCursor()
        plain = _plain_deletion(event)
        if not plain:
            return None
        edit = QTextCursor(cursor)
        if not cursor.hasSelection():
            at = cursor.position()
            if event.key() == Qt.Key.Key_Backspace and cursor.atBlockStart() and at > 0:
                edit.setPosition(at - 1)
                edit.setPosition(at, QTextCursor.MoveMode.KeepAnchor)
            elif (
                event.key() == Qt.Key.Key_Delete
                and cursor.atBlockEnd()
                and cursor.block().next().isValid()
            ):
                edit.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
            else:
                return None
        first = self._document.findBlock(edit.selectionStart())
        if first.length() > 1 or edit.selectionEnd() <= first.position() + first.length() - 1:
            return None  # not from an empty block over its separator: Qt's own is right
        edit.beginEditBlock()
        remove_keeping_format(edit)
        edit.endEditBlock()
        return edit

    def _step_over_piece_edge(self, event: QKeyEvent) -> None:
        """Left and Right cross a soft separator as if it were not there."""
        cursor = self.textCursor()
        mode = (
            QTextCursor.MoveMode.KeepAnchor
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            else QTextCursor.MoveMode.MoveAnchor
        )
        block = cursor.block()
        if event.key() == Qt.Key.Key_Right and cursor.atBlockEnd() and is_soft(block.next()):
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, mode)
            self.setTextCursor(cursor)
        elif event.key() == Qt.Key.Key_Left and cursor.atBlockStart() and is_soft(block):
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, mode)
            self.setTextCursor(cursor)

    # the size limit, on what would be stored ----------------------------------------
    def _refuse_if_too_long(self, incoming: str, *, replacing: bool = True) -> bool:
        """True (and a kind message) when inserting ``incoming`` would make the stored
        text longer than one entry can hold: over the selection (``replacing``: a paste,
        a key, an input method's text), or beside it, the selection kept (formatting
        markers and list numbers, which add to the text and take nothing away)."""
        self.finish_paste()
        selected = self.textCursor().selectedText() if replacing else ""
        # characterCount counts UTF-16 units (at least the number of characters) plus one.
        upper = self.document().characterCount() - 1 - len(selected) + len(incoming)
        if upper <= MAX_BODY_CHARS:
            return False
        taken = len(self.selected_text()) if replacing else 0
        length = len(self.markdown()) - taken + len(incoming)
        message = check_entry_length(length)
        if message:
            if replacing:  # typed or pasted by the person (not markers Solace adds)
                self.refused_characters += len(incoming)
            self.refused.emit(message)
            return True
        return False

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: plain text only (the text of an HTML-only paste,
        `pasted_text`), and only when it fits (checked on the whole text, before any of
        it goes in). A paste of many lines goes in a slice at a time from the event loop
        (`pasting`), as one undo step; `paste_progress` gives its percent."""
        self.finish_paste()
        incoming = pasted_text(source)
        if not incoming or self._refuse_if_too_long(incoming):
            return
        text = incoming
        if not sliced(text):
            self.insert_lines(text)
            self.ensureCursorVisible()
            return
        self._paste_start = self.textCursor().selectionStart()
        self._paste_pieces = self.soft_breaks.made
        paste = SlicedPaste(text, QTextCursor(self.textCursor()), self.insert_at, self)
        paste.progressed.connect(self.paste_progress)
        paste.done.connect(self._pasted)
        self._paste = paste
        paste.start()

    @property
    def pasting(self) -> bool:
        """Whether a paste is still going in (`pasting`); not an entry being opened
        (`opening`)."""
        return self._paste is not None and self._opening is None

    def finish_paste(self) -> None:
        """Put in now whatever of a paste is not in yet, and then the keys typed
        meanwhile: called before anything reads, stores or changes the text other than
        a key (saving, lock, formatting, undo, another paste, loading)."""
        if self._paste is not None:
            self._paste.finish()

    def _pasted(self) -> None:
        """The whole paste is in: the caret goes after it, and the keys typed meanwhile
        go in, in order, as if typed now."""
        paste, self._paste = self._paste, None
        if paste is None:
            return
        self.setTextCursor(paste.cursor)
        self._as_read_back(self._paste_start)
        self._note_paste_step(paste.length, self.soft_breaks.made > self._paste_pieces)
        self.ensureCursorVisible()
        paste.deleteLater()
        self._type_held()

    def _type_held(self) -> None:
        """Put in, in order, the keys and input-method text kept while an opening or a
        paste went in (`_hold`), as if typed now."""
        held, self._held = self._held, []
        for event in held:
            if isinstance(event, QKeyEvent):
                self.keyPressEvent(event)
            else:
                self.inputMethodEvent(event)

    def _hold(self, event: QKeyEvent | QInputMethodEvent) -> bool:
        """While a paste goes in, a key or an input method's text waits (kept, to go in
        after the paste, `_pasted`); True when it was kept."""
        if self._paste is None:
            return False
        self._held.append(event.clone())
        event.accept()
        return True

    def undo(self) -> None:
        """Take back the last step typed (a word, see `undo_steps`) and say what it was."""
        self._step(undone=True)

    def redo(self) -> None:
        """Put back the last step undone and say what it was."""
        self._step(undone=False)

    def _step(self, *, undone: bool) -> None:
        self.finish_paste()  # undo takes the whole paste away, never a part
        document = self.document()
        step = document.availableUndoSteps()
        top = step if undone else self._undone_pastes.get(step)
        if top is not None and top in self._paste_steps:
            self._big_step(undone=undone, top=top)
            return
        before = document.toRawText()
        format_step = self._format_steps.get(step) if undone else None
        changes: list[tuple[int, int, int]] = []

        def note(position: int, removed: int, added: int) -> None:
            changes.append((position, removed, added))

        document.contentsChange.connect(note)
        try:
            super().undo() if undone else super().redo()
        finally:
            document.contentsChange.disconnect(note)
        if not changes:
            return
        if not undone:
            step = document.availableUndoSteps()
            format_step = self._format_steps.get(step)
        if format_step is not None:
            # Qt puts the caret where the cursor that made the edit began (the start
            # of the entry: the markers are put in by a cursor of their own), and the
            # next words went there unheard (break test 15 of session 12, finding 1).
            carets = self._format_carets.get(step)
            if carets is not None:
                self._place_caret(carets[0] if undone else carets[1])
            name, said, on = format_step
            verb = "Undone" if undone else "Redone"
            announce(self, f"{verb}: {name.lower()} {'on' if on else 'off'} {said}")
            return
        after = document.toRawText()
        # Qt's positions count UTF-16 units: an emoji before the change is two of them
        # (break test 9 of session 10, finding 5: "Undone: typing “lower”" for
        # "sunflower" after four emoji).
        start = min(position for position, _, _ in changes)
        old_end = max(position + removed for position, removed, _ in changes)
        new_end = old_end + unit_length(after) - unit_length(before)
        removed_text, added_text = difference(
            slice_units(before, start, old_end), slice_units(after, start, new_end)
        )
        if removed_text or added_text:
            announce(self, say_step(undone, removed_text, added_text))

    def _big_step(self, *, undone: bool, top: int) -> None:
        """Undo or redo the paste of many lines done at step ``top`` (`_paste_steps`),
        still one step, by Qt's own undo, without a call into Python per line: the
        highlighter is asked nothing (only the lines that may hold a marker are
        highlighted after), the pieces of long lines are looked for only when the paste
        made some (`SoftBreaks` read every block a redo put back), and what changed is
        said from the paste's size, not found by reading the whole text twice (a redo
        of 80,000 lines spent 3.6 of its 7 s in Python). The pointer waits meanwhile."""
        pasted = self._paste_steps[top]
        document = self.document()
        changes: list[tuple[int, int]] = []

        def note(position: int, _removed: int, added: int) -> None:
            changes.append((position, added))

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        document.contentsChange.connect(note)
        self.soft_breaks.quiet = not pasted.pieces
        try:
            with self.highlighter.quiet():
                super().undo() if undone else super().redo()
        finally:
            self.soft_breaks.quiet = False
            document.contentsChange.disconnect(note)
            QApplication.restoreOverrideCursor()
        if undone:
            self._undone_pastes[document.availableUndoSteps()] = top
        if not changes:
            return
        start = min(position for position, _ in changes)
        end = max(position + added for position, added in changes)
        first = document.findBlock(start)
        last = document.findBlock(end)
        self.highlighter.rehighlightBlock(first)
        block = first.next()
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            if _MAY_BE_MARKED.search(block.text()):
                self.highlighter.rehighlightBlock(block)
            block = block.next()
        verb = "Undone" if undone else "Redone"
        announce(self, f"{verb}: pasting {pasted.characters:,} characters")

    def paintEvent(self, event: QPaintEvent) -> None:
        """The lines about to be drawn take the theme's colours first (`Recolouring`)."""
        self.recolouring.before_paint()
        super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A keystroke that would make the entry too long is refused, like a paste. Enter
        makes a line break (Shift+Enter too: Qt's own would be U+2028, a character that
        only looks like one); keys next to a piece boundary act as if it were not there.
        Undo and redo say what they took back or put back."""
        if self._leave_by_keys(event) or self._hold(event):
            return
        keep_caret_between_characters(self)
        for standard, undone in ((_UNDO, True), (_REDO, False)):
            if event.matches(standard):
                self._step(undone=undone)
                event.accept()
                return
        typed = event.text()
        breaks = any(mark in typed for mark in "\r\n\u2029")
        inserts = bool(typed) and (is_typed_text(typed) or breaks or event.key() == Qt.Key.Key_Tab)
        if inserts and self._refuse_if_too_long(typed):
            return
        end_word_step(self, typed)  # Ctrl+Z takes back a word, not the whole entry
        if typed in (" ", "\t") and self._space_before_pair(typed):
            event.accept()
            return
        if self._delete_in_one_step(event):
            return
        self._edit_by_key(event, inserts)

    def _delete_in_one_step(self, event: QKeyEvent) -> bool:
        """Backspace or Delete where the editor may change the text or its pieces after
        the deletion (a piece of a long line near the caret, `_near_pieces`; a break
        other than ``\n``, `_as_read_back`): the deletion is done here with those steps
        in one undo step. Qt's own deletion is an undo step of its own, which a later edit
        block cannot join, and undoing the two one by one gave a text never typed (a
        Hypothesis example in session 42: an emoji family around a piece's edge); run
        inside an edit block, Qt's key handling read a layout not yet updated and
        crashed. Qt's Backspace and Delete in plain text are `deletePreviousChar` and
        `deleteChar`. True when done here."""
        plain = _plain_deletion(event)
        key = event.key()
        if key not in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or not plain:
            return False
        if not (self._other_breaks or self._near_pieces()):
            return False
        # At the caret: the undo of an edit block puts the caret where the cursor that
        # began it stood (one at the document's start sent it to the entry's first line,
        # where the next keys went: re-test 42, F2).
        step = self.textCursor()
        # A run of deletions, each at the caret the one before left, is one undo step,
        # as Qt merges its own: in an edit block each, Ctrl+Z after 50 Backspaces gave
        # back one character (break test 42, F1); Backspaces then Deletes at one place
        # are one run too, as Qt's are (re-test 42, F3).
        if self._deletion_run == (step.position(), self._document.revision()):
            step.joinPreviousEditBlock()
        else:
            step.beginEditBlock()
        try:
            caret = self._delete_across_piece(event) or self._join_after_an_empty_block(event)
            if caret is None:
                caret = self.textCursor()
                if caret.hasSelection():
                    caret.removeSelectedText()
                elif key == Qt.Key.Key_Backspace:
                    caret.deletePreviousChar()
                else:
                    caret.deleteChar()
            self._split_if_long(caret)
            self._mend_piece_edges(caret)
            self._as_read_back(caret.position())
        finally:
            step.endEditBlock()
        self.setTextCursor(caret)  # here: inside the edit block it read a stale layout
        self._deletion_run = (caret.position(), self._document.revision())
        self.ensureCursorVisible()
        event.accept()
        return True

    def _near_pieces(self) -> bool:
        """Whether the caret's block, or the one before or after it, is a piece of a long
        line (`long_lines`)."""
        block = self.textCursor().block()
        return any(is_soft(near) for near in (block.previous(), block, block.next()))

    def _edit_by_key(self, event: QKeyEvent, inserts: bool) -> None:
        """What a key that passed the size limit does (`keyPressEvent`)."""
        key = event.key()
        if key in _LINE_KEYS and not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ):
            self.new_line(plain=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if inserts and any(mark in event.text() for mark in "\r\n\u2029"):
            # A key that types a line break of its own (a paragraph separator from a
            # keyboard layout): kept as itself, as a paste would keep it.
            self.insert_lines(event.text())
            self.ensureCursorVisible()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            # Across a piece's edge: `_delete_in_one_step`, before this.
            caret = self._join_after_an_empty_block(event)
            if caret is not None:
                self.setTextCursor(caret)
                self._split_if_long()
                self._mend_piece_edges()
                self._as_read_back()
                return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step_over_piece_edge(event)
        super().keyPressEvent(event)
        if inserts or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._split_if_long()
            self._mend_piece_edges()
            self._as_read_back()

    def _leave_by_keys(self, event: QKeyEvent) -> bool:
        """Ctrl+Tab, Ctrl+Shift+Tab, Shift+Tab, or Tab right after Escape: the focus
        moves on (or back) from the text; True when done here. Escape itself says so to
        a screen reader and is passed on (nothing else in the window changes)."""
        key, modifiers = event.key(), event.modifiers()
        escaped, self._tab_leaves = self._tab_leaves, False
        if key == Qt.Key.Key_Escape and not modifiers:
            self._tab_leaves = True
            announce(self, ESCAPED)
            event.ignore()
            return True
        if key not in _TAB_KEYS:
            return False
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier) or key == Qt.Key.Key_Backtab
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if not (control or shift or escaped):
            return False  # a plain Tab: typed into the text
        QWidget.focusNextPrevChild(self, not shift)
        return True

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """An input method's text with line breaks goes in like a paste (line breaks as
        ``\n``, never a piece boundary); everything else as Qt does it. Text it commits
        that would make the entry too long is refused as a paste or a key is (an input
        method sends no key events: every word typed in Chinese or Japanese comes here),
        and what it was still composing is cleared."""
        if self._hold(event):
            return
        keep_caret_between_characters(self)
        committed = event.commitString()
        if committed and self._refuse_if_too_long(committed):
            super().inputMethodEvent(QInputMethodEvent())
            event.accept()
            return
        if event.preeditString() or not any(mark in committed for mark in "\r\n\u2029"):
            super().inputMethodEvent(event)
            return
        self.insert_lines(committed)
        event.accept()

    # formatting: Markdown markers, inserted or taken away ---------------------------
    def _wrap(self, marker: str) -> None:
        """Put ``marker`` around the selection (or the word at the cursor), or take it
        off. Markers go inside the selection's surrounding spaces and around each line
        of a selection over several lines, and only where the result is formatting,
        both in the editor and for any CommonMark reader of the export; elsewhere
        nothing changes and the person is told why."""
        cursor = self.textCursor()
        caret = None if cursor.hasSelection() else cursor.position()
        if caret is not None and self.empty_pair_at(caret, marker):
            self._format_what_comes(marker, caret)  # taken off again
            return
        run = self._run_at(caret, marker) if caret is not None else None
        if caret is not None and run is not None and caret == run[1] - len(marker):
            self._step_past(run, marker)
            return
        if caret is not None and run is not None:
            # The caret in a bold (italic) run, its button shown pressed: the whole run
            # loses it, whatever word the caret is in (break test 9 of session 15,
            # finding 6: in "**I miss you**" Ctrl+B tried to add bold around "miss"
            # and was refused as if the word began with a star).
            self._take_off(run, marker, caret)
            return
        if caret is not None:  # the word at the cursor; the caret stays where it is
            inside = 0 < caret < self._document.characterCount() - 1
            before = self._text(caret - 1, caret) if caret > 0 else ""
            after = self._text(caret, caret + 1) if inside else ""
            closing = after in ("*", "_") and before.isalnum()
            halved = _is_low_surrogate(self._document.characterAt(caret))  # in a character
            if not (closing or halved) and not (before.isalnum() and after.isalnum()):
                # At a word's edge (just after its last letter, just before its
                # first), as in a word processor: no word there changes, what is typed
                # next is formatted (break test of session 20, N1: the whole word was
                # wrapped). Inside a word, the word is formatted.
                self._format_what_comes(marker, caret)
                return
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if closing:
                # At a word's end, before its closing marker (where Ctrl+B leaves the
                # caret, and its redo): the word, not the marker, so a second Ctrl+B
                # takes the bold off again instead of being refused.
                cursor.setPosition(caret - 1)
                cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        spans = self._line_spans(start, end) if start < end else []
        if not spans:
            if caret is None:  # only spaces chosen: nothing to format
                self.refused.emit(NOTHING_TO_FORMAT)
                return
            self._format_what_comes(marker, caret)
            return
        width = len(marker)
        marked = [self._marked_span(first, last, marker) for first, last in spans]
        edit = QTextCursor(self._document)
        name = _FORMAT_NAMES[marker]
        if all(found is not None for found in marked):
            words = " ".join(
                self._text(found[0] + width, found[1] - width).strip("*")
                for found in marked
                if found
            )
            edit.beginEditBlock()
            for found in reversed(marked):  # later spans first: earlier positions hold
                assert found is not None
                first, last = found
                for at in (last - width, first):  # taken off where they are
                    edit.setPosition(at)
                    edit.setPosition(at + width, QTextCursor.MoveMode.KeepAnchor)
                    edit.removeSelectedText()
            edit.endEditBlock()
            self._said_format(name, words, on=False)
            head, tail = marked[0], marked[-1]
            assert head is not None and tail is not None
            if caret is not None:
                self._put_caret(edit, _after_taking_off(caret, head, width))
                return
            self._select(edit, head[0], tail[1] - 2 * width * len(marked))
            return
        adding = [
            self._insert_at(*span, marker)
            for span, found in zip(spans, marked, strict=True)
            if found is None
        ]
        if any(
            shown_plain(self._document.findBlock(first), 2 * len(marker)) for first, _ in adding
        ):
            self.refused.emit(TOO_LONG_TO_FORMAT)
            return
        # Each span takes the editor's own marker, or the other one of the same
        # style ("__", "_") where only that one formats it; refused only if neither
        # does. Stars typed as text inside ("2*3 and 4*5") are escaped by the export,
        # so a reader reads them as the editor does (session 20 break test, N2).
        chosen = [
            next((put for put in (marker, _OTHER_MARKER[marker]) if self._formats(*span, put)), "")
            for span in adding
        ]
        refused = [span for span, put in zip(adding, chosen, strict=True) if not put]
        if refused:
            self.refused.emit(self._why_not(refused))
            return
        if self._refuse_if_too_long(marker * 2 * len(adding), replacing=False):
            return
        words = " ".join(self._text(first, last).strip("*") for first, last in spans)
        edit.beginEditBlock()
        for (first, last), put in reversed(list(zip(adding, chosen, strict=True))):
            edit.setPosition(last)
            edit.insertText(put)
            edit.setPosition(first)
            edit.insertText(put)
        edit.endEditBlock()
        self._said_format(name, words, on=True)

        def moved(position: int) -> int:
            """Where ``position`` is once the markers are in: after an opening marker
            put in there, before a closing one."""
            shift = sum(1 for first, _ in adding if first <= position)
            shift += sum(1 for _, last in adding if last < position)
            return position + width * shift

        if caret is not None:  # one word: the caret keeps its place in it
            self._put_caret(edit, moved(caret))
            return
        self._select(edit, moved(spans[0][0]), moved(spans[-1][1]))

    def _why_not(self, spans: list[tuple[int, int]]) -> str:
        """Why bold or italic cannot go around ``spans`` (positions), naming what is
        there: a code span, a "*" or "_" at the words' edge, or one right beside them."""
        if any(self._in_code(first, last) for first, last in spans):
            return IN_CODE
        edges = "".join(
            char
            for first, last in spans
            for char in (self._text(first, first + 1), self._text(last - 1, last))
            if char in "*_"
        )
        if edges:
            return cannot_format(edges)
        last_position = self._document.characterCount() - 1
        for first, last in spans:
            for char in (
                self._text(first - 1, first) if first > 0 else "",
                self._text(last, last + 1) if last < last_position else "",
            ):
                if char and char in "*_~`":
                    return BESIDE_MARKS.format(mark=f"“{char}”")
        return NOT_READ_AS_FORMAT

    def _in_code(self, start: int, end: int) -> bool:
        """Whether positions ``start``-``end`` lie inside a code span (`CODE`) of their
        line, where no marker is read."""
        block = self._document.findBlock(start)
        text = block.text()
        first = index_of_unit(text, start - block.position())
        last = index_of_unit(text, end - block.position())
        return any(
            match.start() < first and last < match.end()
            for match in CODE.finditer(mask_escapes(text))
        )

    def _run_at(self, caret: int, marker: str) -> tuple[int, int] | None:
        """The bold (``**``) or italic (``*``) run the caret at ``caret`` is in, as the
        highlighter and the button read it (`formatting_at_cursor`): the document
        positions of its outer ends, markers included; None when it is in none."""
        block = self._document.findBlock(caret)
        if shown_plain(block):
            return None
        text = block.text()
        at = index_of_unit(text, caret - block.position())
        style = "bold" if marker == "**" else "italic"
        for span in style_spans(style, mask_escapes(text)):
            if _within(span, at, at):
                units = unit_offsets(text)
                return block.position() + units[span[0]], block.position() + units[span[1]]
        return None

    def _take_off(self, run: tuple[int, int], marker: str, caret: int) -> None:
        """Take the markers of ``run`` (its outer positions, `_run_at`) off, as one undo
        step, say so, and keep the caret at its character (`_after_taking_off`)."""
        width = len(marker)
        first, last = run
        words = self._text(first + width, last - width).strip("*_")
        edit = QTextCursor(self._document)
        edit.beginEditBlock()
        for at in (last - width, first):  # the closing one first: the opening one holds
            edit.setPosition(at)
            edit.setPosition(at + width, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
        edit.endEditBlock()
        self._said_format(_FORMAT_NAMES[marker], words, on=False)
        self._put_caret(edit, _after_taking_off(caret, run, width))

    def _step_past(self, run: tuple[int, int], marker: str) -> None:
        """The caret just before the closing markers of ``run`` (its outer positions,
        `_run_at`), nothing chosen: the style ends there, as in a writing app (B, type,
        B): the caret steps past the closing markers, the words stay bold or italic and
        what is typed next is not. Nothing in the text changes, so no undo step is made
        (break test 9 of session 19, finding 1: the second press took the markers off
        and the word typed between the two presses went plain)."""
        self._put_caret(QTextCursor(self._document), run[1])
        announce(self, f"{_FORMAT_NAMES[marker]} off: {WHAT_COMES_NEXT}")

    def _format_what_comes(self, marker: str, caret: int) -> None:
        """No word at the caret and nothing chosen (break test 10 of session 12,
        finding 5: Ctrl+B there did nothing): as a writing app turns bold on for what
        is typed next, the pair of ``marker`` goes in with the caret between them
        ("**|**"), so what is typed next is bold or italic in the text that is stored,
        and the button shows it on (`empty_pair_at`). The entry is plain Markdown: a
        style waiting apart from the text would be in no saved draft, no undo step and
        no export. The same key again at once takes the empty pair off."""
        name = _FORMAT_NAMES[marker]
        width = len(marker)
        edit = QTextCursor(self._document)
        if self.empty_pair_at(caret, marker):
            edit.setPosition(caret - width)
            edit.setPosition(caret + width, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
            self._said_format(name, WHAT_COMES_NEXT, on=False)
            self._put_caret(edit, caret - width)
            return
        if shown_plain(self._document.findBlock(caret), 2 * width):
            self.refused.emit(TOO_LONG_TO_FORMAT)
            return
        if not self._would_format(caret, marker):  # as after "word*": markers alone
            self.refused.emit(cannot_start_here(name))
            return
        if self._refuse_if_too_long(marker * 2, replacing=False):
            return
        edit.setPosition(caret)
        edit.beginEditBlock()  # a step of its own: never joined to the words typed before
        edit.insertText(marker * 2)
        edit.endEditBlock()
        self._said_format(name, WHAT_COMES_NEXT, on=True)
        self._put_caret(edit, caret + width)

    def _would_format(self, caret: int, marker: str) -> bool:
        """Whether a pair of ``marker`` put in at ``caret`` makes a letter then typed
        between them bold or italic, for the editor and any CommonMark reader, with no
        marker shown as a character (the rule of `_formats`, for what comes next)."""
        block = self._document.findBlock(caret)
        if shown_plain(block):
            return True  # never asked for a long line: refused first (`shown_plain`)
        line = block.text()
        at = index_of_unit(line, caret - block.position())
        typed = line[:at] + "x" + line[at:]
        wrapped = line[:at] + marker + "x" + marker + line[at:]
        style = "bold" if marker == "**" else "italic"
        last = at + 1 + 2 * len(marker)
        if not any(
            (first, end) == (at, last)
            for first, end, _width in style_spans(style, mask_escapes(wrapped))
        ):
            return False
        return _reads_as(typed, wrapped, marker)

    def _space_before_pair(self, space: str) -> bool:
        """A space typed first into an empty pair ("two**|**", Ctrl+B at a word's end)
        goes in before the pair, the caret staying between the markers: "two **|**",
        so the words then typed are bold for the editor and any CommonMark reader
        ("two** three**" showed its stars; session 20 break test, N1). False, changing
        nothing, when the caret is in no empty pair or something is chosen."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        caret = cursor.position()
        for marker in ("**", "*"):
            if self.empty_pair_at(caret, marker):
                edit = QTextCursor(self._document)
                edit.setPosition(caret - len(marker))
                edit.insertText(space)
                return True
        return False

    def empty_pair_at(self, position: int, marker: str) -> bool:
        """Whether ``position`` (a document position) stands between a pair of
        ``marker`` with nothing in it ("**|**"), not inside a longer run of markers."""
        width = len(marker)
        last = self._document.characterCount() - 1
        if position < width or position + width > last:
            return False
        if self._text(position - width, position) != marker:
            return False
        if self._text(position, position + width) != marker:
            return False
        start, end = position - width, position + width
        before = self._text(start - 1, start) if start > 0 else ""
        after = self._text(end, end + 1) if end < last else ""
        return before != "*" and after != "*"

    def _put_caret(self, cursor: QTextCursor, position: int) -> None:
        cursor.setPosition(position)
        self.setTextCursor(cursor)

    def _said_format(self, name: str, words: str, *, on: bool) -> None:
        """Say politely what a formatting step just did ("Bold: “two”", "Bold off:
        “two”") and remember it for its undo and redo, said in the same words, never
        with the Markdown markers (issue 15, break test 15 of session 11, finding 1)."""
        said = say_text(words)
        self._format_steps[self._document.availableUndoSteps()] = (name, said, on)
        announce(self, f"{name}: {said}" if on else f"{name} off: {said}")

    def _forget_format_steps(self) -> None:
        """A new undo step was added: the formatting steps it replaced (those that could
        have been redone) are forgotten."""
        now = self._document.availableUndoSteps()
        for step in [step for step in self._format_steps if step >= now]:
            del self._format_steps[step]
            self._format_carets.pop(step, None)
        for step in [step for step in self._paste_steps if step >= now]:
            del self._paste_steps[step]
        self._undone_pastes = {
            below: top for below, top in self._undone_pastes.items() if top in self._paste_steps
        }

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _line_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The selected part of each line between positions ``start`` and ``end``,
        without the spaces around it, as (start, end) positions; lines with nothing
        but spaces selected are left out. A line held in pieces is one span."""
        document = self._document
        spans: list[tuple[int, int]] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            first_block = block
            while is_soft(block.next()):  # the rest of a line held in pieces
                block = block.next()
            line_start = first_block.position()
            line_end = block.position() + block.length() - 1
            first, last = max(start, line_start), min(end, line_end)
            if first > line_start and _is_low_surrogate(document.characterAt(first)):
                first -= 1  # never between the two halves of one character
            if last < line_end and _is_low_surrogate(document.characterAt(last)):
                last += 1
            words = line_start + words_start(first_block.text())  # after "- > " and such
            if first < words:
                first = words
            while first < last and document.characterAt(first).isspace():
                first += 1
            while last > first and document.characterAt(last - 1).isspace():
                last -= 1
            if first < last:
                spans.append((first, last))
            block = block.next()
        return spans

    def _text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self._document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _star_runs(self, start: int, end: int) -> tuple[int, int, int, int]:
        """The runs of ``*`` around the span ``start``-``end``: (outer start, inner
        start, inner end, outer end), each run taken just inside the span's edge and
        just outside it ("**" + "x" + "**": 0, 2, 3, 5)."""
        last = self._document.characterCount() - 1
        outer_first = inner_first = start
        while outer_first > 0 and self._text(outer_first - 1, outer_first) == "*":
            outer_first -= 1
        while inner_first < end and self._text(inner_first, inner_first + 1) == "*":
            inner_first += 1
        outer_last = inner_last = end
        while outer_last < last and self._text(outer_last, outer_last + 1) == "*":
            outer_last += 1
        while inner_last > inner_first and self._text(inner_last - 1, inner_last) == "*":
            inner_last -= 1
        return outer_first, inner_first, inner_last, outer_last

    def _marked_span(self, start: int, end: int, marker: str) -> tuple[int, int] | None:
        """Where the pair of ``marker`` around the span ``start``-``end`` is, if it is
        already bold (``**``) or italic (``*``): the outer positions of the two
        markers to take off. None when it is not. The stars on either side are read
        as one run, as CommonMark reads them: one star is italic, two bold, three
        both ("***x***"); italic is the outer star, bold the inner pair, so each style
        is taken off alone (break test 9 of session 14, finding 3: Italic on
        "**x**" took the bold off and called it "Italic off")."""
        width = len(marker)
        outer_first, inner_first, inner_last, outer_last = self._star_runs(start, end)
        opening, closing = inner_first - outer_first, outer_last - inner_last
        if inner_last <= inner_first or opening > 3 or closing > 3:
            return None
        if width == 1 and opening % 2 and closing % 2:
            return outer_first, outer_last
        if width == 2 and opening >= 2 and closing >= 2:
            return inner_first - 2, inner_last + 2
        return None

    def _insert_at(self, start: int, end: int, marker: str) -> tuple[int, int]:
        """Where a pair of ``marker`` goes to make the span ``start``-``end`` bold or
        italic beside the stars already around it: italic outside them, bold inside
        ("*x*" -> "***x***", "**x**" -> "***x***")."""
        outer_first, inner_first, inner_last, outer_last = self._star_runs(start, end)
        if inner_last <= inner_first:
            return start, end
        if len(marker) == 1:
            return outer_first, outer_last
        return inner_first, inner_last

    def _formats(self, start: int, end: int, marker: str) -> bool:
        """Whether putting ``marker`` around positions ``start``-``end`` makes exactly
        that text bold (``**``) or italic (``*``) in the editor's highlighting and for
        a CommonMark reader (Qt's md4c), without a character of it shown as a marker."""
        block = self._document.findBlock(start)
        if shown_plain(block):
            return True  # never asked for a long line: refused first (`shown_plain`)
        line = block.text()
        # Document positions count UTF-16 units; the line's str counts characters.
        first = index_of_unit(line, start - block.position())
        last = index_of_unit(line, end - block.position())
        wrapped = line[:first] + marker + line[first:last] + marker + line[last:]
        style = "bold" if len(marker) == 2 else "italic"
        width = len(marker)
        if not any(
            (start, end) == (first, last + 2 * width)
            for start, end, _width in style_spans(style, mask_escapes(wrapped))
        ):
            return False
        return _reads_as(line, wrapped, marker)

    def _surrounded_by(self, start: int, end: int, marker: str) -> bool:
        document = self.document()
        width = len(marker)
        if start < width:
            return False
        before = "".join(document.characterAt(i) for i in range(start - width, start))
        after = "".join(document.characterAt(i) for i in range(end, end + width))
        return before == marker and after == marker

    def toggle_bold(self) -> None:
        self._wrap("**")

    def toggle_italic(self) -> None:
        self._wrap("*")

    def _toggle_prefix(
        self, name: str, prefix: str, matches: re.Pattern[str] | None = None
    ) -> None:
        """Add ``prefix`` to every selected line, or take it off if they all have it,
        and say so with the formatting's ``name`` ("Quote: “…”", "Quote off: “…”")."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        while is_soft(first):  # a line held in pieces starts at its first piece
            first = first.previous()
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        blocks = [block for block in blocks if not is_soft(block)]
        pattern = matches or re.compile(re.escape(prefix))
        remove = all(pattern.match(block.text()) for block in blocks)
        prefixes = [f"{n}. " if prefix == "1. " else prefix for n in range(1, len(blocks) + 1)]
        if not remove and any(
            shown_plain(block, len(added)) for block, added in zip(blocks, prefixes, strict=True)
        ):
            self.refused.emit(TOO_LONG_TO_FORMAT)
            return
        if not remove and self._refuse_if_too_long("".join(prefixes), replacing=False):
            return
        words = " ".join(
            block.text()[found.end() if (found := pattern.match(block.text())) else 0 :]
            for block in blocks
        )
        cursor.beginEditBlock()
        for block, added in zip(blocks, prefixes, strict=True):
            edit = QTextCursor(block)
            if remove:
                found = pattern.match(block.text())
                assert found is not None
                edit.setPosition(block.position() + found.end(), QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            else:
                edit.insertText(added)
        cursor.endEditBlock()
        self._said_format(name, words, on=not remove)

    def toggle_heading(self) -> None:
        self._toggle_prefix("Heading", _HEADING_MARK, re.compile(r"#{1,6} "))

    def toggle_bullets(self) -> None:
        self._toggle_prefix("Bulleted list", _BULLET)

    def toggle_numbers(self) -> None:
        self._toggle_prefix("Numbered list", "1. ", _NUMBERED)

    def toggle_quote(self) -> None:
        self._toggle_prefix("Quote", _QUOTE_MARK)

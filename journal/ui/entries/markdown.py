"""The entry editor: plain text that is Markdown, highlighted as it is typed.

What is stored is exactly the text on the screen (``markdown()``), so a
character typed or pasted can never turn into markup and markup can never eat
a character: ``> ``, ``_``, ``~~``, a leading tab or ``#grief`` stay what they
are. Formatting (bold, italics, headings, lists, quotes) is made of visible
Markdown markers that the toolbar and shortcuts insert or take away; a
``QSyntaxHighlighter`` shows them (markers dimmed, bold bold, headings
larger). Line endings are kept as ``\\n``: a pasted ``\\r\\n`` or ``\\r`` (and
the Unicode paragraph separator) becomes ``\\n``, as in every plain-text editor.

Costs grow with the text, never faster: reading the text out is one pass,
highlighting touches only the lines that changed, and a line longer than
``HIGHLIGHT_LIMIT`` is shown plain. The size limit is checked on exactly what
would be stored, before anything is inserted: a paste or a keystroke that
would not fit is refused kindly and changes nothing.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolBar, QToolButton, QWidget

from journal.domain.entries.entry import MAX_BODY_CHARS, check_entry_length

PARAGRAPH_SEPARATOR = "\u2029"  # how QTextDocument separates lines internally
HIGHLIGHT_LIMIT = 5_000  # characters in one line; longer lines are shown plain
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}

_LINE_ENDINGS = re.compile(r"\r\n?|\u2029")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")
_STRIKE = re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"(`+)[^`]+?\1")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")

_BULLET = "- "
_QUOTE_MARK = "> "
_HEADING_MARK = "## "
_NUMBERED = re.compile(r"^\d{1,9}[.)] ")
_BULLET_LINE = re.compile(r"^[ \t]*[-*+] ")


def stored_form(text: str) -> str:
    """Text as the editor will hold and store it: line endings as ``\\n``."""
    return _LINE_ENDINGS.sub("\n", text)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Shows Markdown as it is typed, one line at a time, without changing a character."""

    def __init__(self, document: QTextDocument, editor: QPlainTextEdit) -> None:
        super().__init__(document)
        self._editor = editor

    def _format(
        self,
        *,
        bold: bool = False,
        italic: bool = False,
        dim: bool = False,
        strike: bool = False,
        scale: float = 1.0,
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
        if scale != 1.0:
            fmt.setFontPointSize(self._editor.font().pointSizeF() * scale)
        return fmt

    def _dim_colour(self) -> QColor:
        return self._editor.palette().color(QPalette.ColorRole.PlaceholderText)

    def highlightBlock(self, text: str) -> None:
        if not text or len(text) > HIGHLIGHT_LIMIT:
            return
        heading = _HEADING.match(text)
        if heading:
            level = len(heading.group(1))
            self.setFormat(
                0, len(text), self._format(bold=True, scale=HEADING_SCALE.get(level, 1.0))
            )
            self.setFormat(0, heading.end(), self._format(bold=True, dim=True))
            return
        quote = _QUOTE.match(text)
        if quote:
            self.setFormat(0, len(text), self._format(italic=True))
            self.setFormat(0, quote.end(), self._format(dim=True))
        marker = _LIST.match(text, quote.end() if quote else 0)
        if marker:
            self.setFormat(marker.start(), marker.end() - marker.start(), self._format(dim=True))
        for pattern, style in ((_BOLD, "bold"), (_ITALIC, "italic"), (_STRIKE, "strike")):
            for match in pattern.finditer(text):
                start, end, width = match.start(), match.end(), len(match.group(1))
                inner = self._format(**{style: True})
                self.setFormat(start + width, end - start - 2 * width, inner)
                self.setFormat(start, width, self._format(dim=True))
                self.setFormat(end - width, width, self._format(dim=True))
        for match in _CODE.finditer(text):
            fmt = self._format()
            fmt.setFontFixedPitch(True)
            fmt.setFontFamilies(["monospace"])
            self.setFormat(match.start(), match.end() - match.start(), fmt)
        for match in _ESCAPE.finditer(text):
            self.setFormat(match.start(), 1, self._format(dim=True))


def _within(match: re.Match[str], start: int, end: int) -> bool:
    """Whether the cursor (``start == end``) is in the marked text, between its markers,
    or the selection lies inside the marked span, markers included."""
    if start == end:
        return match.start(2) <= start <= match.end(2)
    return match.start() <= start and end <= match.end()


class MarkdownEditor(QPlainTextEdit):
    """A plain-text editor for an entry's Markdown body, with formatting actions."""

    refused = Signal(str)  # a kind message: the paste or keystroke would not fit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on; a pasted tab is kept
        # Wrap at spaces only: breaking inside words as well makes Qt's line
        # breaking quadratic in the length of a word (minutes for a pasted
        # 2-million-character run without a space); a longer-than-the-view word
        # scrolls sideways instead.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setAccessibleName("Entry text")
        self.setPlaceholderText(
            "Write whatever you like. Nothing here is shared unless you say so."
        )
        self.highlighter = MarkdownHighlighter(self.document(), self)
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
            action.setCheckable(True)  # shows whether it is on at the cursor
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.cursorPositionChanged.connect(self._show_formatting)
        self.textChanged.connect(self._show_formatting)
        self._show_formatting()

    def formatting_at_cursor(self) -> set[str]:
        """The formatting on at the cursor, by action name ("bold", "italic", "heading",
        "bullets", "numbers", "quote"), read from the Markdown markers around it."""
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        if len(text) > HIGHLIGHT_LIMIT:
            return set()
        on = set()
        for name, pattern in (
            ("heading", _HEADING),
            ("quote", _QUOTE),
            ("bullets", _BULLET_LINE),
            ("numbers", _NUMBERED),
        ):
            if pattern.match(text):
                on.add(name)
        start = cursor.selectionStart() - block.position()
        end = cursor.selectionEnd() - block.position()
        for name, pattern in (("bold", _BOLD), ("italic", _ITALIC)):
            if any(_within(m, start, end) for m in pattern.finditer(text)):
                on.add(name)
        return on

    def _show_formatting(self) -> None:
        on = self.formatting_at_cursor()
        for name, action in self.actions_by_name.items():
            action.setChecked(name in on)

    def toolbar(self) -> QToolBar:
        bar = QToolBar("Formatting")
        bar.setAccessibleName("Formatting")
        for action in self.actions_by_name.values():
            bar.addAction(action)
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # shown when the window is too narrow for every button
            more.setAccessibleName("More formatting")
        return bar

    # the text, exactly --------------------------------------------------------------
    def markdown(self) -> str:
        """The text exactly as shown (one pass over it): what is stored."""
        return self.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")

    def set_markdown(self, text: str) -> None:
        """Load an entry: a fresh undo history that cannot reach the previous one."""
        self.setUndoRedoEnabled(False)
        self.setPlainText(text)
        self.setUndoRedoEnabled(True)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def forget(self) -> None:
        """Empty the editor and its undo stack."""
        self.setUndoRedoEnabled(False)
        self.clear()
        self.setUndoRedoEnabled(True)

    # the size limit, on what would be stored ----------------------------------------
    def _refuse_if_too_long(self, incoming: str) -> bool:
        """True (and a kind message) when inserting ``incoming`` over the selection
        would make the stored text longer than one entry can hold."""
        selected = self.textCursor().selectedText()
        # characterCount counts UTF-16 units (at least the number of characters) plus one.
        upper = self.document().characterCount() - 1 - len(selected) + len(incoming)
        if upper <= MAX_BODY_CHARS:
            return False
        length = len(self.markdown()) - len(stored_form(selected)) + len(stored_form(incoming))
        message = check_entry_length(length)
        if message:
            self.refused.emit(message)
            return True
        return False

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop: plain text only, and only when it fits."""
        incoming = source.text() if source.hasText() else ""
        if not incoming or self._refuse_if_too_long(incoming):
            return
        self.textCursor().insertText(stored_form(incoming))
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A keystroke that would make the entry too long is refused, like a paste."""
        typed = event.text()
        inserts = bool(typed) and (typed.isprintable() or typed in ("\r", "\n"))
        if inserts and self._refuse_if_too_long(typed):
            return
        super().keyPressEvent(event)

    # formatting: Markdown markers, inserted or taken away ---------------------------
    def _wrap(self, marker: str) -> None:
        """Put ``marker`` around the selection (or the word at the cursor), or take it off."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if self._refuse_if_too_long(marker * 2):
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        selected = cursor.selectedText()
        cursor.beginEditBlock()
        if not selected:
            cursor.insertText(marker * 2)
            cursor.setPosition(cursor.position() - len(marker))
        elif (
            len(selected) > 2 * len(marker)
            and selected.startswith(marker)
            and selected.endswith(marker)
        ):
            cursor.insertText(selected[len(marker) : -len(marker)])
        elif self._surrounded_by(start, end, marker):
            cursor.setPosition(end)
            cursor.setPosition(end + len(marker), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setPosition(start - len(marker))
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            cursor.setPosition(end)
            cursor.insertText(marker)
            cursor.setPosition(start)
            cursor.insertText(marker)
            cursor.setPosition(start + len(marker))
            cursor.setPosition(end + len(marker), QTextCursor.MoveMode.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

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

    def _toggle_prefix(self, prefix: str, matches: re.Pattern[str] | None = None) -> None:
        """Add ``prefix`` to every selected line, or take it off if they all have it."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        pattern = matches or re.compile(re.escape(prefix))
        remove = all(pattern.match(block.text()) for block in blocks)
        if not remove and self._refuse_if_too_long(prefix * len(blocks)):
            return
        cursor.beginEditBlock()
        for number, block in enumerate(blocks, start=1):
            edit = QTextCursor(block)
            if remove:
                found = pattern.match(block.text())
                assert found is not None
                edit.setPosition(block.position() + found.end(), QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            else:
                edit.insertText(f"{number}. " if prefix == "1. " else prefix)
        cursor.endEditBlock()

    def toggle_heading(self) -> None:
        self._toggle_prefix(_HEADING_MARK, re.compile(r"#{1,6} "))

    def toggle_bullets(self) -> None:
        self._toggle_prefix(_BULLET)

    def toggle_numbers(self) -> None:
        self._toggle_prefix("1. ", _NUMBERED)

    def toggle_quote(self) -> None:
        self._toggle_prefix(_QUOTE_MARK)

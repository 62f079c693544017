"""A comfortable rich-text editor that stores Markdown.

Bold, italics, headings, bulleted and numbered lists and quotes, each as an
action with a keyboard shortcut. What is stored is `QTextDocument.toMarkdown()`;
what is loaded goes through `setMarkdown()`. A paste that would make the entry
longer than one entry can hold is refused kindly and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolBar, QWidget

from journal.domain.entries.entry import check_entry_length

QUOTE_INDENT = 18.0
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15}


class MarkdownEditor(QTextEdit):
    """QTextEdit with formatting actions; Markdown in, Markdown out."""

    refused = Signal(str)  # a kind message: the paste was too long

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted HTML comes in as plain text
        self.setTabChangesFocus(True)
        self.setAccessibleName("Entry text")
        self.setPlaceholderText(
            "Write whatever you like. Nothing here is shared unless you say so."
        )
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
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action

    def toolbar(self) -> QToolBar:
        bar = QToolBar("Formatting")
        bar.setAccessibleName("Formatting")
        for action in self.actions_by_name.values():
            bar.addAction(action)
        return bar

    # Markdown in and out ----------------------------------------------------------
    def markdown(self) -> str:
        if self.document().isEmpty():
            return ""
        return self.document().toMarkdown().rstrip("\n") + "\n"

    def set_markdown(self, text: str) -> None:
        """Load an entry: a fresh undo history that cannot reach the previous one."""
        self.setUndoRedoEnabled(False)
        self.document().clear()
        self.document().setMarkdown(text)
        self.setUndoRedoEnabled(True)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def forget(self) -> None:
        """Empty the editor and its undo stack."""
        self.setUndoRedoEnabled(False)
        self.document().clear()
        self.setUndoRedoEnabled(True)

    # pasting ----------------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:
        incoming = source.text() if source.hasText() else ""
        message = check_entry_length(self.document().characterCount() + len(incoming))
        if message:
            self.refused.emit(message)
            return
        super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A new line after a heading starts as ordinary text again."""
        after_heading = self.textCursor().blockFormat().headingLevel() > 0
        super().keyPressEvent(event)
        if after_heading and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            if cursor.blockFormat().headingLevel() == 0:
                self.setCurrentCharFormat(self._plain_format())

    def _plain_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self.document().defaultFont().pointSizeF())
        fmt.setFontWeight(QFont.Weight.Normal)
        return fmt

    # formatting -------------------------------------------------------------------
    def toggle_bold(self) -> None:
        bold = self.fontWeight() < QFont.Weight.Bold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def toggle_heading(self) -> None:
        cursor = self.textCursor()
        block = cursor.blockFormat()
        level = 0 if block.headingLevel() else 2
        block.setHeadingLevel(level)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        fmt = QTextCharFormat()
        base = self.document().defaultFont().pointSizeF()
        fmt.setFontPointSize(base * HEADING_SCALE.get(level, 1.0))
        fmt.setFontWeight(QFont.Weight.DemiBold if level else QFont.Weight.Normal)
        cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            current.remove(cursor.block())
            block = cursor.blockFormat()
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def toggle_bullets(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDisc)

    def toggle_numbers(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDecimal)

    def toggle_quote(self) -> None:
        cursor = self.textCursor()
        block = cursor.blockFormat()
        quoted = block.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
        fmt = QTextBlockFormat(block)
        fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 0 if quoted else 1)
        fmt.setLeftMargin(0.0 if quoted else QUOTE_INDENT)
        cursor.setBlockFormat(fmt)

"""The partner reads a shared entry as its writer saw it in her editor: styled, the
Markdown markers taken off, every other character kept (issue 9, break test finding 11)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QAccessible, QFont, QTextCursor, QTextDocument

from journal.domain.together.items import SharedItem, Side
from journal.ui.together.item_page import ItemPage
from journal.ui.together.model import SharedItemsModel, said_item

BODY = (
    "> I held her for an hour\n"
    "my **little** _one_, \\*always\\*\n"
    "# Heading 😢 **I miss you** so much\n"
    "\n"
    "<little bean> 5*3 snake_case\n"
    "- a walk  with two spaces"
)
SHOWN = (
    "I held her for an hour\n"
    "my little one, \\*always\\*\n"  # a backslash typed is shown (session 20, F1)
    "Heading 😢 I miss you so much\n"
    "\n"
    "<little bean> 5*3 snake_case\n"
    "\u2022 a walk  with two spaces"
)


def _item(body: str = BODY) -> SharedItem:
    return SharedItem("e1", Side.PARTNER, "Sam", datetime(2026, 3, 2, 9, tzinfo=UTC), "", body)


def _format_at(document: QTextDocument, words: str) -> tuple[bool, bool, float]:
    """(bold, italic, size) of the first character of ``words`` in ``document``."""
    found = document.find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 1)
    fmt = cursor.charFormat()
    return (fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic(), fmt.font().pointSizeF())


def test_the_partner_reads_styled_words_with_no_markers_and_no_character_lost(qtbot):
    page = ItemPage()
    qtbot.addWidget(page)
    page.set_names("Alex", "Sam")
    page.show_item(_item(), "")
    page.show()
    qtbot.waitExposed(page)

    shown = QAccessible.queryAccessibleInterface(page.body).text(QAccessible.Text.Name)
    assert shown == SHOWN
    assert "**" not in shown and shown.count("\\") == BODY.count("\\")
    assert not any(line.startswith(("#", ">")) for line in shown.splitlines())

    document = QTextDocument()
    document.setDefaultFont(page.body.font())
    document.setHtml(page.body.text())
    assert document.toPlainText() == SHOWN
    plain = _format_at(document, "my ")
    assert _format_at(document, "little ")[0] and not plain[0]  # **little** is bold
    assert _format_at(document, "one,")[1]  # _one_ is italic
    assert _format_at(document, "I held")[1]  # a quote, italic as in the editor
    heading = _format_at(document, "Heading")
    assert heading[0] and heading[2] > plain[2]  # a heading, larger and bold
    assert _format_at(document, "I miss you")[0]
    assert not _format_at(document, "\\*always\\*")[0]  # escaped stars are text


def test_the_spoken_item_and_the_list_row_have_no_markers(qtbot):
    item = _item("**I miss you** so much\n\\*always\\*")
    assert "I miss you so much \\*always\\*" in said_item(item)
    assert "**" not in said_item(item)
    model = SharedItemsModel()
    model.set_items([item])
    row = model.data(model.index(0))
    assert row.splitlines()[1] == "I miss you so much"  # the headline rule, as the Journal's

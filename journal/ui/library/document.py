"""Turning an article into the Markdown the reader shows, and finding its headings again.

The reader shows one Markdown document per article: the title and summary, the
body (always with the not-medical-advice line), then sources, the reviewed date
and the Related list as ``solace://article/`` links.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from journal.domain.library.articles import Article, slugify
from journal.domain.library.links import article_url
from journal.ui.common.links import heard_links

__all__ = [
    "ARTICLE_DESCRIPTION",
    "NOT_MEDICAL_ADVICE",
    "article_markdown",
    "day_text",
    "heading_block",
    "name_headings",
    "read_as_article",
]

NOT_MEDICAL_ADVICE = (
    "This is general information, not medical advice. Your own doctor's instructions come first."
)
#: What a browser showing an article says of itself to a screen reader (its accessible
#: description); `heard_links` adds how its links are reached.
ARTICLE_DESCRIPTION = (
    "Article from the Solace library, to read: the arrow keys move through its text"
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def day_text(day: dt.date) -> str:
    """Like "1 March 2024"."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def article_markdown(article: Article, articles: Mapping[str, Article]) -> str:
    """The Markdown the reader shows for ``article``: title, summary, the not-medical-advice
    note, the body, its sources and links to the related articles found in ``articles``.
    """
    parts = [f"# {_escape(article.title)}", f"*{_escape(article.summary)}*"]
    if "not medical advice" not in article.body.lower():
        parts.append(NOT_MEDICAL_ADVICE)
    parts.append(article.body.strip())
    parts.append("---")
    # Each source says what it is (a web article, the Mayo Clinic, a study), so a list
    # reads better than one long line.
    parts.append("**Sources**")
    parts.append("\n".join(f"- {_escape(source)}" for source in article.sources))
    parts.append(f"Reviewed on {day_text(article.reviewed)}.")
    related = [articles[slug] for slug in article.related if slug in articles]
    if related:
        parts.append("## Related")
        parts.append("\n".join(f"- [{_escape(r.title)}]({article_url(r.slug)})" for r in related))
    return "\n\n".join(parts) + "\n"


def heading_block(document: QTextDocument, section_id: str) -> QTextBlock | None:
    """The first heading (level 2 or deeper) whose slugified text is ``section_id``."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() >= 2 and slugify(block.text()) == section_id:
            return block
        block = block.next()
    return None


def name_headings(document: QTextDocument) -> None:
    """Give each heading (level 2 or deeper) an anchor named by its section id.

    Qt's Markdown import makes no anchors for headings; with these,
    ``QTextBrowser.scrollToAnchor(section_id)`` finds the section.
    """
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() >= 2 and block.length() > 1:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([slugify(block.text())])
            cursor.mergeCharFormat(anchor)
        block = block.next()


def read_as_article(browser: QTextBrowser) -> None:
    """Make ``browser`` met as an article to read (issue 15, finding 4): described as
    one (`ARTICLE_DESCRIPTION`, then how its links are reached and heard:
    `heard_links`), read-only, with its caret walked by keys (caret browsing: arrows,
    Page Up and Down, Ctrl+Home, Ctrl+End), where a screen reader reads from.

    Qt's own interface for a QTextBrowser has the role "static text", read-only, with
    the Text interface (the words, the caret; headings only as their words); no widget
    of Qt's has the role "document", and giving it one takes an accessible interface
    written in Python, which crashed test workers as windows were deleted (reverted).
    So the role stays Qt's and the description says what it is."""
    browser.setReadOnly(True)
    browser.setAccessibleDescription(ARTICLE_DESCRIPTION)
    browser.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    heard_links(browser)

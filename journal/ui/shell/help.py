"""Help > Using Solace while no journal is open: the same library article, in a window.

Once a journal is unlocked, Help opens the article in the Library instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QWidget

from journal.domain.library.articles import ArticleError, articles_dir, load_article
from journal.ui.common.fit import dialog_layout
from journal.ui.library.document import article_markdown, read_as_article

HELP_SLUG = "using-solace"
UNAVAILABLE = "The help page could not be read from this copy of Solace. Nothing else is affected."


class HelpDialog(QDialog):
    """The "Using Solace" article, read-only; its links to other articles are inert
    (they open in the Library once a journal is unlocked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Using Solace")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Using Solace")
        self.browser.setOpenLinks(False)
        read_as_article(self.browser)  # described, caret browsing, links heard
        try:
            article = load_article(articles_dir() / f"{HELP_SLUG}.md")
        except ArticleError:
            self.browser.setPlainText(UNAVAILABLE)
        else:
            self.browser.setMarkdown(article_markdown(article, {}))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout, footer = dialog_layout(self, width_chars=80, height_lines=30)
        layout.addWidget(self.browser, 1)
        footer.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget) -> HelpDialog:
        """Open (without blocking) one help window per parent; a second F1 raises it."""
        existing = parent.findChild(HelpDialog)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = cls(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

"""An open Together session: read together, couple prompts, ideas, recovery, and Leave."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from journal.domain.common.bidi import isolated
from journal.domain.together.items import Side
from journal.ui.common.dark import is_dark_palette
from journal.ui.common.elided import ElidedLabel
from journal.ui.common.flow import flow_row
from journal.ui.common.stacks import CurrentPageTabs
from journal.ui.common.widgets import label
from journal.ui.together.ideas import IdeasTogether
from journal.ui.together.marks import mark, side_colour
from journal.ui.together.prompts import PromptsTogether
from journal.ui.together.reader import ReadTogether
from journal.ui.together.recovery import RecoveryTogether

__all__ = ["SessionPage"]


LEAVE_PARTNER = "Locks your partner's journal now and asks for your passphrase again."
LEAVE_ONE_JOURNAL = "Closes Together and asks for this journal's passphrase again."


class SessionPage(QWidget):
    """The top of an open Together session: who is reading, both journals' names and Leave."""

    def __init__(self) -> None:
        super().__init__()
        self.who = label("", "heading")
        # Cut with "…" when a name is longer than the line (the whole name is its
        # tooltip and what a screen reader reads): an unbroken 40-letter name held a
        # 1024-pixel window wider at 200 % text (re-test 44b, M1).
        self.owner_name = ElidedLabel()
        self.partner_name = ElidedLabel()
        self.leave_button = QPushButton("&Leave Together")
        self.leave_button.setToolTip(LEAVE_PARTNER)
        self.reader = ReadTogether()
        self.prompts = PromptsTogether()
        self.ideas = IdeasTogether()
        self.recovery = RecoveryTogether()
        self.tabs = CurrentPageTabs()
        self.tabs.setAccessibleName("Together")
        self.tabs.addTab(self.reader, "&Read together")
        self.tabs.addTab(self.prompts, "Couple &prompts")
        self.tabs.addTab(self.ideas, "Closeness i&deas")
        self.tabs.addTab(self.recovery, "Re&covery")
        self.tabs.setUsesScrollButtons(True)  # at 200 % text the tabs scroll, not the page
        top = flow_row(self.who, self.owner_name, self.partner_name, trailing=(self.leave_button,))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(top)
        column.addWidget(self.tabs, 1)

    def set_names(self, owner: str, partner: str, own: frozenset[Side] = frozenset()) -> None:
        dark = is_dark_palette(self.palette())
        self.who.setText("Together:")
        for widget, side, name in (
            (self.owner_name, Side.OWNER, owner),
            (self.partner_name, Side.PARTNER, partner),
        ):
            widget.setText(f"{mark(side)} {isolated(name)}" if name else "")
            widget.setAccessibleName(name)
            colour = side_colour(side, dark).name()
            widget.setStyleSheet(f"color: {colour}; font-weight: 600; padding: 0 8px;")
        # A journal kept by two has no partner's journal to lock: say what Leave does.
        one_journal = own == frozenset(Side)
        self.leave_button.setToolTip(LEAVE_ONE_JOURNAL if one_journal else LEAVE_PARTNER)
        self.reader.set_names(owner, partner, own)

    def clear(self) -> None:
        self.reader.clear()
        self.prompts.clear()
        self.ideas.clear()
        self.recovery.clear()
        self.set_names("", "")
        self.who.clear()
        self.tabs.setCurrentIndex(0)

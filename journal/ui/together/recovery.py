"""The recovery summaries the partners chose to share (each is off unless turned on)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from journal.domain.together.items import Side
from journal.domain.together.recovery import RecoverySummary
from journal.ui.common.accessibility import readable, scroll_only
from journal.ui.common.local_time import say_day, say_moment
from journal.ui.common.widgets import grow_with_content, label
from journal.ui.together.layouts import empty
from journal.ui.together.marks import mark

__all__ = ["RecoveryTogether", "summary_lines"]

NONE_SHARED = (
    "Neither of you shares a recovery summary. Each of you can choose to, on "
    "Together's first page, and turn it off again at any time."
)


def summary_lines(summary: RecoverySummary) -> list[str]:
    """The summary in plain sentences."""
    lines = []
    if summary.days_since_loss is not None:
        days = summary.days_since_loss
        lines.append(f"{days} day{'s' if days != 1 else ''} since the loss.")
    if summary.bleeding_stopped_on is not None:
        lines.append(f"The bleeding stopped on {say_day(summary.bleeding_stopped_on)}.")
    else:
        lines.append("The bleeding has not been noted as stopped yet.")
    if summary.follow_ups:
        lines.append(
            "Follow-up appointments: "
            + "; ".join(say_moment(when, zone=zone) for when, zone in summary.follow_ups)
            + "."
        )
    else:
        lines.append("No follow-up appointment is noted.")
    if summary.signs_raised:
        lines.append("Warning signs the body log raised: " + ", ".join(summary.signs_raised) + ".")
    else:
        lines.append("The body log has raised no warning sign.")
    return lines


class RecoveryTogether(QScrollArea):
    """The recovery summaries the partners chose to share."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Recovery summaries you share")
        scroll_only(self)  # each line in it is a Tab stop read in its words
        inner = QWidget()
        self._column = QVBoxLayout(inner)
        self.setWidget(inner)
        grow_with_content(self)  # the main window's page is the one scroll

    def show_summaries(self, summaries: Sequence[tuple[Side, str, RecoverySummary]]) -> None:
        self.clear()
        if not summaries:
            self._column.addWidget(readable(label(NONE_SHARED), "Recovery"))
        for side, name, summary in summaries:
            card = QFrame()
            card.setObjectName("card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(18, 12, 18, 12)
            title = label(f"{mark(side)} {name}'s recovery", "title")
            title.setAccessibleName(f"{name}'s recovery")  # the shape is not read
            inner.addWidget(title)
            for line in summary_lines(summary):
                inner.addWidget(readable(label(line), f"{name}'s recovery"))
            self._column.addWidget(card)
        self._column.addWidget(
            label(
                "General information, not medical advice: your doctor's advice comes first.",
                "subtle",
            )
        )
        self._column.addStretch(1)

    def clear(self) -> None:
        empty(self._column)

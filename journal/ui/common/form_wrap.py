"""One rule for every row of a form: at a given width all its fields sit beside their
labels, or all sit under them (`WrappingForm`)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QFormLayout, QLabel, QLayoutItem, QStyle, QWidget

__all__ = ["WrappingForm"]

_ROLES = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole)


class WrappingForm(QFormLayout):
    """A form whose rows wrap together: each field beside its label while every row
    shown fits the form's width that way (the widest label, the spacing, and the width
    the field asks for: its size hint, in pixels), otherwise each field under its label.

    Qt's own `QFormLayout.WrapLongRows` decides row by row, so at 200 % text on a
    1024x600 screen the body log's Discharge and Recovery details' Kind drop-downs
    went under their labels while the other fields stayed beside theirs, a form that
    no longer read as one column (break test 10 of session 15, findings 4 and 5).
    The rule is taken again at each `setGeometry`, so it follows the window's width
    and the text size both ways, with a scroll bar's width either way as slack: a
    scroll bar coming or going never changes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def setGeometry(self, rect: QRect) -> None:
        """Lay the rows out in ``rect``, all beside or all under (see the class)."""
        margins = self.contentsMargins()
        width = rect.width() - margins.left() - margins.right()
        owner = self.parentWidget()
        style = owner.style() if owner is not None else None
        extent = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) if style else 0
        if self.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows:
            # Back beside only with a scroll bar's width to spare: the shorter form may
            # take its page's scroll bar away and so widen itself, never the reverse,
            # else a width on the edge would flip the rule at each layout.
            width -= 2 * extent
        else:
            # Under only when short by more than a scroll bar's width: a scroll bar
            # that comes for a moment as a refusal grows the dialog is no reason to
            # re-lay the whole form out (the fields are that much narrower than they
            # ask for meanwhile). Qt opens a dialog at most two thirds of the screen
            # wide, so Recovery details at 200 % text on 1366x768 opened with its
            # form exactly as wide as it asks, and the refusal under the day of the
            # loss put every field under its label and the dialog at the screen's
            # full height (issue 10, F5).
            width += extent
        policy = (
            QFormLayout.RowWrapPolicy.WrapLongRows  # wraps none, as all fit
            if self.all_fit(width)
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if self.rowWrapPolicy() != policy:
            self.setRowWrapPolicy(policy)
        super().setGeometry(rect)

    def all_fit(self, width: int) -> bool:
        """Whether every row shown fits ``width`` (px, inside the margins) with its field
        beside the widest label at the width the field asks for."""
        return self.beside_width() <= width

    def beside_width(self) -> int:
        """The width in pixels, inside the margins, the rows shown ask for with each field
        beside its label, whatever the rule now: a layout around the form that chooses
        its own shape by the form's width (the body log's pads beside or below it) asks
        this, never the size hint, which follows the rule and would flip with it."""
        pairs: list[tuple[int, int]] = []
        for row in range(self.rowCount()):
            label, field = (self.itemAt(row, role) for role in _ROLES)
            if field is None or field.isEmpty():
                continue  # a spanning row, or one hidden
            shown = label is not None and not label.isEmpty()
            pairs.append((label.sizeHint().width() if shown and label else 0, _asks(field)))
        if not pairs:
            return 0
        spacing = self.horizontalSpacing()
        if spacing < 0:
            spacing = max(self.spacing(), 0)
        widest_label = max(label for label, _ in pairs)
        return widest_label + spacing + max(field for _, field in pairs)


def _asks(field: QLayoutItem) -> int:
    """The width in pixels a field asks for beside its label: its size hint, but for a
    label that wraps (a note under a field, a refusal), which wraps to any width and
    asks only for its longest word: a refusal said under a date field made the form
    ask for the refusal's width on one line, and every row of the Appointment dialog
    went under its label as it appeared (issue 10, item 1: a note moves no field)."""
    widget = field.widget()
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.minimumSizeHint().width()
    return field.sizeHint().width()

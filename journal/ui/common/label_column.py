"""One column of labels shared by several forms on a page.

A page built from more than one form (Create a journal: the name's form, then the
new passphrase pair's own) had a label column per form, each as wide as its own
labels, so the fields started at different x ("Name" box at 513 px, "Passphrase"
and "Again" at 547 px: break test 10 of session 12, finding 11). Putting the rows
into one form instead moved the fields into another widget, which changed their
order among the dialog's children and its Tab order (Change passphrase). Here each
form keeps its own rows and widgets; only the labels' width is shared.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QStyle, QWidget


class LabelColumn:
    """The labels of several forms of one page, all as wide as the widest of them and
    as far from their fields, so that every field of the page starts at one x. Add
    each row with `add_row`."""

    def __init__(self) -> None:
        self._labels: list[_ColumnLabel] = []

    def add_row(
        self,
        form: QFormLayout,
        text: str,
        field: QWidget,
        inset: Callable[[], int | None] | None = None,
    ) -> QLabel:
        """Add to ``form`` a row of ``field`` labelled ``text`` (with its ``&``
        mnemonic), as ``QFormLayout.addRow(text, field)`` does, its label as wide as
        the column's; returns the label. The form's gap between labels and fields is
        set to the style's: left unset it is the enclosing layout's spacing, which
        differs between the forms of one page (12 px in a card, 6 px in a widget).

        ``inset``: for a form that starts further right than the others (inside a
        group box's frame), how much further (pixels), so that its fields still start
        at the column's x; None while the form is not under the others (beside them),
        when its labels are as wide as their own words."""
        made = _ColumnLabel(text, self, inset)
        made.setBuddy(field)
        self._labels.append(made)
        form.addRow(made, field)
        owner = form.parentWidget()
        style = owner.style() if owner is not None else QApplication.style()
        form.setHorizontalSpacing(
            max(0, style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing))
        )
        return made

    def width(self) -> int:
        """The column's width (pixels): the widest label's own width now (at its font,
        whatever the text size is)."""
        widths = [
            QLabel.sizeHint(each).width() + (each.inset() or 0)
            for each in self._labels
            if shiboken6.isValid(each) and each.inset() is not None
        ]
        return max(widths, default=0)


class _ColumnLabel(QLabel):
    """A label whose size hints are as wide as its column (`LabelColumn`), less its
    form's inset."""

    def __init__(
        self, text: str, column: LabelColumn, inset: Callable[[], int | None] | None
    ) -> None:
        super().__init__(text)
        self._column = column
        self._inset = inset

    def inset(self) -> int | None:
        """How much further right than the column its form starts (pixels), or None
        while it is not in the column (`LabelColumn.add_row`)."""
        return self._inset() if self._inset is not None else 0

    def _wide(self, own: int) -> int:
        inset = self.inset()
        if inset is None:
            return own
        return max(own, self._column.width() - inset)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._wide(hint.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._wide(hint.width()), hint.height())

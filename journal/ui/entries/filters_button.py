"""The search's Filters button: a funnel beside the search field, named "Filters".

At 200 % text the button's word "Filters" did not fit beside the field's placeholder
("Search your entries", whole since break test 10 of session 12, finding 7), so it
took a row of its own under the field, as in no other desktop app (issue 10). Here it
is an icon button, as the filter buttons beside search fields of mail and file
managers are: a funnel drawn at the size of the text and in the theme's colours,
named "Filters" for screen readers and in its tooltip, a Tab stop, and Alt+R still
opens the filters (the mnemonic of its name).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

NAME = "Filte&rs"
"""Its name, with its mnemonic (Alt+R): said by screen readers as "Filters"."""

ICON_EM = 1.0  # the funnel's side, in line heights of the button's font


def funnel(side: int, colour: object, ratio: float = 1.0) -> QPixmap:
    """A funnel ``side`` by ``side`` pixels (device-independent) in ``colour`` (a
    QColor), for a screen of ``ratio`` device pixels per pixel."""
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    s = float(side)
    path = QPainterPath(QPointF(0.08 * s, 0.15 * s))
    for x, y in ((0.92, 0.15), (0.58, 0.55), (0.58, 0.88), (0.42, 0.78), (0.42, 0.55)):
        path.lineTo(QPointF(x * s, y * s))
    path.closeSubpath()
    painter.drawPath(path)
    painter.end()
    return pixmap


class FiltersButton(QToolButton):
    """A checkable tool button showing a funnel (its name `NAME` as its text, not
    shown: Qt reads it to screen readers without the "&" and makes Alt+R its key).
    The funnel follows the button's font (`ICON_EM` of its line height) and palette
    (button text; highlighted text while checked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(NAME)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("Filters (Alt+R)")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._drawn: tuple[object, ...] = ()
        self._draw()

    def _draw(self) -> None:
        """The funnel at the size of the font and in the colours of the palette now."""
        side = max(12, round(self.fontMetrics().height() * ICON_EM))
        palette = self.palette()
        normal = palette.color(QPalette.ColorRole.ButtonText)
        chosen = palette.color(QPalette.ColorRole.HighlightedText)
        ratio = self.devicePixelRatioF()
        drawn = (side, normal.rgba(), chosen.rgba(), ratio)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        icon = QIcon()
        icon.addPixmap(funnel(side, normal, ratio), QIcon.Mode.Normal, QIcon.State.Off)
        icon.addPixmap(funnel(side, chosen, ratio), QIcon.Mode.Normal, QIcon.State.On)
        self.setIcon(icon)
        self.setIconSize(QSize(side, side))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._draw()

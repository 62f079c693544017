"""Check boxes and radio buttons drawn at the size of their text, in both themes.

Fusion draws a check box's and a radio button's indicator at a fixed 14 px, whatever
the text size: at 200 % text a 12 px box sat beside 30 px letters, and in the dark
theme a ticked box was a bare tick with no box (break test 14 of session 6, finding
10). The app's style sheet sizes the indicators by the text size
(`journal.ui.common.theme.indicator_rules`: `INDICATOR_EM` of the line height) and
`IndicatorStyle` draws them: a box or a ring whose border has the
theme's indicator colour (at least 3:1 against the background, WCAG 2.2 1.4.11),
filled with the highlight colour and a tick or a dot when chosen. Every check box
and radio button of the app, and the check boxes of list items, are drawn by it.

It also draws the keyboard focus as a ring of the theme's focus colour on every kind of
control the style sheet gives no ring (`IndicatorStyle._focus_ring`): Fusion marked
them by a faint 1 px line, or on a tab by nothing at all.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from journal.ui.common.dark import is_dark_palette
from journal.ui.common.focus_ring import FOCUS_COLOUR

#: The width of the focus ring the app's style draws.
FOCUS_RING_PX = 2
#: Where Fusion draws its focus rectangle, the controls that get the ring there instead:
#: those with no ring of their own in the style sheet (push buttons, text fields and
#: checkable tool buttons have one, around the whole control; a push button's inner
#: focus rectangle stays Fusion's, so the two never cross its words).
_RINGED = (QCheckBox, QRadioButton, QAbstractItemView, QToolButton)
#: The controls Fusion marks as focused only by a 1 px edge in the highlight colour, that
#: get the ring around them as well: drop-downs, and spin boxes (date and time fields
#: are spin boxes too).
_RINGED_WHOLE = frozenset({QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox})

#: The edge of an unticked check box or radio button, light and dark theme: at least 3:1
#: against the background (WCAG 2.2, 1.4.11 non-text contrast).
INDICATOR_COLOUR = {False: "#8a847c", True: "#a29d96"}

_BOXES = frozenset(
    {
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    }
)


def border_colour(palette: QPalette) -> QColor:
    """The edge of an unchosen indicator drawn with ``palette``: its theme's
    `INDICATOR_COLOUR` (at least 3:1 against the background, WCAG 2.2 1.4.11), the
    dark theme's when the palette's window colour is dark (HSL lightness under 128)."""
    return QColor(INDICATOR_COLOUR[is_dark_palette(palette)])


class IndicatorStyle(QProxyStyle):
    """Fusion (``base``, a `QStyleFactory` key), drawing check-box and radio-button
    indicators in the rect Qt gives (sized by the style sheet, `indicator_rules`).

    It overrides no size (``pixelMetric``): Qt's layouts ask the style for every margin
    of every widget, and a Python override there was called by PySide with no arguments
    inside a style-sheet re-polish (segmentation fault, crash16).

    One for the whole process (`app_style`): its colours come from the palette it draws
    with, so a change of theme or text size never replaces it."""

    def __init__(self, base: str = "Fusion") -> None:
        super().__init__(base)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in _BOXES:
            self._draw(option, painter, round_=False)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            self._draw(option, painter, round_=True)
        elif element == QStyle.PrimitiveElement.PE_FrameFocusRect and _ringed(widget):
            self._focus_ring(option, painter, QRectF(option.rect))
        else:
            super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_WHOLE and option.state & QStyle.StateFlag.State_HasFocus:
            self._focus_ring(option, painter, QRectF(option.rect))

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if (
            element == QStyle.ControlElement.CE_TabBarTabLabel
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            # Fusion marks a focused tab by nothing at all; the ring goes inside the tab.
            inset = FOCUS_RING_PX + 1
            self._focus_ring(
                option, painter, QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
            )

    @staticmethod
    def _focus_ring(option: QStyleOption, painter: QPainter, rect: QRectF) -> None:
        """Where the keyboard focus is, ``rect`` of the control drawn with ``option``
        (a check box's or radio button's words, a list's current item, a plain tool
        button, a tab, a whole drop-down or spin box): a `FOCUS_RING_PX` ring inside it
        in the theme's focus colour (`FOCUS_COLOUR`, at least 3:1 against the
        backgrounds, WCAG 2.2 1.4.11), as buttons and fields have from the style sheet.
        Fusion's own was a 1 px line of the highlight colour, at a quarter of its
        strength around words, hard to see in either theme."""
        dark = is_dark_palette(option.palette)
        half = FOCUS_RING_PX / 2
        ring = rect.adjusted(half, half, -half, -half)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(FOCUS_COLOUR[dark]), FOCUS_RING_PX))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(ring, 3, 3)
        painter.restore()

    def _draw(self, option: QStyleOption, painter: QPainter, *, round_: bool) -> None:
        palette = option.palette
        state = option.state
        chosen = bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_NoChange))
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        accent = palette.color(group, QPalette.ColorRole.Highlight)
        if not enabled:
            accent = palette.color(group, QPalette.ColorRole.Text)
        side = min(option.rect.width(), option.rect.height())
        line = max(1.0, side / 14)
        box = QRectF(option.rect).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        box.setSize(box.size().boundedTo(box.size().transposed()))  # square
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = state & QStyle.StateFlag.State_HasFocus
        edge = accent if chosen or focused else border_colour(palette)
        painter.setPen(QPen(edge, line))
        fill = accent if chosen and not round_ else palette.color(group, QPalette.ColorRole.Base)
        painter.setBrush(fill)
        if round_:
            painter.drawEllipse(box)
            if chosen:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                dot = box.width() * 0.25
                painter.drawEllipse(box.center(), dot, dot)
        else:
            radius = side * 0.15
            painter.drawRoundedRect(box, radius, radius)
            if state & QStyle.StateFlag.State_NoChange:
                self._partly(painter, box, palette.color(group, QPalette.ColorRole.HighlightedText))
            elif chosen:
                self._tick(painter, box, palette.color(group, QPalette.ColorRole.HighlightedText))
        painter.restore()

    @staticmethod
    def _tick(painter: QPainter, box: QRectF, colour: QColor) -> None:
        w, h, x, y = box.width(), box.height(), box.x(), box.y()
        path = QPainterPath(QPointF(x + w * 0.22, y + h * 0.53))
        path.lineTo(QPointF(x + w * 0.42, y + h * 0.73))
        path.lineTo(QPointF(x + w * 0.78, y + h * 0.30))
        pen = QPen(colour, max(1.5, w / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    @staticmethod
    def _partly(painter: QPainter, box: QRectF, colour: QColor) -> None:
        """A partly chosen box (a tri-state's middle state): a bar."""
        pen = QPen(colour, max(1.5, box.width() / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        middle = box.center().y()
        painter.drawLine(
            QPointF(box.x() + box.width() * 0.25, middle),
            QPointF(box.right() - box.width() * 0.25, middle),
        )


def _ringed(widget: QWidget | None) -> bool:
    """Whether ``widget``'s focus rectangle is drawn as the app's ring (`_RINGED`, but
    not a checkable tool button, whose ring is the style sheet's)."""
    if isinstance(widget, QToolButton):
        return not widget.isCheckable()
    return isinstance(widget, _RINGED)


# The process's one `IndicatorStyle` (see `app_style`).
_APP_STYLE: list[IndicatorStyle] = []


def app_style() -> IndicatorStyle:
    """The process's one `IndicatorStyle`: made on the first call, the same object on
    every later one while Qt has not deleted it (a new one after the application that
    held it is gone). `apply_theme` gives it to the application once and never replaces
    it: Qt deletes a style it replaces, under PySide's wrapper of the Python style
    (see `journal.ui.common.theme._set_style`)."""
    if not _APP_STYLE or not isValid(_APP_STYLE[0]):
        _APP_STYLE[:] = [IndicatorStyle("Fusion")]
    return _APP_STYLE[0]

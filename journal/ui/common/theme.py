"""Calm light and dark palettes, and the text size the user chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from journal.settings import Theme
from journal.ui.common.app_filter import deferred_while_restyling
from journal.ui.common.focus_ring import FOCUS_COLOUR, FOCUS_ON_HIGHLIGHT
from journal.ui.common.widgets import rescale_text

BASE_POINT_SIZE = 11
# Marks a theme applied without `IndicatorStyle` (see `apply_theme`).
_PLAIN_FUSION = "/fusion"
_INDICATORS = "indicators"  # the app's style is `IndicatorStyle` (see `_set_style`)

_LIGHT = {
    QPalette.ColorRole.Window: "#f6f4f1",
    QPalette.ColorRole.WindowText: "#2b2a28",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#efece7",
    QPalette.ColorRole.Text: "#2b2a28",
    QPalette.ColorRole.Button: "#ebe7e1",
    QPalette.ColorRole.ButtonText: "#2b2a28",
    QPalette.ColorRole.Highlight: "#5b7f8f",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#2b2a28",
    QPalette.ColorRole.PlaceholderText: "#6f6b66",
    QPalette.ColorRole.Link: "#2f6275",
    QPalette.ColorRole.Mid: "#c9c3ba",
}

_DARK = {
    QPalette.ColorRole.Window: "#22252a",
    QPalette.ColorRole.WindowText: "#e7e3dd",
    QPalette.ColorRole.Base: "#1a1c20",
    QPalette.ColorRole.AlternateBase: "#2a2d33",
    QPalette.ColorRole.Text: "#e7e3dd",
    QPalette.ColorRole.Button: "#30343a",
    QPalette.ColorRole.ButtonText: "#e7e3dd",
    QPalette.ColorRole.Highlight: "#7fa6b6",
    QPalette.ColorRole.HighlightedText: "#111316",
    QPalette.ColorRole.ToolTipBase: "#2a2d33",
    QPalette.ColorRole.ToolTipText: "#e7e3dd",
    QPalette.ColorRole.PlaceholderText: "#a29d96",
    QPalette.ColorRole.Link: "#9cc7d8",
    QPalette.ColorRole.Mid: "#4a4f57",
}

_STYLE_SHEET = """
QWidget#lockCard, QFrame#card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 10px;
}
QLabel[role="subtle"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: %(error)s; }
QLabel[role="notice"], QLabel[role="safety"] {
    background: palette(alternate-base); border-radius: 6px; padding: 10px;
}
QLabel[role="safety"] { border: 2px solid palette(highlight); padding: 8px; }
QLabel[role="safety"]:focus { border: 3px solid %(focus)s; padding: 7px; }
QLabel[role="urgency"] {
    border-style: solid; border-width: 0px 0px 0px 4px; border-color: palette(mid);
    padding: 2px 8px;
}
QLabel[role="urgency"][level="immediately"] { border-color: palette(highlight); }
QPushButton {
    background: palette(button); border: 1px solid palette(mid);
    padding: 6px 16px; border-radius: 6px; min-height: 1.4em;
}
QPushButton:hover { border-color: palette(highlight); }
QPushButton:default { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
QPushButton:disabled { background: palette(window); color: palette(placeholder-text); }
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
QPushButton[role="link"] { background: transparent; border: 1px solid transparent;
    color: palette(link); }
QPushButton[role="link"]:hover { text-decoration: underline; }
QLineEdit, QPlainTextEdit, QTextEdit {
    border: 1px solid palette(mid); border-radius: 5px; padding: 4px 6px;
    background: palette(base);
}
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 3px solid %(focus)s;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { padding: 2px 4px; }
QPushButton:focus { padding: 4px 14px; }
QPushButton[role="link"]:focus { border: 3px solid %(focus)s; }
QDateTimeEdit[refused="true"], QDateTimeEdit[noted="true"], QLineEdit[noted="true"],
QPlainTextEdit[noted="true"], QComboBox[noted="true"], QSpinBox[noted="true"] {
    border: 2px solid %(error)s; border-radius: 5px;
}
QDateTimeEdit[refused="true"]:focus, QDateTimeEdit[noted="true"]:focus,
QLineEdit[noted="true"]:focus, QPlainTextEdit[noted="true"]:focus,
QComboBox[noted="true"]:focus, QSpinBox[noted="true"]:focus {
    border: 4px solid %(error)s;
}
QPushButton:default:focus, QPushButton:checked:focus {
    border: 3px solid %(focus_on_highlight)s;
}
QLabel[readable="true"] { border: 3px solid transparent; border-radius: 5px; }
QLabel[readable="true"]:focus { border: 3px solid %(focus)s; }
ItemPage { border: 3px solid transparent; border-radius: 5px; }
ItemPage:focus { border: 3px solid %(focus)s; }
QListWidget#navigation, QListView#navigation { border: none; background: palette(window); }
QListWidget#navigation::item { padding: 10px 14px; border-radius: 6px; }
QListWidget#navigation::item:selected {
    background: palette(highlight); color: palette(highlighted-text);
}
QToolBar { border: none; spacing: 6px; padding: 4px; }
QToolButton[checkable="true"] {
    border: 3px solid transparent; border-radius: 5px; padding: 2px 6px; background: transparent;
}
QToolButton[checkable="true"]:hover { background: palette(alternate-base); }
QToolButton[checkable="true"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
}
QToolButton[checkable="true"]:focus { border-color: %(focus)s; }
QToolButton[checkable="true"]:checked:focus { border-color: %(focus_on_highlight)s; }
QScrollBar { background: palette(alternate-base); margin: 0; border: none; }
QScrollBar:vertical { width: 14px; }
QScrollBar:horizontal { height: 14px; }
QScrollBar::handle { background: %(thumb)s; border-radius: 4px; }
QScrollBar::handle:vertical { min-height: 32px; margin: 1px 3px; }
QScrollBar::handle:horizontal { min-width: 32px; margin: 3px 1px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background: palette(highlight); }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""

ERROR_COLOUR = {False: "#9c3f2f", True: "#f0a493"}
# A check box's or radio button's indicator (and an item view's check box): a square
# INDICATOR_EM of the text's line height (about the height of a capital letter), at
# least Fusion's own 14 px, with a gap to its text of LABEL_GAP_EM of the line height,
# at least Fusion's 6 px. Fusion drew them 14 px at any text size: at 200 % a 12 px
# box sat beside 30 px letters (break test 14 of session 6, finding 10).
INDICATOR_EM = 0.8
MIN_INDICATOR_PX = 14
LABEL_GAP_EM = 0.3
MIN_LABEL_GAP_PX = 6
# A scroll bar's thumb: at least 3:1 against its track (alternate base) and the window
# (WCAG 2.2, 1.4.11). Fusion draws the thumb lighter than the track, nearly the window's
# colour in the light theme, so the darker track above it read as the thumb.
THUMB_COLOUR = {False: "#77716a", True: "#a29d96"}


def indicator_rules(line_height: int) -> str:
    """Style-sheet rules sizing check boxes' and radio buttons' indicators (and item
    views' check boxes) and the gap beside them for text whose line height is
    ``line_height`` px (`QFontMetrics.height`): `INDICATOR_EM` and `LABEL_GAP_EM` of it,
    at least `MIN_INDICATOR_PX` and `MIN_LABEL_GAP_PX`.

    Geometry only (no border, background or image), so Qt's style sheet keeps having
    the app's style draw them (`journal.ui.common.indicators.IndicatorStyle`). These
    sizes were a Python override of the style's ``pixelMetric``, which Qt's layouts call
    for every margin of every widget: PySide once called it with no arguments, inside
    a style-sheet re-polish, and the process died (crash16)."""
    side = max(MIN_INDICATOR_PX, round(line_height * INDICATOR_EM))
    gap = max(MIN_LABEL_GAP_PX, round(line_height * LABEL_GAP_EM))
    gap -= 1  # the style sheet starts the text a pixel further from the box than Fusion
    return (
        "QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator"
        f" {{ width: {side}px; height: {side}px; }}\n"
        # Fusion's own 4 px beside and 5 px under the text, which a style sheet's size
        # of a check box or radio button leaves out.
        f"QCheckBox, QRadioButton {{ spacing: {gap}px; padding: 3px 5px 2px 0px; }}\n"
        # An item view lays its text out beside the indicator's size only with a rule
        # of its own for the text (else the text starts 14 px in, under a larger box).
        "QAbstractItemView::text { padding: 0px; }\n"
    )


#: A button's icon beside text whose line height is this many pixels is Qt's own 16 px
#: (Fusion's ``PM_ButtonIconSize``, at 100 % text in the default font); it grows with
#: the text from there (`icon_rules`).
ICON_PX = 16
ICON_EM = 0.9


def icon_rules(line_height: int) -> str:
    """Style-sheet rules sizing the icons buttons show beside their text (the platform
    theme's icons on a dialog button box's Save, Cancel, OK, under X11 and Wayland) for
    text whose line height is ``line_height`` px: `ICON_EM` of it, at least `ICON_PX`.
    At 200 % text they stayed 16 px beside 30 px letters (issue 10). The style sheet's
    ``icon-size``, not an override of the style's ``pixelMetric`` (crash16, see
    `indicator_rules`); it follows every change of text size, as the sheet is made
    again then (`apply_theme`)."""
    side = max(ICON_PX, round(line_height * ICON_EM))
    return f"QPushButton, QToolButton {{ icon-size: {side}px; }}\n"


#: A link-style button's padding beside its words, as a share of the text's line height
#: (`link_rules`), and the least in pixels (100 % text).
LINK_PAD_EM = 0.25
LINK_PAD_PX = 4
LINK_PAD_TOP_PX = 6
FOCUS_FRAME_PX = 3  # a focused button's frame; 1 px otherwise


def link_rules(line_height: int) -> str:
    """Style-sheet rules for the padding of link-style buttons (``role`` "link": the
    lock screen's "Restore a backup…", "Rescue what can be read…") for text whose line
    height is ``line_height`` px: `LINK_PAD_EM` of it beside the words (at least
    `LINK_PAD_PX`) and half that above and below (at least `LINK_PAD_TOP_PX`), the
    same outer size with the focus frame as without. At 200 % text a fixed 2 px inside
    the 3 px focus frame left the words touching it (issue 16)."""
    side = max(LINK_PAD_PX, round(line_height * LINK_PAD_EM))
    top = max(LINK_PAD_TOP_PX, round(line_height * LINK_PAD_EM / 2))
    inset = FOCUS_FRAME_PX - 1
    return (
        f'QPushButton[role="link"] {{ padding: {top}px {side}px; }}\n'
        f'QPushButton[role="link"]:focus {{ padding: {top - inset}px {side - inset}px; }}\n'
    )


def style_sheet(dark: bool, font: QFont | None = None) -> str:
    """The application's style sheet for the light (False) or dark (True) theme: the colours
    the palette cannot carry (errors, scroll-bar thumbs, focus rings), and the size of
    check boxes, radio buttons and buttons' icons and link buttons' padding for text
    in ``font`` (`indicator_rules`, `icon_rules`, `link_rules`; the application's font
    when None)."""
    metrics = QFontMetrics(font if font is not None else QApplication.font())
    return (
        _STYLE_SHEET
        % {
            "error": ERROR_COLOUR[dark],
            "thumb": THUMB_COLOUR[dark],
            "focus": FOCUS_COLOUR[dark],
            "focus_on_highlight": FOCUS_ON_HIGHLIGHT[dark],
        }
        + indicator_rules(metrics.height())
        + icon_rules(metrics.height())
        + link_rules(metrics.height())
    )


def is_dark(theme: Theme) -> bool:
    """Whether `theme` draws dark: the desktop's colour scheme for `Theme.SYSTEM`."""
    if theme is Theme.SYSTEM:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return theme is Theme.DARK


def palette_for(dark: bool) -> QPalette:
    """The light or dark palette Solace draws with (`dark`); disabled text has a colour of
    its own in each."""
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#8a857e" if not dark else "#6d6963")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _colours(applied: str) -> str:
    """The colours of an applied theme (``solaceTheme``: "dark/150", "light/100/fusion")."""
    return applied.partition("/")[0]


def _set_style(app: QApplication, indicators: bool) -> bool:
    """Give ``app`` its style, at most twice a process: Fusion at start-up
    (``indicators`` False) and then the one `IndicatorStyle` (`app_style`), never again
    after that. Returns whether the app's style is `IndicatorStyle` (its ``solaceStyle``
    property).

    Qt deletes the style it replaces (with an app style sheet set, the QStyleSheetStyle
    wrapped around it, and the replaced style with it, under PySide's wrapper of a
    Python style). Every change of theme made a new Python `IndicatorStyle` and had Qt
    delete the last one, and each window built went back to Fusion and then to
    `IndicatorStyle` again: the suspect of the recurring segmentation faults in
    `apply_theme`, `IndicatorStyle.pixelMetric` and the garbage collector (crash16; not
    their whole cause, one was seen with this in). Once `IndicatorStyle` is in, it stays."""
    styled = app.property("solaceStyle")
    if indicators and styled != _INDICATORS:
        from journal.ui.common.indicators import app_style

        app.setStyle(app_style())
        app.setProperty("solaceStyle", _INDICATORS)
        return True
    if not styled:
        app.setStyle("Fusion")
        app.setProperty("solaceStyle", _PLAIN_FUSION)
    return bool(app.property("solaceStyle") == _INDICATORS)


def apply_theme(
    app: QApplication, theme: Theme, font_scale_percent: int = 100, *, indicators: bool = True
) -> None:
    """Style the whole app: palette, text size (``font_scale_percent``, 75 to 250 %),
    style sheet and Qt's Fusion style. Re-styling costs a few hundred milliseconds, so
    it only happens when the colours or the text size actually change.

    ``indicators`` False leaves out `IndicatorStyle` (check boxes and radio buttons
    drawn in each theme's colours; their sizes come from the style sheet,
    `indicator_rules`, either way) and uses Fusion itself, until `apply_theme` is called
    again with True, which then styles the app again. Start-up does so before the lock
    screen paints (whose first page shows no check box or radio button) and adds the
    indicators straight after: a Python style makes PySide build Python classes for
    QStyle and the style options it sees (issue 12). Once in, the
    one `IndicatorStyle` stays for the life of the process (see `_set_style`): later
    calls, with either ``indicators``, set only the palette, the font and the style
    sheet."""
    dark = is_dark(theme)
    applied = f"{'dark' if dark else 'light'}/{font_scale_percent}"
    current = app.property("solaceTheme")
    if current == applied or (not indicators and current == applied + _PLAIN_FUSION):
        return
    styled = app.property("solaceStyle")
    indicators = _set_style(app, indicators)
    now = applied if indicators else applied + _PLAIN_FUSION
    app.setProperty("solaceTheme", now)
    # The app's Python event filters are not re-entered by what their layout work
    # sends inside Qt's re-polish: that is handed to them after it (crash16).
    with deferred_while_restyling(app):
        # A change of the text size alone keeps the style and the palette: setting
        # either re-polishes every widget of the app once more (`IndicatorStyle` reads
        # each widget's palette as it draws, so nothing in it depends on either).
        if (
            not isinstance(current, str)
            or _colours(current) != _colours(now)
            or app.property("solaceStyle") != styled
        ):
            app.setPalette(palette_for(dark))
        font = QFont(app.font())
        font.setPointSizeF(BASE_POINT_SIZE * max(75, min(font_scale_percent, 250)) / 100)
        app.setFont(font)
        app.setStyleSheet(style_sheet(dark, font))
        rescale_text()  # after the style sheet, whose re-polish puts back the fonts it found

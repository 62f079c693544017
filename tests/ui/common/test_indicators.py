"""Check boxes and radio buttons follow the text size and show in both themes (break
test 14 of session 6, finding 10): at 200 % text the box of "I have written it down
or printed it" stayed ~12 px beside 30 px letters, and in the dark theme a ticked
"Keep a body log" was a bare tick with no box."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from journal.settings import Theme
from journal.ui.common.theme import INDICATOR_EM, MIN_INDICATOR_PX, apply_theme

T = TypeVar("T")


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    apply_theme(instance, Theme.LIGHT, 100)


def indicator(button: QAbstractButton) -> tuple[QImage, QColor, list[int]]:
    """The button as drawn, its window colour, and its indicator's rect (x, y, w, h)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(button, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    window = button.palette().color(button.backgroundRole())
    return image, window, [rect.x(), rect.y(), rect.width(), rect.height()]


def differs(a: QColor, b: QColor) -> bool:
    return abs(a.lightness() - b.lightness()) > 40 or abs(a.hue() - b.hue()) > 30


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
@pytest.mark.parametrize("checked", [False, True])
def test_an_indicator_is_as_tall_as_its_letters_and_visible(qtbot, app, theme, kind, checked):  # type: ignore[no-untyped-def]
    apply_theme(app, theme, 200)
    button = kind("I have written it down or printed it")
    button.setChecked(checked)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    image, window, (x, y, w, h) = indicator(button)
    capital = button.fontMetrics().capHeight()
    assert h >= capital and w >= capital, (w, h, capital)  # was 13 px beside 30 px text
    # Its edge shows against the window: the box is drawn, not only its tick.
    edge = [image.pixelColor(x + w // 2, y + 1), image.pixelColor(x + 1, y + h // 2)]
    assert any(differs(colour, window) for colour in edge), (theme, kind, checked)
    if checked:  # chosen: most of it is filled (a box or a dot), not a bare mark
        inside = [
            image.pixelColor(x + i * w // 8, y + j * h // 8)
            for i in range(2, 7)
            for j in range(2, 7)
        ]
        filled = sum(differs(colour, window) for colour in inside)
        assert filled >= len(inside) // (2 if kind is QCheckBox else 5), filled


def test_the_indicator_keeps_its_size_at_100_percent(qtbot, app):  # type: ignore[no-untyped-def]
    apply_theme(app, Theme.LIGHT, 100)
    button = QCheckBox("Keep a body log")
    qtbot.addWidget(button)
    _image, _window, (_x, _y, w, h) = indicator(button)
    assert 13 <= w <= 20 and 13 <= h <= 20


def _python_style_calls(action) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the Python methods of a style (the app's, under its style sheet's)
    called while ``action`` runs."""
    called: list[str] = []

    def profile(frame, event, _arg):  # type: ignore[no-untyped-def]
        if event == "call" and isinstance(frame.f_locals.get("self"), QStyle):
            called.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return called


def test_layouts_never_call_python_for_a_size(qtbot, app):  # type: ignore[no-untyped-def]
    """Qt's layouts ask the style for every margin of every widget; the indicator sizes
    were a Python override of ``pixelMetric``, which PySide once called with no
    arguments inside a style-sheet re-polish (segmentation fault, crash16). The sizes
    now come from the style sheet, and a text-size change and a layout call no Python."""
    apply_theme(app, Theme.LIGHT, 100)
    page = QWidget()
    column = QVBoxLayout(page)
    boxes = [QCheckBox("Tissue passed"), QRadioButton("Light"), QCheckBox("Chills")]
    for box in boxes:
        column.addWidget(box)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)

    def resize_text() -> None:
        apply_theme(app, Theme.LIGHT, 200)
        page.adjustSize()
        for box in boxes:
            box.sizeHint()
            option = QStyleOptionButton()
            box.initStyleOption(option)
            box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)

    assert _python_style_calls(resize_text) == []
    # The sizes still follow the text: INDICATOR_EM of its line height, and a gap
    # beside them that grows with it (Fusion's 14 px and 6 px at the least).
    height = boxes[0].fontMetrics().height()
    for box in boxes:
        _image, _window, (x, _y, w, h) = indicator(box)
        assert w == h == max(MIN_INDICATOR_PX, round(height * INDICATOR_EM)), (w, height)
        option = QStyleOptionButton()
        box.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_RadioButtonContents
            if isinstance(box, QRadioButton)
            else QStyle.SubElement.SE_CheckBoxContents
        )
        text = box.style().subElementRect(element, option, box)
        assert text.x() - (x + w - 1) == max(6, round(height * 0.3)), text


def test_a_list_item_check_box_follows_the_text_size_and_its_text_beside_it(qtbot, app):  # type: ignore[no-untyped-def]
    """A checkable list item (the feelings) has its box at the text size and its text
    beside it, not under it (the text was laid out beside a 14 px box)."""
    apply_theme(app, Theme.LIGHT, 200)
    view = QListWidget()
    item = QListWidgetItem("heartbroken")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    view.addItem(item)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)  # type: ignore[attr-defined]
    index = view.indexFromItem(item)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
    style = view.style()
    box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    height = view.fontMetrics().height()
    assert box.width() == box.height() == max(MIN_INDICATOR_PX, round(height * INDICATOR_EM))
    assert text.x() > box.right(), (box, text)


def _focus_pixels(image: QImage, colour: QColor) -> int:
    """How many pixels of ``image`` are (nearly) ``colour``."""
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if (
                max(
                    abs(pixel.red() - colour.red()),
                    abs(pixel.green() - colour.green()),
                    abs(pixel.blue() - colour.blue()),
                )
                < 24
            ):
                found += 1
    return found


def _tabbed_to(
    qtbot: QtBot, control: QWidget, target: QWidget, measure: Callable[[QWidget], T]
) -> tuple[QWidget, T, T]:
    """Show ``control`` under a text field with the focus, press Tab to move on to
    ``target`` (in ``control``) as a person does (Qt then marks keyboard focus), and
    ``measure`` ``target`` before and after: (the window, which holds ``control`` while
    the caller keeps it, unfocused, focused)."""

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QLineEdit()
    layout.addWidget(before)
    layout.addWidget(control)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    unfocused = measure(target)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(target.hasFocus)
    return window, unfocused, measure(target)


def _pixels_of(colour: QColor) -> Callable[[QWidget], int]:
    """How many pixels of a widget, as drawn, are (nearly) ``colour``."""
    return lambda widget: _focus_pixels(widget.grab().toImage(), colour)


def _focus_target(kind: str) -> tuple[QWidget, QWidget]:
    """A control of ``kind`` as Solace has them, and the widget that takes the focus in
    it (a tab widget's tab bar)."""
    if kind == "check box":
        return (box := QCheckBox("Keep a body log")), box
    if kind == "radio button":
        return (radio := QRadioButton("Not yet")), radio
    if kind == "list":
        view = QListWidget()
        for words in ("First", "Second"):
            QListWidgetItem(words, view)
        view.setCurrentRow(0)
        return view, view
    if kind == "drop-down":
        combo = QComboBox()
        combo.addItems(["None", "Spotting", "Light"])
        return combo, combo
    if kind == "spin box":
        return (spin := QSpinBox()), spin
    if kind == "date field":
        day = QDateTimeEdit()
        day.setDisplayFormat("d MMMM yyyy")
        return day, day
    if kind == "tool button":
        button = QToolButton()
        button.setText("Show the values as a table")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button, button
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Log")
    tabs.addTab(QWidget(), "Charts")
    return tabs, tabs.tabBar()


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
@pytest.mark.parametrize(
    "kind",
    [
        "check box",
        "radio button",
        "list",
        "drop-down",
        "spin box",
        "date field",
        "tool button",
        "tab bar",
    ],
)
def test_the_keyboard_focus_has_the_app_s_ring_where_fusion_draws_a_faint_one(  # type: ignore[no-untyped-def]
    qtbot, app, theme, kind
):
    """Tabbed to, every kind of control without a ring from the style sheet shows the
    focus ring of the theme's focus colour, as buttons and fields do (seen in walks at
    1366x768: Fusion's own was a 1 px line of the highlight colour at a quarter of its
    strength around a check box's words, a 1 px edge of a drop-down, spin box or date
    field, and nothing at all on a tab)."""
    from journal.ui.common.focus_ring import FOCUS_COLOUR

    apply_theme(app, theme, 100)
    control, target = _focus_target(kind)
    colour = QColor(FOCUS_COLOUR[theme is Theme.DARK])
    _window, unfocused, focused = _tabbed_to(qtbot, control, target, _pixels_of(colour))
    assert focused > unfocused + 2 * min(target.width(), target.height()), kind


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_a_refused_date_field_shows_the_focus_in_its_error_edge(qtbot, app, theme):  # type: ignore[no-untyped-def]
    """A date field marked in the colour of errors (a refused or noted day) draws its
    edge from the style sheet, where the app's ring is not drawn: tabbed to, its edge
    is twice as thick, so the focus shows there too (it had looked the same focused
    and not)."""
    from journal.ui.common.dates import REFUSED
    from journal.ui.common.theme import ERROR_COLOUR

    apply_theme(app, theme, 100)
    day = QDateTimeEdit()
    day.setProperty(REFUSED, True)
    colour = QColor(ERROR_COLOUR[theme is Theme.DARK])
    _window, unfocused, focused = _tabbed_to(qtbot, day, day, _pixels_of(colour))
    assert focused > unfocused + 2 * day.width()


def _words_rect(widget: QWidget) -> QRect:
    """Where ``widget`` draws its words: a field's text area, a button's contents."""
    if isinstance(widget, QLineEdit):
        frame = QStyleOptionFrame()
        widget.initStyleOption(frame)
        return widget.style().subElementRect(QStyle.SubElement.SE_LineEditContents, frame, widget)
    if isinstance(widget, QPlainTextEdit):
        return widget.viewport().geometry()
    assert isinstance(widget, QPushButton)
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    return widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)


@pytest.mark.parametrize("size", [100, 200])
@pytest.mark.parametrize("kind", ["field", "text box", "button", "link"])
def test_the_focus_ring_leaves_the_words_where_they_were(qtbot, app, kind, size):  # type: ignore[no-untyped-def]
    """The focus ring takes no room from what a field or button shows: its edge grows
    inward by as much as the padding gives back, so the words keep their place and size.
    Tabbed to, a title field's 3 px ring had taken 2 px from each side of its text, and
    the underscores of "_x_" were cut off while it had the focus (break test of issue 9,
    session 23, finding 8); a button's words moved by 2 px."""
    apply_theme(app, Theme.LIGHT, size)
    target: QWidget
    if kind == "field":
        target = QLineEdit("short *title* _x_ #tag")
    elif kind == "text box":
        target = QPlainTextEdit("my _private_ file")
    else:
        target = QPushButton("Save this log")
        if kind == "link":
            target.setProperty("role", "link")
    _window, unfocused, focused = _tabbed_to(qtbot, target, target, _words_rect)
    assert focused == unfocused, kind

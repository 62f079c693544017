"""Every lock-screen page's main button looks the same, filled with the theme's
highlight, and is pressed by a click or Enter whatever is typed yet, saying then what is
missing next to the field (break test 10 of session 15, finding 9: "Create journal" and
"Save passphrase" were drawn grey on the page, as disabled, until the passphrase was
rated, while "Create a journal" and "Unlock" were filled)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from journal.settings import THEME
from tests.ui.lock.test_screen import make_window


def _fill(button: QPushButton) -> QColor:
    """The colour drawn inside the button, left of its words (its background)."""
    image = button.grab().toImage()
    return image.pixelColor(8, image.height() // 2)


def _near(one: QColor, other: QColor) -> bool:
    return (
        max(
            abs(one.red() - other.red()),
            abs(one.green() - other.green()),
            abs(one.blue() - other.blue()),
        )
        <= 24
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_page_s_main_button_is_filled_and_says_what_is_missing(  # type: ignore[no-untyped-def]
    qtbot, data_dir, theme
) -> None:
    window = make_window(qtbot, data_dir)
    window.settings.set(THEME, theme)
    screen = window.lock_screen
    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
    assert screen.currentWidget() is screen.welcome_page
    looks = {"Create a journal": _fill(screen.welcome_page.create_button)}
    qtbot.keyClick(screen.welcome_page.create_button, Qt.Key.Key_Return)
    create = screen.create_page
    qtbot.waitUntil(lambda: screen.currentWidget() is create)
    create.name.setFocus()  # the focus in a text field, nothing typed yet
    looks["Create journal"] = _fill(create.create_button)
    screen.setCurrentWidget(screen.new_passphrase_page)
    screen.new_passphrase_page.passphrase.first.setFocus()
    looks["Save passphrase"] = _fill(screen.new_passphrase_page.save_button)
    assert {name: _near(fill, highlight) for name, fill in looks.items()} == dict.fromkeys(
        looks, True
    ), (highlight.name(), {name: fill.name() for name, fill in looks.items()})
    screen.setCurrentWidget(create)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert "give the journal a name" in create.name_error.text()  # beside Name (10-s17, 7)
    assert screen.currentWidget() is create

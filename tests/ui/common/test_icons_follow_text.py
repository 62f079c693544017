"""Buttons' icons grow and shrink with the text size (issue 10): a dialog button box's
Save, Cancel and OK show the platform theme's icons under X11 and Wayland, and at
200 % text they stayed 16 px beside letters twice as tall. The style sheet sizes them
by the line height (`theme.icon_rules`), made again at every change of text size, so
a dialog open while the size changes follows it, without a restart."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from journal.settings import FONT_SCALE
from journal.ui.common.theme import ICON_PX


def test_the_save_button_icon_follows_the_text_size(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.shell.settings_dialog import SettingsDialog

    window = unlocked_window
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    (box,) = dialog.findChildren(QDialogButtonBox)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    assert save.iconSize().height() == ICON_PX  # Qt's own size at 100 %
    height = save.fontMetrics().height()

    window.settings.set(FONT_SCALE, 200)
    qtbot.waitUntil(lambda: save.fontMetrics().height() > height * 1.5)
    grown = save.iconSize().height()
    assert grown >= ICON_PX * 1.8  # as the letters: 18 px lines became 34 px
    assert grown <= save.height()  # and the button holds it

    window.settings.set(FONT_SCALE, 100)
    qtbot.waitUntil(lambda: save.fontMetrics().height() == height)
    assert save.iconSize().height() == ICON_PX

"""Settings' Save of another theme and text size restyles the app once (break test 16 of
session 20, L4): each was said changed on its own, and the whole app was restyled for
the theme, then again for the text size, the dialog half drawn for about 5 s (3.1 s
with one restyle, measured under Xvfb with 200 entries open). `Settings.together` says
them changed once both are stored; the second restyle then finds the app styled."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from journal.settings import FONT_SCALE, THEME, Settings, Theme
from journal.ui.common.theme import apply_theme


class _Restyles(QObject):
    """Counts the style changes a widget is told of (one per restyle of the app)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_a_new_theme_and_text_size_saved_together_restyle_the_app_once(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    from journal.ui.shell.settings_dialog import SettingsDialog

    window.show()
    qtbot.waitExposed(window)
    app = QApplication.instance()
    # Its first paint put the app's own style in (`theme._set_style`): a change of style
    # of its own, once in a process, not counted here.
    qtbot.waitUntil(lambda: app.property("solaceTheme") == "light/100")
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    probe = QWidget()
    qtbot.addWidget(probe)
    probe.show()
    restyles = _Restyles()
    probe.installEventFilter(restyles)
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.DARK.value))
    dialog.font_scale.setValue(200)
    (box,) = dialog.findChildren(QDialogButtonBox)
    try:
        save = box.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert window.settings.get(THEME) == Theme.DARK.value
        assert window.settings.get(FONT_SCALE) == 200
        assert app.property("solaceTheme") == "dark/200"
        assert restyles.count == 1
    finally:
        apply_theme(app, Theme.LIGHT, 100)


def test_settings_set_together_are_said_once_all_are_stored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path)
    heard: list[tuple[str, str, int]] = []
    settings.changed.connect(
        lambda setting: heard.append(
            (setting.key, settings.get(THEME), settings.get(FONT_SCALE))
        )
    )
    with settings.together():
        settings.set(THEME, Theme.DARK.value)
        settings.set(FONT_SCALE, 200)
        settings.set(FONT_SCALE, 200)  # the same again: nothing more to say
        assert heard == []
    assert heard == [(THEME.key, "dark", 200), (FONT_SCALE.key, "dark", 200)]
    settings.set(FONT_SCALE, 150)  # outside: at once
    assert heard[-1] == (FONT_SCALE.key, "dark", 150)

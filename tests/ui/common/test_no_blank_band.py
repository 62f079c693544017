"""A dialog's scroll area takes all the room its buttons and messages leave: no room is
kept empty for a message not said, and a message that is said shows whole, in view,
without moving the buttons (break test 16 of session 18, findings (b) and 7): at 200 %
text on a 1024x600 screen Export and Restore kept two empty lines (75 px) above their
buttons while their scroll area showed 390 px, Import three, and a refusal longer than
the kept lines was cut or grew the dialog anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QWidget

from journal.settings import FONT_SCALE, THEME
from journal.ui.common.fit import DialogBody, text_height
from tests.ui.accessibility.screens import settle
from tests.ui.shell.test_fits_any_screen import NETBOOK, _dialogs, _outside_the_scroll

LAPTOP = QRect(0, 0, 1366, 768)


def _on_screen(monkeypatch, screen: QRect) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(screen))


def _shows_something(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return bool(widget.text())
    return isinstance(widget, QAbstractButton | QProgressBar)


def blank_band(dialog: QWidget) -> int:
    """The height in pixels between the bottom of ``dialog``'s scroll area and the
    first thing shown below it (a message, a bar, a button), or 0 without one."""
    (body,) = [b for b in dialog.findChildren(DialogBody) if b.window() is dialog]
    bottom = body.mapTo(dialog, QPoint(0, body.height())).y()
    tops = [
        widget.mapTo(dialog, QPoint(0, 0)).y()
        for widget in dialog.findChildren(QWidget)
        if widget.isVisible() and _shows_something(widget) and _outside_the_scroll(widget, dialog)
    ]
    below = [top for top in tops if top >= bottom]
    return min(below) - bottom if below else 0


@pytest.mark.parametrize(
    ("screen", "scale", "theme"), [(NETBOOK, 200, "dark"), (LAPTOP, 100, "light")]
)
def test_no_dialog_keeps_a_blank_band_above_its_buttons(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, monkeypatch, screen, scale, theme
) -> None:
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    _on_screen(monkeypatch, screen)
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.settings.set(THEME, theme)
    found = {}
    folder = window.journal.folder

    def check(title: str, dialog: QWidget) -> None:
        settle()
        band, line = blank_band(dialog), dialog.fontMetrics().lineSpacing()
        if band > line:
            found[title] = f"{band} px blank above the buttons (a line is {line} px)"

    rescue = RescueDialog(store, folder, "Test journal", window)
    rescue.show()
    check("Rescue", rescue)
    rescue.close()
    for title, dialog in _dialogs(window, store):
        if title == "Settings with backups":
            from journal.ui.safekeeping.backup import BackupsPanel

            panel = dialog.findChild(BackupsPanel)
            qtbot.waitUntil(
                lambda panel=panel: not (panel.working or panel.checking), timeout=60_000
            )
        check(title, dialog)
    assert found == {}


def _refused(qtbot, dialog, field, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``typed`` into ``field`` and press Enter, as the person does, and wait for
    the refusal by the buttons; the buttons stay where they were on the screen, and the
    refusal and the field show whole, the dialog on the screen."""
    buttons = [b for b in dialog.footer.buttons.buttons() if b.isVisible()]

    def places() -> list[tuple[int, int]]:
        return [b.mapToGlobal(QPoint(0, 0)).toTuple() for b in buttons]

    field.setFocus()
    qtbot.keyClicks(field, typed)
    settle()
    before = places()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = dialog.footer.error
    qtbot.waitUntil(
        lambda: bool(error.text()) and not dialog.footer.bar.isVisible(), timeout=30_000
    )
    for _ in range(10):
        qtbot.wait(20)
        settle()
    title = dialog.windowTitle()
    assert places() == before, f"{title}: a button moved"
    assert text_height(error, error.width()) <= error.height(), f"{title}: refusal cut"
    seen = error.visibleRegion().boundingRect()
    assert seen.size() == error.size(), f"{title}: refusal out of view"
    assert field.visibleRegion().boundingRect().size() == field.size(), f"{title}: field hidden"
    assert QRect(NETBOOK).contains(dialog.frameGeometry()), f"{title}: off the screen"


def test_a_refusal_by_the_buttons_shows_whole_and_moves_no_button_at_200_percent(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, monkeypatch, tmp_path: Path
) -> None:
    from journal.domain.safekeeping.rotation import Reason
    from journal.ui.safekeeping.export_dialog import NOT_ITS_PASSPHRASE, ExportDialog
    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from journal.ui.safekeeping.restore_dialog import RestoreDialog

    _on_screen(monkeypatch, NETBOOK)
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    journal = window.journal
    journal.backup(Reason.DAILY)
    export = ExportDialog(journal, window)
    export.show()
    settle()
    folder = tmp_path / "export"
    folder.mkdir(mode=0o700)
    export.choose_folder(folder)
    _refused(qtbot, export, export.passphrase, "not the passphrase at all")
    assert export.footer.error.text() == NOT_ITS_PASSPHRASE
    export.close()
    restore = RestoreDialog(store, journal.folder, window)
    restore.show()
    settle()
    _refused(qtbot, restore, restore.passphrase, "not the passphrase at all")
    restore.close()
    rescue = RescueDialog(store, journal.folder, "Test journal", window)
    rescue.show()
    settle()
    _refused(qtbot, rescue, rescue.passphrase, "")
    rescue.close()

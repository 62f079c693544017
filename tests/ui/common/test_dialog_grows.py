"""A dialog grows to its content up to the screen's room, and only beyond that scrolls
(break test 16 of session 6, S1; break test 14 of session 7, finding 5): an error shown
by the buttons took its height from the fields, so the Restore dialog's passphrase and
Change passphrase's "Again" scrolled out of sight although the dialog could grow. And
growing never makes a dialog taller than the screen (Settings and About at 1024x600 and
200 % text), nor undoes a size the person gave it."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.settings import FONT_SCALE
from journal.ui.common.fit import DialogBody, window_room

LAPTOP = QRect(0, 0, 1366, 768)
NETBOOK = QRect(0, 0, 1024, 600)
DESKTOP = QRect(0, 0, 1920, 1200)
LONG_ERROR = (
    "That passphrase did not open this journal, and the words say so at length. "
    "Nothing has been changed. Please check it and try again. "
) * 2


def _screen(monkeypatch, rect: QRect) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(rect))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(rect))


def _fully_shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.visibleRegion().boundingRect().size() == widget.size()


def _hidden_fields(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    fields = [f for f in dialog.findChildren(QLineEdit) if f.isVisible()]
    return [f.accessibleName() for f in fields if not _fully_shown(f)]


def _every_field_in_view(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Once the dialog has settled, nothing scrolls and every field shows whole."""
    (body,) = dialog.findChildren(DialogBody)
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(
            lambda: body.verticalScrollBar().maximum() == 0 and not _hidden_fields(dialog),
            timeout=5_000,
        )
    where = dialog.windowTitle()
    assert _hidden_fields(dialog) == [], where
    assert body.verticalScrollBar().maximum() == 0, where


def test_an_error_by_the_buttons_grows_the_dialog(qtbot, store, journal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.safekeeping.export_dialog import ExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog
    from journal.ui.safekeeping.restore_dialog import RestoreDialog

    _screen(monkeypatch, LAPTOP)
    dialogs = (RestoreDialog(store, journal.folder), ExportDialog(journal), ImportDialog(journal))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        before = dialog.height()
        dialog.footer.show_error(LONG_ERROR)
        qtbot.waitUntil(lambda d=dialog, h=before: d.height() > h, timeout=5_000)
        _every_field_in_view(qtbot, dialog)
        dialog.close()


@pytest.mark.parametrize(("scale", "screen"), [(100, LAPTOP), (200, DESKTOP)])
def test_change_passphrase_keeps_again_in_view_after_an_error(
    qtbot, unlocked_window, monkeypatch, scale, screen
) -> None:  # type: ignore[no-untyped-def]
    """(At 200 % on 1366x768 the dialog with the error is taller than the screen's
    room: there it takes the room and scrolls; on a taller screen it grows, downward
    when its top is at the screen's top: it once kept its height there and scrolled
    "Again" out of sight, whether it did depending on where it had opened.)"""
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    _screen(monkeypatch, screen)
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    dialog = ChangePassphraseDialog(window.journal, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.move(dialog.x(), window_room(dialog).top())  # dragged to the top of the screen:
    # the refusal, grown at the top to keep the buttons still, can only grow downward
    # As the person fills it: the strength note makes the form taller than the least
    # the dialog's body may be, so Qt itself no longer grows the window for the error.
    qtbot.keyClicks(dialog.current, "the current one")
    qtbot.keyClicks(dialog.new.first, "myangelbaby2026")
    qtbot.keyClicks(dialog.new.second, "myangelbaby2026")
    qtbot.waitUntil(lambda: bool(dialog.new.feedback.text()), timeout=5_000)
    _every_field_in_view(qtbot, dialog)
    before = dialog.height()
    # What a refused write says (break test 14 of session 7, finding 5), as the dialog
    # shows it when the key work fails.
    dialog.error.setText(
        "Your passphrase was not changed: Solace could not write this journal's files "
        "(Operation not permitted). Your current passphrase still works."
    )
    dialog.error.show()
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=5_000)
    _every_field_in_view(qtbot, dialog)


@pytest.mark.parametrize("which", ["settings", "about"])
def test_a_dialog_never_grows_past_the_screen_nor_back_after_a_resize(
    qtbot, unlocked_window, monkeypatch, which
) -> None:  # type: ignore[no-untyped-def]
    """At 1024x600 and 200 % text Settings and About are taller than the screen's
    room: they stay within it, and a smaller size given to them stays."""
    from journal.ui.shell.about import AboutDialog
    from tests.ui.accessibility.screens import settle

    _screen(monkeypatch, NETBOOK)
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    if which == "settings":
        window.show_settings()
        dialog = window.settings_dialog
    else:
        dialog = AboutDialog(window)
        qtbot.addWidget(dialog)
        dialog.show()
    settle()
    room = window_room(dialog)
    assert dialog.height() <= room.height()
    smaller = QSize(dialog.width(), room.height() - 120)
    dialog.resize(smaller)
    settle()
    body = dialog.findChild(DialogBody)
    body.content.updateGeometry()  # a layout request with nothing changed inside
    settle()
    QApplication.processEvents()
    assert dialog.height() == smaller.height()
    dialog.close()

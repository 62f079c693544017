"""Every dialog opens showing its first lines, on a 1024x600 screen at 200 % text (break
test 16 of session 18, finding 3): Export opened scrolled past "The export is not
encrypted…" to its "Choose a folder…" button, Restore past what restoring does to the
passphrase field, because the control given the focus as the dialog opened was
scrolled into view after the dialog's body had been brought to its top. The focus
still goes where each dialog puts it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.settings import FONT_SCALE
from journal.ui.common.fit import DialogBody
from journal.ui.safekeeping.export_dialog import NOT_ENCRYPTED
from tests.ui.accessibility.screens import made_dialogs, settle

NETBOOK = QRect(0, 0, 1024, 600)
#: Shown whole however far down it sits: the dialog exists to show it (in_view.must_be_seen).
SHOWS_ITS_KEY = "Recovery key"


def _in_view(widget: QWidget) -> bool:
    """Whether all of ``widget`` shows (nothing of it scrolled away)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_every_dialog_opens_showing_its_first_lines(
    qtbot, unlocked_window, store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(NETBOOK))
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.setGeometry(QRect(0, 0, 1024, 560))
    settle()
    hidden = {}
    unseen = {}  # the control given the focus, out of view
    scrolled = 0
    for title, make in made_dialogs(window, store).items():
        dialog = make()
        dialog.show()
        qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog)
        qtbot.wait(50)  # the focus landed, the body fitted to its content
        settle()
        (body,) = [b for b in dialog.findChildren(DialogBody) if b.window() is dialog]
        bar = body.verticalScrollBar()
        scrolled += bar.maximum() > 0
        if title != SHOWS_ITS_KEY and bar.value() != bar.minimum():
            hidden[title] = f"scrolled {bar.value()} of {bar.maximum()} px"
        focus = dialog.focusWidget()
        if focus is not None and not _in_view(focus):
            unseen[title] = f"{type(focus).__name__} {focus.accessibleName()!r}"
        if title == "Export your journal":
            labels = body.content.findChildren(QLabel)
            warning = next(w for w in labels if w.text() == NOT_ENCRYPTED)
            assert _in_view(warning)  # said first, and seen
            assert dialog.choose_button.hasFocus()  # the focus still where it was put
            # and in view with it (issue 10, break test of session 24: cut at the foot)
            assert _in_view(dialog.choose_button)
        if title == "Restore a backup":
            # No backup kept yet in this journal: choosing a file comes first (issue 15,
            # F3 of session 25), and in view; the passphrase is the next stop.
            assert dialog.file_button.hasFocus() and _in_view(dialog.file_button)
            qtbot.keyClick(dialog.file_button, Qt.Key.Key_Tab)
            assert dialog.passphrase.hasFocus()
            # The first key typed brings the field into view where it is not: it was
            # typed into unseen (break test 16 of session 18, re-test R3). Since the
            # list is as tall as its rows and the note stands under the field (session
            # 24, F9), it is mostly in view at once at this size.
            qtbot.keyClick(dialog.passphrase, "a")
            settle()
            seen = dialog.passphrase.visibleRegion().boundingRect().height()
            assert dialog.passphrase.text() == "a" and seen >= 0.9 * dialog.passphrase.height()
        dialog.close()
        if dialog is not window.settings_dialog:
            dialog.deleteLater()
        settle()
    assert scrolled >= 5  # at this size, many dialogs scroll: the test means something
    assert hidden == {}
    assert unseen == {}

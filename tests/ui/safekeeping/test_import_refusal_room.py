"""The Import dialog's refusal of a file that is not UTF-8 moves no button (issue 10,
break test of session 18, finding 3): at 200 % text on a 1024x600 screen its three
lines grew the dialog by a line, to the screen's edge, and pushed Import and Cancel
down under the pointer. The dialog grows at its top instead
(`fit.resize_keeping_bottom`), or gives the room of its scroll area when it is as tall
as the screen, so its buttons keep their place on the screen and the words show whole;
no room is kept empty for the refusal before it is said (break test 16 of session 18,
findings (b) and 7)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen

from journal.settings import FONT_SCALE
from journal.ui.common.fit import text_height
from journal.ui.safekeeping.import_dialog import ImportDialog
from tests.ui.accessibility.screens import settle
from tests.ui.shell.test_fits_any_screen import NETBOOK


def test_a_file_refused_as_not_utf8_moves_no_button_at_200_percent_on_1024x600(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(NETBOOK))
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    odd = tmp_path / "notes from 2009.txt"
    odd.write_bytes("café, written in Latin-1".encode("latin-1"))
    dialog = ImportDialog(window.journal, window)
    dialog.show()
    settle()
    buttons = [dialog.import_button, *dialog.footer.buttons.buttons()]

    def places() -> list[tuple[int, int]]:
        return [b.mapToGlobal(QPoint(0, 0)).toTuple() for b in buttons]

    # The person moves to "Choose a file…" (a key: the dialog is no longer opening,
    # when a change of its size re-centres it), and chooses the file.
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
    settle()
    before = places()
    dialog.choose(odd)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    settle()
    assert "is not saved as text Solace can read" in dialog.error.text()
    assert places() == before
    assert NETBOOK.contains(dialog.frameGeometry())
    assert text_height(dialog.error, dialog.error.width()) <= dialog.error.height()

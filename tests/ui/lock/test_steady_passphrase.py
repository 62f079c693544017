"""Nothing moves while a new passphrase is typed (issue 10): the strength note under
the two fields was as tall as what it said, blank while typing, one to three lines
once rated, so the second field, the buttons and the rest of Create a journal jumped
down and up at each pause in typing. From the first key typed, room is kept for the
longest note at the current width and text size, on the lock screen's Create and
new-passphrase pages and in Change passphrase, at 100 % and 200 % text on a 1024x600
screen. While nothing is typed the note takes the room of what it says and no more
(issue 10: Change passphrase kept a blank band of the longest note's room under
"Choose a passphrase")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from journal.settings import FONT_SCALE
from journal.ui.common.fit import text_height
from journal.ui.common.theme import apply_theme
from journal.ui.common.widgets import NewPassphraseFields
from tests.conftest import PASSPHRASE

# Typed key by key: too short, then rated (weak, then stronger), then a mistyped
# second field and the right one; then all of it taken back.
TYPED = "our baby 2025 lantern quiet river"


@pytest.fixture(params=[100, 200])
def scale(request, settings) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """The text size, chosen before the window is made (as at start)."""
    settings.set(FONT_SCALE, request.param)
    yield request.param
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from journal.settings import Theme

    apply_theme(app, Theme.LIGHT, 100)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _places(window: QWidget, watched: list[QWidget]) -> list[tuple[int, int, int]]:
    """Where each of ``watched`` is in ``window`` (x, y) and how tall it is (pixels)."""
    _settle()
    return [(*w.mapTo(window, QPoint(0, 0)).toTuple(), w.height()) for w in watched]


def _no_blank_band(fields: NewPassphraseFields) -> None:
    """Nothing typed: the note is as tall as what it says, no line of blank under it."""
    _settle()
    note = fields.feedback
    assert not fields.first.text() and note.text()
    words = text_height(note, note.width())  # what its words need
    assert note.height() - words < note.fontMetrics().lineSpacing(), "a blank band"


def _type_and_watch(qtbot, fields: NewPassphraseFields, watched: list[QWidget]) -> set:  # type: ignore[no-untyped-def]
    """Type into ``fields`` key by key with real key events, letting each estimate be
    made (as a pause in typing does); the places of ``watched`` seen all the while,
    from the first key typed until the first field is emptied again (when the note
    goes back to the room of "Choose a passphrase", no blank band under it)."""
    _no_blank_band(fields)
    window = fields.window()
    qtbot.keyClick(fields.first, TYPED[0])  # the room of the longest note, from now on
    qtbot.wait(50)
    seen = {tuple(_places(window, watched))}

    def typed(field, text: str) -> None:  # type: ignore[no-untyped-def]
        for char in text:
            qtbot.keyClick(field, char)
            seen.add(tuple(_places(window, watched)))  # blank while typing
            fields.settle()  # the pause: the note for what is typed
            seen.add(tuple(_places(window, watched)))

    typed(fields.first, TYPED[1:])
    typed(fields.second, TYPED[:5] + "x")  # "not the same yet"
    for _ in range(6):
        qtbot.keyClick(fields.second, Qt.Key.Key_Backspace)
    typed(fields.second, TYPED)
    qtbot.keyClick(fields.first, Qt.Key.Key_End)
    qtbot.keyClick(fields.first, Qt.Key.Key_Backspace)
    qtbot.keyClick(fields.first, Qt.Key.Key_Backspace)
    seen.add(tuple(_places(window, watched)))
    fields.first.selectAll()
    qtbot.keyClick(fields.first, Qt.Key.Key_Delete)  # "Choose a passphrase"
    _no_blank_band(fields)
    return seen


def test_create_a_journal_does_not_move_while_the_passphrase_is_typed(qtbot, scale, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 560)
    screen = window.lock_screen
    qtbot.mouseClick(screen.unlock_page.create_button, Qt.MouseButton.LeftButton)
    page = screen.create_page
    qtbot.keyClicks(page.name, "Our garden")
    watched = [page.passphrase.second, page.body_log, page.create_button, page.card]
    assert len(_type_and_watch(qtbot, page.passphrase, watched)) == 1
    # A short note sits right under the fields, at the top of its room.
    assert page.passphrase.feedback.alignment() & Qt.AlignmentFlag.AlignTop


def test_the_new_passphrase_page_does_not_move_while_typing(qtbot, scale, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 560)
    screen = window.lock_screen
    page = screen.new_passphrase_page
    page.show_journal("Our garden")
    screen._go(page)
    watched = [page.passphrase.second, page.save_button, page.card]
    assert len(_type_and_watch(qtbot, page.passphrase, watched)) == 1
    screen.show_start()


def test_change_passphrase_does_not_move_or_grow_while_typing(
    qtbot, scale, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog

    window = unlocked_window
    window.resize(1024, 560)
    dialog = ChangePassphraseDialog(window.journal, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    fields = dialog.new
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    watched = [fields.second, fields.feedback, *buttons]
    sizes = set()

    def size() -> None:  # each estimate made while a passphrase is typed
        if fields.first.text() and not fields.pending:
            sizes.add(dialog.size().toTuple())

    fields.changed.connect(size)
    assert len(_type_and_watch(qtbot, fields, watched)) == 1
    assert len(sizes) == 1
    dialog.reject()

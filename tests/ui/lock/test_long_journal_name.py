"""A journal's name as long as the limit, one "word" of 60 letters (issue 10, F8): the
recovery key page said "For the journal “WWWWWWWWWWWWWW" cut at the card's edge in the
middle of a letter, the rest of the name, the closing quote and the comma gone; the
lock screen's "Journal" drop-down showed it cut at its arrow with no "…". Such a name
wraps where its line ends, or ends in "…" with the whole name told, wherever it is
shown; a name of ordinary words is left as it is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionComboBox, QWidget

from journal.settings import FONT_SCALE
from journal.ui.common.long_names import BREAK, breakable, quoted, unbroken
from journal.ui.lock.security_dialogs import RemoveJournalDialog
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.shell.test_fits_any_screen import settle_layouts

NAME = "W" * 60  # the longest name the Name field takes


def _name(widget: QWidget, text: QAccessible.Text = QAccessible.Text.Name) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(text)


def _drawn_whole(label: QLabel) -> None:
    """Every line of ``label``'s words is drawn within it, as many lines as they take,
    and the label within its window (not wider, behind a sideways scroll)."""
    right = label.mapTo(label.window(), QPoint(label.width(), 0)).x()
    assert right <= label.window().width(), (right, label.window().width())
    room = label.contentsRect()
    flags = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.TextFlag.TextWordWrap.value)
    words = label.fontMetrics().boundingRect(
        QRect(0, 0, room.width(), 100_000), flags, label.text()
    )
    assert words.width() <= room.width(), (label.text(), words.width(), room.width())
    assert words.height() <= room.height(), (words.height(), room.height())


def test_a_long_name_wraps_on_the_recovery_key_page(qtbot, window):  # type: ignore[no-untyped-def]
    window.resize(QSize(1366, 768))
    screen = window.lock_screen
    qtbot.mouseClick(screen.unlock_page.create_button, Qt.MouseButton.LeftButton)  # New journal…
    create = screen.create_page
    qtbot.keyClicks(create.name, NAME)
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    key_page = screen.key_page
    for scale in (100, 200):
        window.settings.set(FONT_SCALE, scale)
        settle_layouts(window)
        whose = key_page.whose
        assert unbroken(whose.text()).startswith(f"For the journal “{NAME}”, made on ")
        _drawn_whole(whose)
        # Heard whole, without the breaks that let it wrap.
        assert _name(whose) == unbroken(whose.text())


def test_a_long_name_ends_in_an_ellipsis_in_the_lock_screens_journal_list(  # type: ignore[no-untyped-def]
    qtbot, window
):
    from journal.storage.lock.keys import LIGHT_KDF

    made, _ = window.lock_screen.store.create(NAME, PASSPHRASE, LIGHT_KDF)
    made.confirm_recovery_key()
    made.lock()
    window.resize(QSize(1366, 768))
    screen = window.lock_screen
    screen.show_start()  # as after Ctrl+L: both journals listed
    choice = screen.unlock_page.journal_choice
    row = choice.findText(NAME)
    qtbot.keyClick(choice, Qt.Key.Key_Down if row > choice.currentIndex() else Qt.Key.Key_Up)
    settle_layouts(window)
    assert choice.isVisible() and choice.currentText() == NAME
    assert choice.toolTip() == NAME  # cut: the whole name shows on hovering
    option = QStyleOptionComboBox()
    choice.initStyleOption(option)
    field = choice.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, choice
    )
    shown = choice.shown_text()
    assert shown.endswith("…") and NAME.startswith(shown[:-1])
    assert choice.fontMetrics().horizontalAdvance(shown) <= field.width()
    assert _name(choice, QAccessible.Text.Value) == NAME
    # The list that drops down tells each whole name too.
    assert choice.itemData(row, Qt.ItemDataRole.ToolTipRole) == NAME


def test_a_long_name_wraps_in_the_remove_journal_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    window.settings.set(FONT_SCALE, 200)  # the name alone is wider than the screen
    folder = window.lock_screen.unlock_page.chosen_folder()
    dialog = RemoveJournalDialog(window.lock_screen.store, folder, NAME, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle_layouts(dialog)
    assert f"the journal “{NAME}” from this computer" in unbroken(dialog.intro.text())
    _drawn_whole(dialog.intro)
    assert BREAK not in dialog.accessibleDescription()  # said without the breaks
    dialog.reject()


def test_only_words_longer_than_any_language_has_are_made_breakable() -> None:
    assert breakable("Our journal, spring and Schwangerschaft") == (
        "Our journal, spring and Schwangerschaft"
    )
    assert BREAK in breakable(NAME) and unbroken(breakable(NAME)) == NAME
    assert unbroken(quoted(NAME)) == f"“{NAME}”"

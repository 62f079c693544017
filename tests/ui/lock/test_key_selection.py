"""A triple-click on the recovery key selects all of it, and Ctrl+C copies the key
exactly as it is typed back (break test 14 of session 10, finding 5: the two lines
were two blocks, so a triple-click took half the key without a sign, and the copy
carried invisible word joiners)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from journal.storage.lock.keys import looks_like_recovery_key, normalise_recovery_key
from journal.ui.common.clipboard import KDE_HINT
from journal.ui.lock.key_text import as_typed, key_lines
from tests.conftest import PASSPHRASE
from tests.ui.lock.test_recovery_key import created


@pytest.fixture(autouse=True)
def patient_triple_click(qapp):  # type: ignore[no-untyped-def]
    """Qt counts a press as a triple-click only within the double-click interval of
    the double-click; on a loaded machine the events of a test may be further apart
    than a hand's, so the interval is made long here (and put back)."""
    hints = QGuiApplication.styleHints()
    before = hints.mouseDoubleClickInterval()
    hints.setMouseDoubleClickInterval(60_000)
    yield
    hints.setMouseDoubleClickInterval(before)


def on_line(label: QLabel, line: int) -> QPoint:
    """A point in the middle of the key's ``line`` (0 or 1) as the label lays it out
    (two lines, centred)."""
    height = label.fontMetrics().lineSpacing()
    middle = label.contentsRect().center()
    return QPoint(middle.x(), middle.y() + (height // 2 if line else -height // 2))


def triple_click(qtbot, label: QLabel, where: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A double-click and a third press at the same point, as a person triple-clicks."""
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=where)


def copied(qtbot, label: QLabel) -> str:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return clipboard.text()


def check_whole_key_copied(qtbot, label: QLabel, key: str) -> None:  # type: ignore[no-untyped-def]
    for line in (0, 1):
        label.setSelection(0, 0)
        triple_click(qtbot, label, on_line(label, line))
        assert copied(qtbot, label) == key, f"triple-click on line {line + 1}"
        label.setSelection(0, 0)
        qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=on_line(label, line))
        assert copied(qtbot, label) == key, f"double-click on line {line + 1}"
    assert looks_like_recovery_key(key)  # what a field taking either one accepts


def test_the_new_journal_s_key_is_selected_and_copied_whole(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    win = created(qtbot, data_dir, "Ours")
    page = win.lock_screen.key_page
    key = page.recovery_key
    assert len(key.split("-")) == 8 and "\n" not in page.key.text()
    check_whole_key_copied(qtbot, page.key, key)
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None and data.hasFormat(KDE_HINT)  # still marked secret
    page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened, timeout=60_000):
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == ""  # gone with the page
    win.lock()


def test_the_new_recovery_key_dialog_s_key_is_selected_and_copied_whole(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    journal = unlocked_window.journal
    key = journal.new_recovery_key(PASSPHRASE)  # what "New recovery key…" makes
    shown = RecoveryKeyDialog(key, journal.info.name, unlocked_window)
    qtbot.addWidget(shown)
    shown.open()
    qtbot.waitExposed(shown)
    check_whole_key_copied(qtbot, shown.page.key, key)
    shown.page.confirm.setChecked(True)
    shown.accept()
    journal.confirm_recovery_key()


@pytest.mark.parametrize(
    ("first", "last", "typed"),
    [
        ("T227", "T227", "T227"),
        ("T227", "SAFO", "T227-R2T3-2RK2-SAFO"),  # the first line, to its end
        ("SAFO", "DCMB", "SAFO-3KBQ-DCMB"),  # across the line's end
    ],
)
def test_part_of_the_key_is_copied_as_it_is_typed(first: str, last: str, typed: str) -> None:
    shown = key_lines("T227-R2T3-2RK2-SAFO-3KBQ-DCMB-QQUP-MHL4")
    end = shown.index(last) + len(last)
    for part in (shown[shown.index(first) : end], shown[shown.index(first) : end + 1]):
        assert as_typed(part) == typed
        assert normalise_recovery_key(as_typed(part)) == normalise_recovery_key(part)

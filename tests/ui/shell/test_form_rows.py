"""A form reads as one column at any width and text size: every field beside its
label, or every field under it, never one alone wrapped (break test 10 of session 15,
findings 4 and 5: at 200 % on 1024x600 the body log's Discharge and Recovery details'
Kind drop-downs went under their labels while the other fields sat beside theirs)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QStyle, QWidget

from journal.settings import FONT_SCALE
from tests.ui.shell.test_fits_any_screen import _dialogs, every_tab, settle_layouts

ROLES = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole)


def sides(form: QFormLayout) -> dict[str, str]:
    """Each shown row of ``form`` with a label and a field: its label's words and
    "beside" (the field starts above the label's bottom) or "under"."""
    found = {}
    for row in range(form.rowCount()):
        label, field = (form.itemAt(row, role) for role in ROLES)
        if label is None or field is None or label.isEmpty() or field.isEmpty():
            continue
        words = label.widget().text() if isinstance(label.widget(), QLabel) else str(row)
        if not words:
            continue
        beside = field.geometry().top() < label.geometry().bottom()
        found[words] = "beside" if beside else "under"
    return found


def mixed(root: QWidget, where: str) -> list[str]:
    """The forms shown under ``root`` whose rows do not all follow one rule."""
    problems = []
    for form in root.findChildren(QFormLayout):
        parent = form.parentWidget()
        if parent is None or not parent.isVisible():
            continue
        rows = sides(form)
        if len(set(rows.values())) > 1:
            problems.append(f"{where}: {rows}")
    return problems


def cut_placeholders(root: QWidget, where: str) -> list[str]:
    """The line fields shown under ``root`` whose placeholder is wider than the room
    for text inside them, so that it reads cut ("Leave empty if you…")."""
    problems = []
    for edit in root.findChildren(QLineEdit):
        words = edit.placeholderText()
        if not words or not edit.isVisible() or edit.text():
            continue
        margins = edit.textMargins()
        frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
        room = edit.contentsRect().width() - margins.left() - margins.right() - 4 - 2 * frame
        if edit.fontMetrics().horizontalAdvance(words) > room:
            problems.append(f"{where}: {edit.accessibleName()!r} shows {words!r} in {room} px")
    return problems


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize(
    "screen", [QSize(1366, 768), QSize(1024, 600)], ids=["1366x768", "1024x600"]
)
def test_every_form_s_fields_sit_all_beside_or_all_under_their_labels_placeholders_whole(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, monkeypatch, scale, screen
) -> None:
    from PySide6.QtGui import QScreen

    from tests.ui.accessibility.screens import settle

    room = QRect(0, 0, screen.width(), screen.height())
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(room))
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.resize(QSize(screen.width(), screen.height() - 40))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Body log
    settle_layouts(window)
    where = f"{screen.width()}x{screen.height()}, {scale} %"
    found = mixed(window, f"Body log, {where}") + cut_placeholders(window, f"Body log, {where}")
    for area, tab in every_tab(window):
        found += mixed(window, f"{area.title} ({tab}), {where}")
        found += cut_placeholders(window, f"{area.title} ({tab}), {where}")
    for title, dialog in _dialogs(window, store):
        settle()
        if title == "Settings with backups":  # its backup ends before the next is made
            from journal.ui.safekeeping.backup import BackupsPanel

            panel = dialog.findChild(BackupsPanel)
            qtbot.waitUntil(
                lambda panel=panel: not (panel.working or panel.checking), timeout=60_000
            )
            settle()
        found += mixed(dialog, f"{title}, {where}") + cut_placeholders(dialog, f"{title}, {where}")
    assert not found, "\n".join(found)

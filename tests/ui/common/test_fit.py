"""Text is never cut off by a size in pixels: wrapped labels keep every line, text
boxes sized in lines hold those lines at every text size (journal.ui.common.fit)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from journal.domain.body.temperature import TemperatureUnit
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.common.fit import install_wrapped_label_fit


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def test_a_wrapped_label_keeps_every_line_as_its_text_and_width_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_wrapped_label_fit()
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    words = QLabel("A short line.")
    words.setWordWrap(True)
    layout.addWidget(words)
    layout.addStretch(1)
    holder.resize(300, 60)
    holder.show()
    _settle()
    one_line = words.height()
    words.setText("Many more words than one line can hold at this width. " * 4)
    _settle()
    assert words.height() >= words.heightForWidth(words.width()) > one_line
    holder.resize(200, 60)  # narrower: more lines, and the window grows to keep them
    _settle()
    assert words.height() >= words.heightForWidth(words.width())
    assert holder.height() > 60
    words.setText("A short line.")  # shorter again: the minimum comes down with it
    _settle()
    assert words.minimumHeight() == one_line


def test_text_boxes_sized_in_lines_hold_them_at_200_percent(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """The doctor summary's "Anything to add" box (2 lines), the body log's note
    (3 lines): as many lines at 200 % text as at 100 % (a height in pixels held half)."""
    from journal.ui.body.export_dialog import ExportDialog

    window = unlocked_window
    journal = window.journal
    for scale in (100, 200):
        window.settings.set(FONT_SCALE, scale)
        dialog = ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        box = dialog.extra
        assert box.viewport().height() >= 2 * box.fontMetrics().lineSpacing(), scale
        dialog.close()
    note = window.area("body").form.note
    assert note.height() >= 3 * note.fontMetrics().lineSpacing()
    window.settings.set(FONT_SCALE, 100)  # and back: the box follows the text size down
    _settle()
    assert note.height() < 3 * note.fontMetrics().lineSpacing() * 1.9


def _ink_right(label: QLabel) -> int:
    """The rightmost pixel column ``label``'s words are drawn in when nothing clips
    them: a twin label, far wider, painted on a transparent image."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QImage

    twin = QLabel(label.text())
    twin.setBuddy(label.buddy())  # so that the "&" is drawn as Qt draws it: underlined
    twin.setFont(label.font())
    twin.setAlignment(label.alignment())
    twin.setContentsMargins(label.contentsMargins())
    twin.resize(label.width() + 100, label.height())
    image = QImage(twin.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    twin.render(image, QPoint(0, 0), renderFlags=twin.RenderFlag.DrawChildren)
    right = -1
    for x in range(image.width()):
        if any(image.pixelColor(x, y).alpha() > 0 for y in range(image.height())):
            right = x
    twin.deleteLater()
    return right


def test_no_label_with_a_mnemonic_is_cut_short(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """"To" beside the doctor summary's last day read "Tc": Qt draws the underlined
    letter on its own, losing the kerning its size hint counted. Every form label with
    a mnemonic, in the summary and in Settings, at 100 and 200 %, is as wide as its
    words are drawn, and is named without its "&"."""
    from journal.ui.body.export_dialog import ExportDialog

    window = unlocked_window
    journal = window.journal
    found = []
    for scale in (100, 200):
        window.settings.set(FONT_SCALE, scale)
        summary = ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        )
        summary.show()
        window.show_settings()
        _settle()
        for dialog in (summary, window.settings_dialog):
            for each in dialog.findChildren(QLabel):
                if each.buddy() is None or "&" not in each.text() or not each.isVisible():
                    continue
                if _ink_right(each) >= each.width():
                    found.append(f"{each.text()!r} at {scale} %: {each.width()} px wide")
                if "&" in each.accessibleName() or not each.accessibleName():
                    found.append(f"{each.text()!r} is named {each.accessibleName()!r}")
        summary.close()
        window.settings_dialog.close()
    assert found == []

"""Selects text with the mouse in an entry field and in a selectable label (as on the
recovery key page), on a real X server, and prints what the primary selection held
then and after `ClipboardGuard.clear` (one JSON line). Run by test_clipboard.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QClipboard, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.ui.common.clipboard import KDE_HINT, ClipboardGuard


def drag(widget: QWidget) -> None:
    """Press the left button at the start of the text, move to its end, release."""
    y = widget.height() // 2
    start, end = QPoint(1, y), QPoint(widget.width() - 2, y)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    moved = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        QPointF(widget.mapToGlobal(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, moved)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def main() -> int:
    app = QApplication([sys.argv[0]])
    guard = ClipboardGuard()
    clipboard = app.clipboard()
    window = QWidget()
    field = QLineEdit("entrywords")
    key = QLabel("KEYLETTERS")
    key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(key)
    window.show()
    QTest.qWaitForWindowExposed(window)
    report: dict[str, object] = {"supported": clipboard.supportsSelection()}
    for name, widget in (("field", field), ("label", key)):
        drag(widget)
        for _ in range(50):
            data = clipboard.mimeData(QClipboard.Mode.Selection)
            if data is not None and data.hasFormat(KDE_HINT):
                break
            QTest.qWait(20)
        data = clipboard.mimeData(QClipboard.Mode.Selection)
        report[name] = {
            "text": clipboard.text(QClipboard.Mode.Selection),
            "marked": data is not None and bytes(data.data(KDE_HINT).data()) == b"secret",
        }
    guard.clear()
    QTest.qWait(50)
    report["after lock"] = clipboard.text(QClipboard.Mode.Selection)
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

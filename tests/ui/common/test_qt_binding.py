"""Guards against a Qt binding that would crash Solace in a long session.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that
returns nothing; after a few thousand calls the interpreter aborts. pyproject.toml
excludes that version; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel


def test_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    combo = QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    combo.addItem("one")
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("a")
        label.update()
        combo.currentData()
    assert sys.getrefcount(None) >= before - 50

"""Ctrl+Y redoes, as the README says, on a real X11 desktop too: Qt's standard Redo
there is Ctrl+Shift+Z only (the offscreen platform the suite runs on adds Ctrl+Y), and
Ctrl+Y did nothing in an entry or a title (break test 43, F5)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
sys.path.insert(0, ROOT)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTextEdit
from PySide6.QtTest import QTest
from PySide6.QtCore import Qt
from journal.ui.shell.actions import ActionId, build_action

app = QApplication([])
editor = QTextEdit()
redo = build_action(ActionId.REDO, editor, editor.redo)
editor.addAction(redo)
editor.show()
editor.activateWindow()
editor.setFocus()
QTest.qWaitForWindowActive(editor)
QTest.keyClicks(editor, "went back to work")
editor.undo()
before = editor.toPlainText()
QTest.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
QApplication.processEvents()
keys = [k.toString() for k in redo.shortcuts()]
print(repr(before), repr(editor.toPlainText()), "Ctrl+Y" in keys)
""".replace("ROOT", repr(str(ROOT)))


def test_ctrl_y_redoes_on_an_x11_desktop() -> None:
    if shutil.which("xvfb-run") is None or not sys.platform.startswith("linux"):
        pytest.skip("a real X server is needed (xvfb-run), where Redo is Ctrl+Shift+Z only")
    probe = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip().splitlines()[-1] == "'' 'went back to work' True"

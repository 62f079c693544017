"""The areas' modules are imported in a background thread while the passphrase is
typed (`MainWindow.prepare_in_background`). A QObject made at import belongs to that
thread, and Qt refuses it as an event filter of the GUI's widgets ("Cannot filter
events for objects in a different thread", re-test 44b, M7): the date fields' filter
that keeps a refused day as typed under a click never worked in a real session,
while every test imported the module on the GUI thread."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject

import journal.ui

ROOT = Path(__file__).resolve().parents[3]


def test_no_module_of_the_interface_makes_a_qobject_when_imported(qapp) -> None:  # type: ignore[no-untyped-def]
    for info in pkgutil.walk_packages(journal.ui.__path__, "journal.ui."):
        module = importlib.import_module(info.name)
        made = [name for name, value in vars(module).items() if isinstance(value, QObject)]
        assert not made, f"{info.name} makes {made} when imported"


def test_a_click_keeps_a_refused_day_when_the_areas_were_imported_in_the_background() -> None:
    clicked = (
        "tests/ui/common/test_typed_whole.py::"
        "test_a_refused_day_stays_as_typed_when_the_caret_moves_by_mouse_or_keys"
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "-p",
            "tests.ui.common.imported_in_background",
            clicked,
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "different thread" not in run.stdout + run.stderr

"""The X11 primary selection (text selected with the mouse) is treated like the
clipboard: marked secret for clipboard managers, and cleared at lock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("selection_probe.py")


def test_text_selected_with_the_mouse_is_marked_secret_and_cleared_at_lock():
    # The offscreen platform the suite runs on has no selection (supportsSelection()
    # is false there); a real X server, started by xvfb-run, has one.
    if shutil.which("xvfb-run") is None or not sys.platform.startswith("linux"):
        pytest.skip("offscreen has no primary selection, and Xvfb is not installed")
    probe = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(PROBE)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
    )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert report == {
        "supported": True,
        "field": {"text": "entrywords", "marked": True},
        "label": {"text": "KEYLETTERS", "marked": True},
        "after lock": "",
    }

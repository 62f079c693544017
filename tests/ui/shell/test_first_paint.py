"""What the lock screen's first paint waits for, and what follows it (issue 12).

Started as `journal.app.run_gui` starts it, in a process of its own (the test process's
application is styled already): at the first paint nothing is loaded that the lock
screen does not show, and straight after it the check boxes and radio buttons get
their size from the text again (`journal.ui.common.indicators`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from journal.settings import FONT_SCALE, Settings
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore

ROOT = Path(__file__).resolve().parents[3]


def _run(probe: str, data: Path) -> dict[str, Any]:
    """Start Solace on ``data`` in a process of its own with ``probe`` (a script that
    prints one JSON line), as `journal.app.run_gui` starts it; returns what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", probe.format(data=str(data))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found

# Reports what is loaded when the first timer runs (the lock screen has painted: this
# timer is queued before the window is built), then, two event-loop turns later, the
# indicator size Qt's style gives a check box.
PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle
app = QApplication(["probe"])
found = {{}}
LATER = ("journal.ui.common.indicators", "tzlocal", "zoneinfo", "tomllib")
def painted():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.repaint()
    found["loaded_at_paint"] = sorted(m for m in LATER if m in sys.modules)
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, after))
def after():
    box = QCheckBox("I have written it down or printed it")
    metric = QStyle.PixelMetric.PM_IndicatorWidth
    found["indicator_px"] = box.style().pixelMetric(metric, None, box)
    found["letters_px"] = box.fontMetrics().height()
    print(json.dumps(found)); sys.stdout.flush()
    app.quit()
QTimer.singleShot(0, painted)
from journal.app import run_gui
run_gui(Path({data!r}), ["solace"])
"""


def test_the_lock_screen_paints_first_and_the_indicators_follow(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal, _ = JournalStore(data).create("Ours", "a calm river stone", LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    Settings(data).set(FONT_SCALE, 200)  # Fusion's indicator stays 14 px at any size
    found = _run(PROBE, data)
    # Not before the first paint: the Python style (called for every size Qt asks of
    # its style), time zones (a recovery key's date) and TOML (the articles).
    assert found["loaded_at_paint"] == []
    # Straight after it: indicators as tall as the letters again (INDICATOR_EM).
    assert found["indicator_px"] >= 0.7 * found["letters_px"] > 14


# Counts the events handed to the app-wide Python filter (`AppFilters`) before the lock
# screen's first paint and after it, and reports the combo boxes Qt polished by then
# that the wheel could still give the focus to (the wheel guard's Polish rule).
FILTER_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication(["probe"])
from journal.ui.common.app_filter import AppFilters
seen = {{"before": 0, "after": 0}}
when = ["before"]
real = AppFilters.eventFilter
def counted(self, watched, event):
    seen[when[0]] += 1
    return real(self, watched, event)
AppFilters.eventFilter = counted
def painted():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.repaint()
    when[0] = "after"
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: QTimer.singleShot(0, done)))
def done():
    polished = [
        box for box in QApplication.allWidgets()
        if isinstance(box, QComboBox) and box.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
    ]
    seen["combo_boxes"] = len(polished)
    seen["wheel_focus"] = sum(box.focusPolicy() == Qt.FocusPolicy.WheelFocus for box in polished)
    print(json.dumps(seen)); sys.stdout.flush()
    app.quit()
QTimer.singleShot(0, painted)
from journal.app import run_gui
run_gui(Path({data!r}), ["solace"])
"""


def test_the_app_wide_filter_goes_on_after_the_first_paint_and_catches_up(
    tmp_path: Path,
) -> None:
    """Issue 12: every event of building and showing the lock screen went through the
    Python filter (1,615 calls into Python before the first paint); now none
    does, and what it does on Polish is done once it is on (the journal chooser, shown
    for two journals, takes no focus from the wheel)."""
    data = tmp_path / "data"
    store = JournalStore(data)
    for name in ("Ours", "Mine"):
        journal, _ = store.create(name, "a calm river stone", LIGHT_KDF)
        journal.confirm_recovery_key()
        journal.lock()
    seen = _run(FILTER_PROBE, data)
    assert seen["before"] == 0
    assert seen["after"] > 0  # on the application from then on
    assert seen["combo_boxes"] >= 1
    assert seen["wheel_focus"] == 0


# Reports, once the window has settled (the focus given as it became active, the filters
# on), how far the lock screen's page is scrolled and what has the focus.
TOP_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["probe"])
def settled():
    from journal.ui.shell.main_window import MainWindow
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    bar = window.lock_scroll.verticalScrollBar()
    focus = QApplication.focusWidget()
    found = {{"scrolled": bar.value(), "room": bar.maximum()}}
    found["focus"] = focus.text() if focus else ""
    print(json.dumps(found)); sys.stdout.flush()
    app.quit()
QTimer.singleShot(1500, settled)
from journal.app import run_gui
run_gui(Path({data!r}), ["solace"])
"""


def test_the_first_page_opens_at_its_top_at_large_text(tmp_path: Path) -> None:
    """Break test 39, left alone then: at 200 % text the Welcome page opened scrolled
    down to its focused "Create a journal", the heading cut, because the focus came
    while the filter that keeps a page's top in view was held off for the first paint
    (`page_top.opened_before_first_paint`)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    Settings(data).set(FONT_SCALE, 200)
    found = _run(TOP_PROBE, data)
    assert found["room"] > 0  # the page is taller than the window: it could scroll
    assert found["focus"] == "Create a journal"
    assert found["scrolled"] == 0


# Reports the modules the unlock imported: from the Unlock click, once the background
# loading has finished (the areas built), to the window's `opened`.
UNLOCK_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["probe"])
def unlock():
    from journal.ui.shell.main_window import MainWindow
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not window.areas:  # the background loading has not finished
        QTimer.singleShot(20, unlock)
        return
    before = set(sys.modules)
    def opened():
        new = sorted(set(sys.modules) - before)
        print(json.dumps({{"imported": new}})); sys.stdout.flush()
        app.quit()
    window.opened.connect(opened)
    window.lock_screen.unlock_page.passphrase.setText("a calm river stone")
    window.lock_screen.unlock_page.unlock_button.click()
QTimer.singleShot(0, unlock)
from journal.app import run_gui
run_gui(Path({data!r}), ["solace"])
"""


def test_the_unlock_imports_nothing_once_the_passphrase_is_typed(tmp_path: Path) -> None:
    """Issue 12: the first unlock of a session imported `cryptography` (Argon2id and
    AES-GCM, about 12 ms here) and the daily backup's modules after the Unlock click,
    while the person waited; they load in the background while the lock screen shows."""
    data = tmp_path / "data"
    journal, _ = JournalStore(data).create("Ours", "a calm river stone", LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    found = _run(UNLOCK_PROBE, data)
    ours = [name for name in found["imported"] if name.split(".")[0] in {"journal", "cryptography"}]
    assert ours == []

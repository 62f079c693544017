"""A whole session as a person has it, in real processes (issue 12), beside a bare
PySide6 window started, shown and closed the same way in the same run:

* cold start to the painted lock screen / the bare window's first paint (<= 1.3x);
* the first unlock: the passphrase typed 1.5 s after the lock screen appears, then
  from the Unlock click to the painted main window, less the key derivation alone:
  <= 0.15 s. The key derivation is timed inside that very unlock (every call of
  `derive_kek` it makes); Argon2id with the journal's parameters timed apart, in
  the test's own process, is reported beside it (it varied by +-50 ms from round
  to round, more than the whole margin, so "beyond" is no longer taken against it).
  If the background loading (storage stack, areas) has not finished by then (a
  machine busy with other work), the click waits for it, and the wait is reported;
* quit: from closing the window to the process's exit / the bare window's (<= 1.5x).

Reported beside them: the time the GUI thread spends building the areas after the
first paint (``areas_built_s``), while the person types the passphrase; keys typed
meanwhile wait for it.

Every unlock after a lock is a first unlock too: the hard lock replaces the process
(`journal.ui.shell.hard_lock`). Measured at 1k, 10k and 100k entries (copies of
the cached benchmark journals, re-wrapped with the default key derivation), in
interleaved rounds; medians. Solace starts through `journal.app.main`, as
installed (modules byte-compiled, see test_startup_bench).
Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_session_bench.py
--benchmark-only -q -s
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import pytest

from journal.storage.lock.keys import DEFAULT_KDF, derive_kek, new_salt
from journal.storage.lock.store import JournalStore

try:
    from journal_generator import PASSPHRASE, cached_journal  # type: ignore[import-not-found]
    from test_startup_bench import compile_as_installed  # type: ignore[import-not-found]
except ImportError:
    from tests.benchmarks.journal_generator import PASSPHRASE, cached_journal
    from tests.benchmarks.test_startup_bench import compile_as_installed

ROOT = Path(__file__).resolve().parents[2]
SIZES = (1_000, 10_000, 100_000)
ROUNDS = 5
TYPING_PAUSE_MS = 1500
# A session that has not closed by then is stuck (a page the script does not expect,
# such as a new recovery key to confirm): the process says what is on screen and ends,
# and the benchmark fails saying so, instead of waiting for ever (break: the sessions
# of issue 12 that "timed out under load" were waiting on a recovery key page).
STUCK_MS = 90_000
# pytest-timeout's two minutes (pyproject) cover the fixture too: building the cached
# 100k journal the first time, and six rounds of three processes on a loaded machine.
SESSION_TIMEOUT_S = 900

_PROBE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication(["probe"])
def say(line):  # with the CPU seconds this process has used so far (all threads)
    sys.stdout.write("%s cpu=%.4f\\n" % (line, time.process_time())); sys.stdout.flush()
def top():
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]
def close_all():
    say("closing")
    for widget in top():
        widget.close()
def stuck():  # the session did not reach its end: say what is on screen, and go
    from PySide6.QtWidgets import QLabel
    shown = [w.text()[:120] for w in QApplication.allWidgets()
             if isinstance(w, QLabel) and w.isVisible() and w.text()]
    say("stuck: " + " | ".join(shown).replace("\\n", " "))
    import os; os._exit(3)
QTimer.singleShot(STUCK_MS, stuck)
""".replace("STUCK_MS", str(STUCK_MS))

BARE = (
    _PROBE
    + """
def shown():
    for widget in top():
        widget.repaint()
    say("shown")
    QTimer.singleShot(300, close_all)
QTimer.singleShot(0, shown)
from PySide6.QtWidgets import QWidget
window = QWidget(); window.setWindowTitle("bare"); window.resize(1100, 740); window.show()
app.exec()
"""
)

SOLACE = (
    _PROBE.replace("{", "{{").replace("}", "}}")
    + """
PASSPHRASE = {passphrase!r}
clicked = []
kdf_wall = []  # each key derivation of the unlock, timed where it runs
def timed_kdf(*args):
    started = time.perf_counter()
    try:
        return derive_kek(*args)
    finally:
        kdf_wall.append(time.perf_counter() - started)
def shown():
    for widget in top():
        widget.repaint()
    say("shown")
    QTimer.singleShot({pause}, unlock)
waited = []
def unlock():
    window = next(w for w in top() if hasattr(w, "lock_screen"))
    if not window.areas:  # still loading in the background: a busy machine
        waited.append(1)
        QTimer.singleShot(50, unlock)
        return
    say(f"waited {{len(waited) * 0.05:.2f}}")
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    window.opened.connect(lambda: painted(window))
    clicked.append((time.perf_counter(), time.process_time()))
    page.unlock_button.click()
def painted(window):
    window.repaint()
    wall, cpu = time.perf_counter() - clicked[0][0], time.process_time() - clicked[0][1]
    say(f"unlocked {{wall:.4f}} {{cpu:.4f}} {{sum(kdf_wall):.4f}}")
    QTimer.singleShot(300, close_all)
QTimer.singleShot(0, shown)
sys.path.insert(0, {root!r})
import journal.storage.lock.keys as keys
derive_kek, keys.derive_kek = keys.derive_kek, timed_kdf
import journal.ui.shell.main_window as main_window
build_areas = main_window.MainWindow._build_areas
def timed_build(window):  # the areas, built on the GUI thread after the first paint
    if window.areas:
        return
    started, cpu = time.perf_counter(), time.process_time()
    build_areas(window)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    say(f"built {{wall:.4f}} {{cpu:.4f}}")
main_window.MainWindow._build_areas = timed_build
from journal.app import main
main(["solace", "--data-dir", {data!r}])
"""
)


def run_session(script: str) -> dict[str, float]:
    """Seconds to the first paint, to unlock (if the script unlocks), and from the
    close to the process's exit; each also in CPU seconds of the process (all its
    threads), which a machine busy with other work changes far less than wall time."""
    with tempfile.TemporaryFile() as errors:  # what a process that ends early said
        return _run_session(script, errors)


def _run_session(script: str, errors: IO[bytes]) -> dict[str, float]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    figures: dict[str, float] = {}
    closing = 0.0
    for line in child.stdout:
        words = line.split()
        if words[0] == "stuck:":
            child.wait()
            child.stdout.close()
            pytest.fail(f"the session stopped at a page it did not expect: {line.strip()}")
        cpu = float(words[-1].removeprefix("cpu="))
        if words[0] == "shown":
            figures["start"] = time.perf_counter() - started
            figures["start_cpu"] = cpu
        elif words[0] == "built":
            figures["built"], figures["built_cpu"] = float(words[1]), float(words[2])
        elif words[0] == "waited":
            figures["waited"] = float(words[1])
        elif words[0] == "unlocked":
            figures["unlock"], figures["unlock_cpu"] = float(words[1]), float(words[2])
            figures["unlock_kdf"] = float(words[3])
        elif words[0] == "closing":
            closing = time.perf_counter()
            figures["closing_cpu"] = cpu
            break
    _pid, status, usage = os.wait4(child.pid, 0)
    if not closing:  # ended before its window closed: say how, with its last words
        errors.seek(0)
        said = errors.read().decode(errors="replace")[-2000:]
        child.stdout.close()
        pytest.fail(f"the session ended early (wait status {status}): {said}")
    figures["quit"] = time.perf_counter() - closing
    figures["quit_cpu"] = usage.ru_utime + usage.ru_stime - figures["closing_cpu"]
    child.returncode = 0
    child.stdout.close()
    assert closing and "start" in figures
    return figures


@pytest.fixture(scope="module", params=SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def data_dir(request, bench_cache, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A copy of the cached journal as a person's is between sessions: its passphrase
    re-wrapped with the default key derivation, a recovery key shown and confirmed,
    and nothing left to tell at the next unlock (else the unlock shows a page first and
    the session never reaches the main window)."""
    data, folder = cached_journal(request.param, bench_cache)
    copy = tmp_path_factory.mktemp("session") / "data"
    shutil.copytree(data, copy)
    store = JournalStore(copy)
    journal = store.unlock(copy / "journals" / folder.name, PASSPHRASE)
    journal.change_passphrase(PASSPHRASE, DEFAULT_KDF)
    # The cached journal's recovery key was never confirmed, so this first unlock has
    # withdrawn it: a new one is made, "shown" and confirmed, as the lock screen does.
    if journal.recovery_key_problem:
        journal.new_recovery_key()
        journal.recovery_key_shown()
    journal.confirm_recovery_key()
    journal.lock()
    journal = store.unlock(copy / "journals" / folder.name, PASSPHRASE)
    told = (journal.recovery_key_problem, journal.key_change_note)
    journal.lock()
    assert told == ("", ""), told
    return request.param, copy


@pytest.mark.timeout(SESSION_TIMEOUT_S)
def test_a_whole_session_against_a_bare_window(benchmark, data_dir):  # type: ignore[no-untyped-def]
    size, data = data_dir
    compile_as_installed()
    solace = SOLACE.format(
        root=str(ROOT), data=str(data), passphrase=PASSPHRASE, pause=TYPING_PAUSE_MS
    )
    bare: list[dict[str, float]] = []
    ours: list[dict[str, float]] = []
    kdf: list[float] = []

    def one_round() -> None:
        bare.append(run_session(BARE))
        ours.append(run_session(solace))
        started, cpu = time.perf_counter(), time.process_time()
        derive_kek(PASSPHRASE.encode(), new_salt(), DEFAULT_KDF)
        kdf.append((time.perf_counter() - started, time.process_time() - cpu))

    benchmark.pedantic(one_round, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    ours, bare, kdf = ours[-ROUNDS:], bare[-ROUNDS:], kdf[-ROUNDS:]

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(row[key] for row in rows)

    kdf_wall = statistics.median(wall for wall, _ in kdf)
    kdf_cpu = statistics.median(cpu for _, cpu in kdf)
    figures = {"load_average": round(os.getloadavg()[0], 2)}
    for kind, suffix in (("wall", ""), ("cpu", "_cpu")):
        key_cost = kdf_wall if kind == "wall" else kdf_cpu
        figures.update(
            {
                f"{kind}_bare_start_s": round(median(bare, "start" + suffix), 3),
                f"{kind}_start_s": round(median(ours, "start" + suffix), 3),
                f"{kind}_start_ratio": round(
                    median(ours, "start" + suffix) / median(bare, "start" + suffix), 2
                ),
                f"{kind}_kdf_apart_s": round(key_cost, 3),
                f"{kind}_unlock_s": round(median(ours, "unlock" + suffix), 3),
                f"{kind}_unlock_beyond_kdf_apart_s": round(
                    median(ours, "unlock" + suffix) - key_cost, 3
                ),
                f"{kind}_bare_quit_s": round(median(bare, "quit" + suffix), 3),
                "waited_for_background_loading_s": round(median(ours, "waited"), 2),
                f"{kind}_areas_built_s": round(median(ours, "built" + suffix), 3),
                f"{kind}_quit_s": round(median(ours, "quit" + suffix), 3),
                f"{kind}_quit_ratio": round(
                    median(ours, "quit" + suffix) / median(bare, "quit" + suffix), 2
                ),
            }
        )
    figures["wall_kdf_in_unlock_s"] = round(median(ours, "unlock_kdf"), 3)
    figures["wall_unlock_beyond_kdf_s"] = round(
        statistics.median(row["unlock"] - row["unlock_kdf"] for row in ours), 3
    )
    benchmark.extra_info.update(figures)
    sys.stderr.write(f"\nsession at {size:,}: {figures}\n")

"""A script run in a process of its own and killed with SIGKILL once it has said what
it was asked to, as a crash or a power cut would end Solace: nothing saved on the way
out, no clean-up (no tests here)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

REPORT_WITHIN_S = 60


def _read_line(process: subprocess.Popen[str], deadline: float) -> str:
    assert process.stdout is not None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            return process.stdout.readline().strip()
    raise AssertionError("the app did not report in time")


def killed_after(script: Path, args: list[str], *lines: str) -> float:
    """Run the Python file ``script`` with ``args`` (Qt offscreen), wait until it has
    printed each of ``lines`` in turn (within `REPORT_WITHIN_S` seconds), then kill it
    with SIGKILL. Returns the seconds from its first line to its last. Raises
    AssertionError when a line does not come, or another comes instead."""
    process = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        deadline = time.monotonic() + REPORT_WITHIN_S
        said_at = []
        for line in lines:
            assert _read_line(process, deadline) == line
            said_at.append(time.monotonic())
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    return said_at[-1] - said_at[0]

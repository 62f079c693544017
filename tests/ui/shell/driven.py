"""Run `session_driver.py` as a real Solace process and read what it reports."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

DRIVER = Path(__file__).with_name("session_driver.py")


class Driven:
    """A Solace process started by the session driver (see its docstring)."""

    def __init__(
        self,
        data_dir: Path,
        scenario: str,
        config: dict[str, str],
        *,
        prefix: list[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.process = subprocess.Popen(
            [*(prefix or []), sys.executable, str(DRIVER), str(data_dir), scenario],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        )
        self.send(json.dumps(config))
        self.lines: list[str] = []

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, *words: str, timeout: float = 60.0) -> tuple[str, float]:
        """Wait for a line starting with one of ``words``; (word, time.time() stamp)."""
        assert self.process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    break
                line = self.process.stdout.readline()
                if not line:
                    break
                self.lines.append(line.strip())
                word, _, stamp = line.strip().partition(" ")
                if word in words:
                    return word, float(stamp)
        finally:
            selector.close()
        raise AssertionError(f"no {words} from the driven app; it said {self.lines}")

    def quit(self) -> int:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.send("quit")
        try:
            return self.process.wait(timeout=30)
        finally:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.quit()

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
        self.values: dict[str, str] = {}  # from "value <name> <text>" lines
        self._pending = ""  # read from the pipe, not yet split into lines

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, *words: str, timeout: float = 60.0) -> tuple[str, float]:
        """Wait for a line starting with one of ``words``; (word, time.time() stamp).

        Reads the pipe's bytes itself: lines that arrive together are all seen."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        selector = selectors.DefaultSelector()
        selector.register(fd, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        try:
            while True:
                while "\n" in self._pending:
                    line, self._pending = self._pending.split("\n", 1)
                    found = self._take(line.strip(), words)
                    if found is not None:
                        return found
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(timeout=left):
                    break
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                self._pending += chunk.decode()
        finally:
            selector.close()
        raise AssertionError(f"no {words} from the driven app; it said {self.lines}")

    def _take(self, line: str, words: tuple[str, ...]) -> tuple[str, float] | None:
        self.lines.append(line)
        word, _, rest = line.partition(" ")
        if word == "value":
            name, _, value = rest.partition(" ")
            self.values[name] = value
        elif word in words:
            return word, float(rest)
        return None

    def quit(self) -> int:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.send("quit")
        try:
            return self.process.wait(timeout=30)
        finally:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):  # a pipe the process has left
                        stream.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.quit()

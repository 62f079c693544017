"""A worker script run on a real, small, private file system: a 3 MB tmpfs mounted in
a user and mount namespace (``unshare``), which vanishes with the process. For the
tests of a disk that fills up (the lock's sealed words, an unlock without room)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def run_on_small_disk(worker: Path, mount: Path) -> Any:
    """Run ``worker`` (given ``mount``, where it mounts its tmpfs) with this Python in
    a private namespace; its last line of output, read as JSON. Skips the test where
    Linux's ``unshare`` or user namespaces are not available."""
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        pytest.skip("needs Linux's unshare for a private tmpfs")
    namespace = [unshare, "--user", "--map-root-user", "--mount"]
    if subprocess.run([*namespace, "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("user namespaces are not allowed here")
    child = subprocess.run(
        [*namespace, sys.executable, str(worker), str(mount)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    return json.loads(child.stdout.strip().splitlines()[-1])

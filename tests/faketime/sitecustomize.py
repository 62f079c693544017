"""Loaded by every Python process `make dates` starts (it puts this folder on
PYTHONPATH), never by `make test`.

`make dates` runs the tests under libfaketime with the monotonic clock left real
(FAKETIME_DONT_FAKE_MONOTONIC=1: faked, a thread's timed wait never ends). Then
Python 3.11's `time.sleep`, which waits with clock_nanosleep(CLOCK_MONOTONIC,
TIMER_ABSTIME), fails with EINVAL: libfaketime hands the kernel a deadline it has
faked (libfaketime issue 426). A timed wait on a `threading.Event` is not affected, so
`time.sleep` waits on one instead; `subprocess.Popen.wait` sleeps through it too.
"""

import threading
import time


def _sleep(seconds: float) -> None:
    """Wait ``seconds`` (s) on the real monotonic clock, as `time.sleep` does; raises
    ValueError for a negative length, as it does."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    threading.Event().wait(seconds)


time.sleep = _sleep

"""Process hardening at start-up: no core dumps that could hold decrypted text."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    """Best effort; quietly skipped where the platform has no such controls."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        log.debug("could not lower RLIMIT_CORE")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)  # symbols already loaded: libc
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            log.debug("could not clear PR_SET_DUMPABLE")
